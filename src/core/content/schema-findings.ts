import type { z } from 'zod';
import type { Finding } from '../findings/finding.ts';
import { closest, formatPath } from '../text/closest.ts';
import { DIAGNOSTICS, type InvalidField } from '../findings/catalogue.ts';
import { createFinding } from '../findings/create-finding.ts';
import type { Locator } from './locator.ts';

interface Where {
  readonly file: string;
  readonly entry?: string;
  readonly locator: Locator;
  readonly schema: z.ZodType;
}

/**
 * Turns zod issues into findings with the file line of the field, a plain-language message and a
 * hint built from the field's own documentation. One finding per issue, so an author sees every
 * problem of the file in one run.
 */
export function schemaFindings(issues: readonly z.core.$ZodIssue[], where: Where): Finding[] {
  return issues.flatMap((issue) => describeIssue(issue, where));
}

function describeIssue(issue: z.core.$ZodIssue, where: Where): Finding[] {
  const path = issue.path;
  const at = (fieldPath: readonly PropertyKey[]) => ({
    file: where.file,
    line: where.locator.lineOf(fieldPath),
    field: fieldPath.length > 0 ? formatPath(fieldPath) : undefined,
    entry: where.entry,
  });
  if (issue.code === 'unrecognized_keys') {
    const known = objectKeys(schemaAt(where.schema, path));
    return issue.keys.map((key) => {
      const guess = closest(key, known);
      return createFinding(
        DIAGNOSTICS.fieldUnknown,
        { field: formatPath([...path, key]), suggestion: guess ? formatPath([...path, guess]) : undefined, known },
        at([...path, key]),
      );
    });
  }

  const field = formatPath(path) || '(frontmatter)';
  const documentation = describeAt(where.schema, path);
  const input = 'input' in issue ? issue.input : undefined;

  if (issue.code === 'invalid_type' && input === undefined) {
    return [
      createFinding(
        DIAGNOSTICS.fieldMissing,
        { field, name: String(path.at(-1) ?? field), parent: path.length > 1 ? formatPath(path.slice(0, -1)) : undefined, documentation },
        at(path),
      ),
    ];
  }
  return [createFinding(DIAGNOSTICS.fieldInvalid, { field, found: show(input), problem: invalidity(issue, input), documentation }, at(path))];
}

/** Which way a value is wrong, for the catalogue's message. */
function invalidity(issue: z.core.$ZodIssue, input: unknown): InvalidField {
  switch (issue.code) {
    case 'invalid_value':
      return { kind: 'value', allowed: issue.values.map(String), guess: typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined };
    case 'invalid_type':
      return { kind: 'type', expected: article(issue.expected) };
    case 'invalid_union':
      return { kind: 'shape' };
    case 'too_small':
      return issue.origin === 'array'
        ? { kind: 'too-few', minimum: Number(issue.minimum) }
        : issue.origin === 'string'
          ? { kind: 'empty' }
          : { kind: 'too-small', minimum: String(issue.minimum) };
    case 'too_big':
      return { kind: 'too-big', maximum: String(issue.maximum) };
    default:
      return { kind: 'other', detail: issue.message };
  }
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date) return `\`${value.toISOString().slice(0, 10)}\``;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  const text = String(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a set of fields',
    date: 'a date',
  };
  return names[expected] ?? expected;
}

/** Walks a zod schema along a frontmatter path, through wrappers, lists and unions. */
function schemaAt(schema: z.ZodType | undefined, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current = schema;
  for (const key of path) {
    current = unwrap(current);
    if (!current) return undefined;
    const def = current._zod.def as unknown as Record<string, unknown>;
    if (def.type === 'object') {
      current = (def.shape as Record<string, z.ZodType>)[String(key)];
    } else if (def.type === 'array') {
      current = def.element as z.ZodType;
    } else if (def.type === 'union') {
      const options = def.options as z.ZodType[];
      current = options.map((option) => schemaAt(option, [key])).find(Boolean);
    } else if (def.type === 'record') {
      current = def.valueType as z.ZodType;
    } else {
      return undefined;
    }
  }
  return current;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._zod.def as unknown as Record<string, unknown>;
    if (def.innerType) current = def.innerType as z.ZodType;
    else if (def.type === 'pipe') current = def.in as z.ZodType;
    else break;
  }
  return current;
}

function objectKeys(schema: z.ZodType | undefined): string[] {
  const def = unwrap(schema)?._zod.def as unknown as Record<string, unknown> | undefined;
  return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** Returns the documentation of the field at `path`, from the outermost schema that has one. */
export function describeAt(schema: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  let current: z.ZodType | undefined = schemaAt(schema, path.slice(0, -1));
  current = unwrap(current);
  const def = current?._zod.def as unknown as Record<string, unknown> | undefined;
  const last = path.at(-1);
  let target: z.ZodType | undefined;
  if (def?.type === 'object') target = (def.shape as Record<string, z.ZodType>)[String(last)];
  else if (def?.type === 'array') target = def.element as z.ZodType;
  for (let depth = 0; target && depth < 10; depth++) {
    if (target.description) return target.description;
    const inner = target._zod.def as unknown as Record<string, unknown>;
    target = (inner.innerType ?? (inner.type === 'pipe' ? inner.in : undefined)) as z.ZodType | undefined;
  }
  return undefined;
}
