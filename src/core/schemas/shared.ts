/**
 * Building blocks shared by every collection schema.
 *
 * Field documentation lives in `.describe()` rather than in JSDoc: the same sentence then reaches
 * the generated JSON Schemas (editor hovers), the error hints of `npm run check` and the
 * authoring guide, so it is written once.
 */
import { z } from 'zod';

/** Dates and durations are validated by hand; their JSON Schema form is registered here. */
export const jsonSchemaOverrides = new WeakMap<z.ZodType, Record<string, unknown>>();

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** Returns the UTC instant of a `YYYY-MM-DD` string, or undefined when the day does not exist. */
export function parseCalendarDate(text: string): Date | undefined {
  const match = CALENDAR_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // `Date.UTC` silently rolls 2026-02-30 over to March; a round trip catches it.
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date : undefined;
}

/** Returns the instant of an ISO 8601 date-time (UTC when no offset is given), or undefined. */
export function parseDateTime(text: string): Date | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return parseCalendarDate(text);
  const day = parseCalendarDate(`${match[1]}-${match[2]}-${match[3]}`);
  const [hours, minutes, seconds] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (!day || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return new Date(day.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000 - offsetMinutes(match[7]) * 60_000);
}

/** Minutes east of UTC for `Z`, `+02`, `+0200` or `-05:30`. */
function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return zone.startsWith('-') ? -minutes : minutes;
}

// Astro's own frontmatter parser turns unquoted dates into `Date` objects, while the checker keeps
// them as text so it can reject days that do not exist. Both shapes are accepted here.
function dateField(kind: 'date' | 'date-time') {
  const parse = kind === 'date' ? parseCalendarDate : parseDateTime;
  const example = kind === 'date' ? '2026-03-01' : '2026-03-01T09:30:00Z';
  const schema = z.union([z.string(), z.date()]).transform((value, ctx) => {
    if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) return value;
    } else {
      const parsed = parse(value.trim());
      if (parsed) return parsed;
    }
    ctx.issues.push({
      code: 'custom',
      input: value,
      message:
        kind === 'date'
          ? `expected a calendar date written as YYYY-MM-DD, like ${example}`
          : `expected an ISO 8601 date and time, like ${example}`,
    });
    return z.NEVER;
  });
  // `format: date-time` would demand seconds and an offset, which this field does not.
  jsonSchemaOverrides.set(
    schema,
    kind === 'date'
      ? { type: 'string', format: 'date', examples: [example] }
      : { type: 'string', pattern: DATE_TIME.source, examples: [example] },
  );
  return schema;
}

/** A calendar day, `YYYY-MM-DD`. */
export const isoDate = () => dateField('date');
/** An instant, `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`; UTC when no offset is written. */
export const isoDateTime = () => dateField('date-time');

const CADENCE = /^(\d+)\s*(d|w|m|y)$/;
export type CadenceUnit = 'd' | 'w' | 'm' | 'y';

/** A review cadence or maximum age, written as a count and a unit: `90d`, `12w`, `6m`, `1y`. */
export const cadence = () => {
  const schema = z
    .string()
    .trim()
    .regex(CADENCE, {
      message: 'expected a duration such as 90d, 12w, 6m or 1y (days, weeks, months, years)',
      // Without abort, the zero check below would report a second, misleading problem.
      abort: true,
    })
    .refine((text) => Number(CADENCE.exec(text)?.[1]) > 0, {
      message: 'a duration must be longer than zero',
    });
  jsonSchemaOverrides.set(schema, {
    type: 'string',
    pattern: CADENCE.source,
    examples: ['90d', '6m', '1y'],
  });
  return schema;
};

/** Adds `times` cadences to a date; months and years follow the calendar. */
export function addCadence(date: Date, text: string, times = 1): Date {
  const match = CADENCE.exec(text.trim());
  if (!match) throw new Error(`Invalid cadence "${text}".`);
  const amount = Number(match[1]) * times;
  const result = new Date(date.getTime());
  switch (match[2] as CadenceUnit) {
    case 'd':
      result.setUTCDate(result.getUTCDate() + amount);
      break;
    case 'w':
      result.setUTCDate(result.getUTCDate() + amount * 7);
      break;
    case 'm':
      result.setUTCMonth(result.getUTCMonth() + amount);
      break;
    case 'y':
      result.setUTCFullYear(result.getUTCFullYear() + amount);
      break;
  }
  return result;
}

/** The ID of another entry. Which collection it points into is declared with the field's relation. */
export const ref = () => z.string().trim().min(1, { message: 'an ID must not be empty' });

/** A list of entry IDs; defaults to an empty list. */
export const refs = () => z.array(ref()).default([]);

/** An `https:` or `http:` address, or a path on the published site. */
export const link = () =>
  z
    .string()
    .trim()
    .regex(/^(https?:\/\/|\/)\S+$/, {
      message: 'expected an address starting with https://, http:// or /',
    });

/** Fields every Markdown entry has, whatever its collection. */
export const entryBase = {
  title: z.string().trim().min(1).describe('Title shown on the page, in lists and in search results.'),
  description: z
    .string()
    .trim()
    .optional()
    .describe('One or two sentences shown under the title and in lists. Optional.'),
  tags: z.array(z.string().trim().min(1)).default([]).describe('Free-form tags for search and grouping. Defaults to none.'),
  draft: z
    .boolean()
    .default(false)
    .describe('A draft is checked but left out of production builds. Defaults to false.'),
  visibility: z
    .enum(['internal', 'public'])
    .optional()
    .describe('Who may read the entry. Defaults to the platform setting `defaultVisibility` (internal).'),
};

/** The planes of the operating model, in the order the site presents them. */
export const PLANES = [
  'identity',
  'control',
  'knowledge',
  'execution',
  'operations',
  'proof',
  'narrative',
] as const;
export type Plane = (typeof PLANES)[number];

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type IncidentSeverity = (typeof SEVERITIES)[number];

/** Every collection, in the order of the planes they belong to. */
export const COLLECTION_NAMES = [
  'platform',
  'owners',
  'policies',
  'runbooks',
  'services',
  'deployments',
  'incidents',
  'case-studies',
  'articles',
  'whitepaper',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];
