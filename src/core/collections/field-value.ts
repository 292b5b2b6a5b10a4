import type { PlatformGraph } from '../graph/build-graph.ts';
import { formatDate, formatDateTime } from '../text/dates.ts';

export type BadgeVariant = 'note' | 'tip' | 'caution' | 'danger' | 'success' | 'default';

/** The one-word state of an entry, for lists, badges and the search filter. */
export interface StatusBadge {
  readonly text: string;
  readonly variant: BadgeVariant;
}

/** One value of an entry card or index cell, typed so each view renders each kind properly. */
export type FieldValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly date: Date; readonly time?: boolean; readonly note?: string; readonly overdue?: boolean }
  | { readonly kind: 'entries'; readonly keys: readonly string[]; readonly all?: string; readonly withheld?: boolean }
  | { readonly kind: 'badge'; readonly text: string; readonly variant: BadgeVariant }
  | { readonly kind: 'link'; readonly href: string; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] };

/** A labelled value of an entry card. */
export interface Field {
  readonly label: string;
  readonly value: FieldValue;
}

export const text = (value: string): FieldValue => ({ kind: 'text', text: value });
export const badge = (value: string, variant: BadgeVariant = 'default'): FieldValue => ({ kind: 'badge', text: value, variant });
export const list = (items: readonly string[]): FieldValue => ({ kind: 'list', items });
export const date = (value: Date, options: { time?: boolean; note?: string; overdue?: boolean } = {}): FieldValue => ({ kind: 'date', date: value, ...options });

/** A link for an address (`https://…` or a site path), text for anything else. */
export function linkOrText(value: string): FieldValue {
  return /^(https?:\/\/|\/)/.test(value) ? { kind: 'link', href: value, text: value.replace(/^https?:\/\//, '') } : text(value);
}

/**
 * The entries a reference field of `key` resolved to, as the graph resolved them: whatever form
 * the reference was written in, and only references that exist. `field` is the field's path
 * (`['owner']`, `['dependsOn']`, `['escalation', 'next']`).
 */
export function targets(graph: PlatformGraph, key: string, field: readonly (string | number)[]): FieldValue {
  const keys = graph.targets(key, field).map((target) => target.entry.key);
  // References the edition withheld were rewritten to `(internal)`: say so once, without a count.
  const withheld = graph.danglingOf(key).some((reference) => reference.value.endsWith(WITHHELD) && field.every((part, index) => String(reference.path[index]) === String(part)));
  return withheld ? { kind: 'entries', keys, withheld } : { kind: 'entries', keys };
}

/** What an edition writes in place of a reference to an entry it leaves out (see edition-view.ts). */
const WITHHELD = '(internal)';

/** The plain text of a value, for tables of the PDF and for sorting. */
export function textOf(value: FieldValue | undefined, graph: PlatformGraph): string {
  if (!value) return '';
  switch (value.kind) {
    case 'text':
    case 'badge':
    case 'link':
      return value.text;
    case 'date':
      return `${value.time ? formatDateTime(value.date) : formatDate(value.date)}${value.overdue ? ' (overdue)' : ''}`;
    case 'list':
      return value.items.join(', ');
    case 'entries':
      return value.all ?? value.keys.map((key) => graph.get(key)?.title ?? key).join(', ');
  }
}

/** True when a value has nothing to show. */
export function isEmpty(value: FieldValue | undefined): boolean {
  if (!value) return true;
  if (value.kind === 'entries') return value.keys.length === 0 && !value.all && !value.withheld;
  if (value.kind === 'list') return value.items.length === 0;
  if (value.kind === 'text') return value.text === '';
  return false;
}

/**
 * The value of a field that most entries use, else the first allowed value; ties go to the earlier
 * allowed value, so the result does not depend on file order.
 */
export function mostCommon(entries: readonly Record<string, unknown>[], field: string, allowed: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const data of entries) {
    const value = data[field];
    if (typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  let best = allowed[0];
  for (const value of allowed) if ((counts.get(value) ?? 0) > (counts.get(best ?? '') ?? 0)) best = value;
  return best;
}
