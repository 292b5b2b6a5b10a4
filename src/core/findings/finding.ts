import type { Plane } from '../schemas/shared.ts';

/** `notice`: something a reviewer must look at, which neither fails the check nor counts as a warning. */
export type Severity = 'error' | 'warning' | 'notice';

/**
 * One problem found in the content: what is wrong, where, and how to fix it.
 * Findings are plain data so every output (terminal, JSON, GitHub annotations, the site) shares them.
 */
export interface Finding {
  /** Stable ID of the rule or diagnostic; the authoring guide has a section per ID. */
  readonly rule: string;
  readonly severity: Severity;
  /** The plane whose governance the rule enforces. */
  readonly plane: Plane;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** How to fix it. */
  readonly hint: string;
  /** Path of the file, relative to the project root, with `/` separators. */
  readonly file: string;
  /** 1-based line in the file. */
  readonly line: number;
  /** 1-based column, when the problem is at a precise place of the line (a YAML syntax error). */
  readonly column?: number;
  /** Dotted path of the frontmatter field concerned, when there is one. */
  readonly field?: string;
  /** `collection/id` of the entry concerned, when the file parsed far enough to have one. */
  readonly entry?: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Orders findings by file, line, then severity, so every output lists them the same way. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}
