import { formatDate } from '../../core/text/dates.ts';

/** A run of a finding's message: prose, or a name that was `backticked`. */
export interface MessagePart {
  readonly text: string;
  readonly code: boolean;
}

/**
 * Splits a message written for terminals into the runs a page shows: backticked spans become
 * code, and whole days in prose (`2026-12-01`, as terminals get them) are written in the site's
 * one date format. Code is left as written, so an ID holding a date stays the ID.
 */
export function messageParts(text: string): MessagePart[] {
  return text
    .split(/`([^`]+)`/)
    .map((part, index) => (index % 2 === 1 ? { text: part, code: true } : { text: prose(part), code: false }))
    .filter((part) => part.text !== '');
}

function prose(text: string): string {
  return text.replace(/(?<![-\w])\d{4}-\d{2}-\d{2}(?![-\w])/g, (day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? day : formatDate(date);
  });
}
