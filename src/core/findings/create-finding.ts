import type { Diagnostic } from './catalogue.ts';
import type { Finding } from './finding.ts';

/** Where a finding is: the file and line, and the field and entry when known. */
export interface Where {
  /** Path relative to the project root, with `/` separators. */
  readonly file: string;
  readonly line: number;
  readonly column?: number | undefined;
  readonly field?: string | undefined;
  readonly entry?: string | undefined;
}

/** The finding of a diagnostic: its words from the catalogue, filled with `params`, at `where`. */
export function createFinding<P>(docs: Diagnostic<P>, params: P, where: Where): Finding {
  return {
    rule: docs.id,
    severity: docs.severity,
    plane: docs.plane,
    message: docs.message(params),
    hint: docs.hint(params),
    file: where.file,
    line: where.line,
    ...(where.column ? { column: where.column } : {}),
    ...(where.field ? { field: where.field } : {}),
    ...(where.entry ? { entry: where.entry } : {}),
  };
}

/** A diagnostic with its params, whose place is not known yet (a file read before it is named). */
export interface Problem {
  at(where: Where): Finding;
}

/** Binds a diagnostic to its params, to be placed later. */
export function problem<P>(docs: Diagnostic<P>, params: P): Problem {
  return { at: (where) => createFinding(docs, params, where) };
}
