import { parseCalendarDate } from '../../core/schemas/shared.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Returns a comply revision date as `YYYY-MM-DD`, or undefined when it cannot be read. comply
 * leaves the format free; its themes write `Jun 1 2018`. Also read: `June 1, 2018`,
 * `1 June 2018` and ISO `2018-06-01`. Parsed by hand because `Date.parse` reads such text in
 * the local time zone and accepts impossible days.
 */
export function parseRevisionDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return calendar(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (monthFirst) return calendar(Number(monthFirst[3]), monthNumber(monthFirst[1] ?? ''), Number(monthFirst[2]));
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(text);
  if (dayFirst) return calendar(Number(dayFirst[3]), monthNumber(dayFirst[2] ?? ''), Number(dayFirst[1]));
  return undefined;
}

/** Returns 1–12 for a month's name or its abbreviation (`Jun`, `Sept`), else 0: "Junk" is not June. */
function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => lower.length >= 3 && month.startsWith(lower));
  return index + 1;
}

function calendar(year: number, month: number, day: number): string | undefined {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseCalendarDate(text) ? text : undefined;
}

/** A comply document's `majorRevisions`, read. */
export interface Revisions {
  /** Earliest and latest readable dates, YYYY-MM-DD. */
  readonly oldest: string | undefined;
  readonly newest: string | undefined;
  /** Every revision as written, for the report: its date (read if possible) and comment. */
  readonly entries: readonly { readonly date: string; readonly comment: string }[];
  /** Dates that could not be read, as written. */
  readonly unreadable: readonly string[];
}

/** Reads `majorRevisions` (a list of `{date, comment}`); anything else yields no revisions. */
export function readRevisions(value: unknown): Revisions {
  const list = Array.isArray(value) ? value : [];
  const dates: string[] = [];
  const unreadable: string[] = [];
  const entries = list.map((item: unknown) => {
    const record = item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    const parsed = parseRevisionDate(record.date);
    if (parsed) dates.push(parsed);
    else unreadable.push(String(record.date ?? JSON.stringify(item)));
    return { date: parsed ?? String(record.date ?? ''), comment: typeof record.comment === 'string' ? record.comment.trim() : '' };
  });
  dates.sort();
  return { oldest: dates[0], newest: dates.at(-1), entries, unreadable };
}
