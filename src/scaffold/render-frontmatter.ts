import { stringify } from 'yaml';
import type { FieldDefault } from './field-defaults.ts';
import { TODO } from './field-defaults.ts';

/** The parts of a JSON Schema (as `toAuthoringJsonSchema` writes them) the renderer reads. */
export interface FieldSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, FieldSchema>>;
  readonly required?: readonly string[];
  readonly items?: FieldSchema;
  readonly anyOf?: readonly FieldSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly examples?: readonly unknown[];
  readonly minItems?: number;
  readonly minimum?: number;
}

/** A value the author still has to replace, and where it is. */
export interface Placeholder {
  /** Dotted path of the field. */
  readonly field: string;
  /** 1-based line within the rendered frontmatter lines. */
  readonly line: number;
}

/** When the renderer needs the current day for an example date. */
export interface RenderClock {
  readonly today: string;
  readonly instant: string;
}

/**
 * Renders frontmatter lines for a schema: fields with a given value and required fields as YAML,
 * every other field commented out with an example value, each preceded by its documentation
 * (the `.describe()` text), so the file shows everything the entry can hold. Commented lines
 * start with `# ` at column 0: removing those two characters from a block yields valid YAML.
 */
export function renderFrontmatter(
  schema: FieldSchema,
  defaults: Readonly<Record<string, FieldDefault>>,
  clock: RenderClock,
): { lines: string[]; placeholders: Placeholder[] } {
  const lines: string[] = [];
  const placeholders: Placeholder[] = [];
  const given = (path: string) => Object.hasOwn(defaults, path);
  const givenBelow = (path: string) => Object.keys(defaults).some((key) => key.startsWith(`${path}.`));

  // `offAt` is the depth of the optional block a line belongs to, undefined for live lines. The
  // "# " goes at that block's indentation, so deleting it from each of the block's lines
  // restores valid YAML, and a commented field lines up with its documentation.
  const emit = (text: string, depth: number, offAt: number | undefined) => {
    lines.push(offAt === undefined ? `${'  '.repeat(depth)}${text}` : `${'  '.repeat(offAt)}# ${'  '.repeat(depth - offAt)}${text}`);
  };
  const describe = (field: FieldSchema, depth: number, offAt: number | undefined, note: string | undefined) => {
    const values = enumOf(field);
    let text = field.description ?? '';
    // Spell out the allowed values unless the description already names them all.
    if (values && !values.every((value) => text.includes(String(value)))) {
      text = `${text}${text ? ' ' : ''}One of: ${values.join(', ')}.`;
    }
    if (text) emit(`# ${text}`, depth, offAt);
    if (note) emit(`# ${note}`, depth, offAt);
  };

  const fields = (object: FieldSchema, path: readonly string[], depth: number, offAt: number | undefined) => {
    for (const [key, field] of Object.entries(object.properties ?? {})) {
      const dotted = [...path, key].join('.');
      const required = object.required?.includes(key) ?? false;
      const live = offAt === undefined && (required || given(dotted) || givenBelow(dotted));
      const fieldOffAt = live ? undefined : (offAt ?? depth);
      // A blank line between top-level fields keeps a long file scannable.
      if (depth === 0 && lines.length > 0) lines.push('');
      // Documentation stays a plain comment above a lone optional field ("# doc", then
      // "# name: value"), and is commented once more inside an optional block.
      describe(field, depth, offAt, defaults[dotted]?.note);
      const objectShape = isObject(field) ? field : undefined;
      const itemShape = field.items && isObject(field.items) ? field.items : undefined;
      if (!given(dotted) && objectShape) {
        emit(`${key}:`, depth, fieldOffAt);
        fields(objectShape, [...path, key], depth + 1, fieldOffAt);
      } else if (!given(dotted) && itemShape) {
        // A list of records (outcomes, compliance): show one example item with its fields.
        emit(`${key}:`, depth, fieldOffAt);
        emit('-', depth + 1, fieldOffAt);
        fields(itemShape, [...path, key], depth + 2, fieldOffAt);
      } else {
        const value = given(dotted) ? defaults[dotted]?.value : exampleOf(field, clock);
        emit(`${key}: ${inline(value)}`, depth, fieldOffAt);
        if (fieldOffAt === undefined && hasPlaceholder(value)) placeholders.push({ field: dotted, line: lines.length });
      }
    }
  };
  fields(schema, [], 0, undefined);
  return { lines, placeholders };
}

function isObject(field: FieldSchema): boolean {
  return field.properties !== undefined;
}

function enumOf(field: FieldSchema): readonly unknown[] | undefined {
  return field.enum ?? field.items?.enum;
}

/** An example value that validates, from the schema's default, examples, format or type. */
function exampleOf(field: FieldSchema, clock: RenderClock): unknown {
  if (field.default !== undefined) return field.default;
  if (field.const !== undefined) return field.const;
  if (field.enum?.length) return field.enum[0];
  const type = Array.isArray(field.type) ? field.type[0] : field.type;
  // A typed field's alternatives only carry its format (dates); an untyped one is a union.
  if (type === undefined && field.anyOf?.length) return exampleOf(field.anyOf[0] ?? {}, clock);
  const format = field.format ?? field.anyOf?.find((alternative) => alternative.format)?.format;
  switch (type) {
    case 'string': {
      const example = field.examples?.[0];
      if (format === 'date') return clock.today;
      if (format === 'date-time') return clock.instant;
      if (typeof example === 'string') return example.includes('T') ? clock.instant : example;
      if (format === 'email') return 'todo@example.com';
      if (field.pattern?.includes('https?')) return 'https://example.com/todo';
      // A pattern that refuses upper case (a name in ID form) gets the placeholder in lower case.
      if (field.pattern && !new RegExp(field.pattern).test(TODO) && new RegExp(field.pattern).test(TODO.toLowerCase())) return TODO.toLowerCase();
      return TODO;
    }
    case 'integer':
    case 'number':
      return field.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return (field.minItems ?? 0) > 0 && field.items ? [exampleOf(field.items, clock)] : [];
    default:
      return {};
  }
}

function hasPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith(TODO);
  return Array.isArray(value) && value.some(hasPlaceholder);
}

/** One value on one line: scalars as YAML would write them, lists in flow style. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') return Object.keys(value).length === 0 ? '{}' : JSON.stringify(value);
  return stringify(value, { lineWidth: 0 }).trimEnd();
}
