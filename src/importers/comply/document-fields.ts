import { describeFields } from '../describe-fields.ts';
import type { UnmappedItem } from '../import-result.ts';
import type { Revisions } from './revision-dates.ts';

/** Returns a metadata field as trimmed text, or undefined when absent or empty. */
export function textField(metadata: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = metadata?.[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The report line for metadata fields no mapping knows, so they are not dropped silently. */
export function unknownFields(
  metadata: Record<string, unknown> | undefined,
  known: readonly string[],
  source: string,
  noun: string,
): UnmappedItem[] {
  const unknown = Object.entries(metadata ?? {}).filter(([key]) => !known.includes(key));
  return unknown.length === 0 ? [] : [{ source, what: describeFields(unknown), why: `no ${noun} field holds ${unknown.length === 1 ? 'it' : 'them'}` }];
}

/** The report line for revision comments, which have no field in Multiplane. */
export function revisionComments(revisions: Revisions, source: string, kept: string): UnmappedItem[] {
  const comments = revisions.entries.filter((revision) => revision.comment !== '');
  if (comments.length === 0) return [];
  const list = comments.map((revision) => `"${revision.comment}" (${revision.date})`).join('; ');
  return [{ source, what: `majorRevisions comment${comments.length === 1 ? '' : 's'} ${list}`, why: `${kept} keeps only the review dates; the history stays in version control` }];
}

/** Report lines for revision dates that could not be read. */
export function unreadableDates(revisions: Revisions, source: string): UnmappedItem[] {
  return revisions.unreadable.map((date) => ({ source, what: `majorRevisions date "${date}"`, why: 'not a date that can be read (write it like Jun 1 2018 or 2018-06-01)' }));
}

/**
 * The report line for a document without a name. Its first heading (kept in the body, which is
 * imported as is) or else its file name becomes the title.
 */
export function untitled(source: string, noun: string, heading: string | undefined): UnmappedItem {
  return { source, what: 'title', why: `the ${noun} has no name, so the title was taken from its ${heading ? 'first heading' : 'file name'}` };
}
