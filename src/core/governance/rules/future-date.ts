import { COLLECTION_NAMES } from '../../schemas/index.ts';
import { formatPath } from '../../text/closest.ts';
import { formatDay } from '../../text/dates.ts';
import { dateFieldsOf, valuesAtPath } from '../date-fields.ts';
import { defineRule, type RuleResult } from '../rule.ts';
import { standingOf } from '../standing.ts';

/**
 * Dates that may lie ahead, by collection: the day a policy takes effect is announced before it.
 * Every other date records something that happened, so it cannot be later than now.
 */
const MAY_BE_AHEAD: Readonly<Partial<Record<string, readonly string[]>>> = { policies: ['effective'] };

// A calendar day is not in the future while it has begun somewhere on Earth (up to UTC+14).
const DAY_GRACE = 14 * 3_600_000;

export const futureDate = defineRule({
  id: 'future-date',
  title: 'A date lies in the future',
  plane: 'control',
  severity: 'error',
  description:
    'A date that records something done (a review, a restore test, an incident, a deployment, a measurement, a publication) is not later than the day the check runs: a review dated next year would hide an overdue review until then. Only a policy\'s `effective` day may lie ahead. Drafts are not checked.',
  collections: COLLECTION_NAMES,
  applies: (entry) => standingOf(entry) !== 'draft',
  check(entry, { now }) {
    const allowed = MAY_BE_AHEAD[entry.collection] ?? [];
    const results: RuleResult[] = [];
    for (const field of dateFieldsOf(entry.collection)) {
      for (const { path, value } of valuesAtPath(entry.data, field.path)) {
        if (!(value instanceof Date)) continue;
        const name = formatPath(path);
        if (allowed.includes(name)) continue;
        const day = field.kind === 'day';
        if (value.getTime() - (day ? DAY_GRACE : 0) <= now.getTime()) continue;
        results.push({
          path,
          message: `\`${name}\` is ${day ? formatDay(value) : value.toISOString().replace('.000Z', 'Z')}, later than the day of the check (${formatDay(now)}): it records something that cannot have happened yet.`,
          hint: `Write the ${day ? 'day' : 'time'} it actually happened. If it is planned, record it once it has happened${entry.collection === 'articles' ? ', or mark the article `draft: true` until it is published' : ''}. If the check's date is wrong, pass --now or set SOURCE_DATE_EPOCH.`,
        });
      }
    }
    return results;
  },
});
