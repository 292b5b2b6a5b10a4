import { z } from 'zod';
import { GovernanceSchema } from './governance.ts';
import { COLLECTIONS } from './index.ts';
import { type CollectionName, jsonSchemaOverrides } from './shared.ts';

/**
 * The JSON Schema dialect written. Draft-07 is the newest one the editors' YAML language server
 * (redhat.vscode-yaml) and most validators fully support; draft 2020-12 is only partly supported.
 */
export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

// A calendar day that exists: 30 February and 29 February of a common year are refused, as the
// check refuses them. Years 0000–0099 are refused too: the check reads them as 1900–1999.
const YEAR = '(?:[1-9]\\d{3}|0[1-9]\\d{2})';
const LEAP_YEAR = '(?:(?:[1-9]\\d|0[1-9])(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';
const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))';
const DAY = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
// The times the check reads (shared.ts): `T` or a space, seconds and fraction optional, then `Z`,
// `±HH`, `±HHMM` or `±HH:MM`, or no offset (UTC); hours to 23, minutes and seconds to 59.
const TIME = '[T ](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?';

/** A calendar day, `YYYY-MM-DD`, surrounding white space allowed as the check trims it. */
export const DATE_PATTERN = `^\\s*${DAY}\\s*$`;
/** An instant as the check reads it: a day with an optional time and offset. */
export const DATE_TIME_PATTERN = `^\\s*${DAY}(?:${TIME})?\\s*$`;

/**
 * The strictest JSON form of what `shared.ts` registers for fields validated in code, by the form
 * registered there. Each keeps what JSON Schema can say of the code's rule: a day that exists,
 * an hour below 24, a cadence or span longer than zero.
 */
const STRICTER: readonly { readonly matches: (json: Record<string, unknown>) => boolean; readonly json: Record<string, unknown> }[] = [
  // As for instants below: the pattern decides, the format alternative is there for tools.
  { matches: (json) => json.format === 'date', json: { type: 'string', pattern: DATE_PATTERN, anyOf: [{ format: 'date' }, { pattern: DATE_PATTERN }] } },
  {
    matches: (json) => typeof json.pattern === 'string' && json.pattern.startsWith('^(\\d{4})-(\\d{2})-(\\d{2})[T '),
    // The pattern is what the check accepts, RFC 3339 and more (no seconds, no offset, a space
    // for the T, a bare day). `format: date-time` rides in an alternative that the pattern already
    // decides, so tools that read formats see one, and validators never refuse an instant the
    // check accepts nor accept a leap second or a lower-case `t` the check refuses.
    json: { type: 'string', pattern: DATE_TIME_PATTERN, anyOf: [{ format: 'date-time' }, { pattern: DATE_TIME_PATTERN }] },
  },
  { matches: (json) => json.pattern === '^(\\d+)\\s*(d|w|m|y)$', json: { type: 'string', pattern: '^\\s*0*[1-9]\\d*\\s*(d|w|m|y)\\s*$' } },
  { matches: (json) => json.pattern === '^(\\d+(?:\\.\\d+)?)\\s*(h|d|w|m|y)$', json: { type: 'string', pattern: '^\\s*(?=[\\d.]*[1-9])\\d+(?:\\.\\d+)?\\s*(h|d|w|m|y)\\s*$' } },
];

/**
 * Returns the JSON Schema (draft-07) of what an author writes: the input side of a zod schema, so
 * fields with defaults are optional, and fields validated in code (dates, cadences) in the form
 * `shared.ts` registers for them. The scaffold, the authoring guide and the policy checks read it.
 */
export function toAuthoringJsonSchema(schema: z.ZodType, title: string): Record<string, unknown> {
  return generate(schema, title, false);
}

/**
 * Returns the JSON Schema editors and validators get (`public/schemas/`): the authoring schema
 * made as strict as JSON Schema can be about what `npm run check` accepts. Fields validated in
 * code get their strictest form (see `STRICTER`), text that must not be blank a pattern that
 * needs a non-space character (the check trims first), and object refinements JSON Schema can
 * state are added (see `withRefinements`).
 */
export function toEditorJsonSchema(schema: z.ZodType, title: string, collection?: CollectionName): Record<string, unknown> {
  const json = generate(schema, title, true);
  return collection ? withRefinements(collection, json) : json;
}

function generate(schema: z.ZodType, title: string, strict: boolean): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-07',
    unrepresentable: 'any',
    override(context) {
      const zod = context.zodSchema as unknown as z.ZodType;
      const replacement = overrideFor(zod);
      if (replacement) {
        const description = context.jsonSchema.description;
        const form = (strict ? STRICTER.find((candidate) => candidate.matches(replacement))?.json : undefined) ?? replacement;
        for (const key of Object.keys(context.jsonSchema)) delete context.jsonSchema[key];
        Object.assign(context.jsonSchema, form, replacement.examples ? { examples: replacement.examples } : {}, description ? { description } : {});
        return;
      }
      if (strict) trimmedText(zod, context.jsonSchema as Record<string, unknown>);
    },
  }) as Record<string, unknown>;
  return { title, ...json, $schema: JSON_SCHEMA_DIALECT };
}

/** Finds the registered JSON form of a schema or of the schema it was cloned from (`.describe()` clones). */
function overrideFor(schema: z.ZodType): Record<string, unknown> | undefined {
  for (let current: z.ZodType | undefined = schema; current; current = current._zod.parent as z.ZodType | undefined) {
    const found = jsonSchemaOverrides.get(current);
    if (found) return found;
  }
  return undefined;
}

/**
 * A trimmed string (`.trim()`) is checked after its white space is removed: `min(1)` then means
 * "not blank", which `minLength` alone does not say, and an anchored pattern must allow the white
 * space the check would have trimmed.
 */
function trimmedText(schema: z.ZodType, json: Record<string, unknown>): void {
  const def = schema._zod.def as { type: string; checks?: { _zod: { def: { check: string } } }[] };
  if (def.type !== 'string' || !def.checks?.some((check) => check._zod.def.check === 'overwrite')) return;
  const pattern = json.pattern;
  if (typeof pattern === 'string' && pattern.startsWith('^') && pattern.endsWith('$')) {
    json.pattern = `^\\s*(?:${pattern.slice(1, -1)})\\s*$`;
  } else if (pattern === undefined && typeof json.minLength === 'number' && json.minLength >= 1) {
    json.pattern = '\\S';
  }
}

/**
 * The refinements of whole objects that JSON Schema can state, added where the generator cannot
 * see them (a refinement is code): an owner is reachable by email, chat or a link; a resolved
 * incident says when. What needs two values compared (resolved after started, scorecard levels
 * that exist, check names that differ) stays the check's alone.
 */
function withRefinements(name: string, json: Record<string, unknown>): Record<string, unknown> {
  const properties = json.properties as Record<string, Record<string, unknown>> | undefined;
  if (name === 'owners' && properties?.contact) {
    properties.contact = {
      ...properties.contact,
      // Each alternative names its property too, as strict validators (Ajv) ask of `required`.
      anyOf: [
        { properties: { email: {} }, required: ['email'] },
        { properties: { chat: { pattern: '\\S' } }, required: ['chat'] },
        { properties: { url: {} }, required: ['url'] },
      ],
    };
  }
  if (name === 'incidents') {
    return { ...json, if: { properties: { status: { const: 'resolved' } }, required: ['status'] }, then: { properties: { resolved: {} }, required: ['resolved'] } };
  }
  return json;
}

/** Returns the editors' JSON Schema of every collection's frontmatter and of the governance settings, by file name. */
export function allJsonSchemas(): Record<string, Record<string, unknown>> {
  const schemas: Record<string, Record<string, unknown>> = {};
  for (const definition of Object.values(COLLECTIONS)) {
    const name: CollectionName = definition.name;
    schemas[`${name}.schema.json`] = toEditorJsonSchema(
      definition.schema,
      definition.source.kind === 'file' ? `Multiplane ${name} file` : `Multiplane ${definition.singular.toLowerCase()} frontmatter`,
      name,
    );
  }
  schemas['governance.schema.json'] = toEditorJsonSchema(GovernanceSchema, 'Multiplane governance settings');
  return schemas;
}
