import type { AnyEntry, Entry } from '../content/entry.ts';
import type { CollectionName } from '../schemas/shared.ts';
import { formatDate } from '../text/dates.ts';
import type { ViewContext } from './descriptor.ts';
import { descriptorOf } from './entry-facts.ts';
import { date, type Field, type FieldValue, isEmpty, linkOrText, list, text } from './field-value.ts';

/** Fields of every entry that the page shows in its own place (title, lead) or that readers never need. */
const ALWAYS_HIDDEN = new Set(['title', 'description', 'draft', 'visibility']);

/**
 * Returns the card of an entry: the fields its collection's descriptor lays out, in order, then
 * every other field of its frontmatter, shown by the kind of its value. A field added to a schema
 * therefore shows on the entry's page without any change to a view. Empty values are left out.
 */
export function entryCard(entry: AnyEntry, context: ViewContext): Field[] {
  const descriptor = descriptorOf<CollectionName>(entry as Entry);
  const fields: Field[] = [];
  const covered = new Set<string>([...ALWAYS_HIDDEN, ...(descriptor.hidden ?? [])]);
  for (const display of descriptor.card) {
    for (const path of display.covers ?? []) covered.add(path);
    const value = display.value(entry as Entry, context);
    if (!isEmpty(value)) fields.push({ label: display.label, value: value! });
  }
  const references = context.graph.referencesOf(entry.key);
  const walk = (value: unknown, path: string[]) => {
    const dotted = path.join('.');
    if (covered.has(dotted) || value === undefined || value === null) return;
    // A field whose parent is covered (say `escalation`) counts as covered too.
    if (path.some((_, index) => covered.has(path.slice(0, index).join('.')) && index > 0)) return;
    // The field itself, or a list of references (its items' paths end with an index).
    const isReference = references.some(
      (reference) =>
        (reference.path.length === path.length || (reference.path.length === path.length + 1 && typeof reference.path.at(-1) === 'number')) &&
        path.every((part, index) => String(reference.path[index]) === part),
    );
    if (isReference) {
      const keys = context.graph.targets(entry.key, path).map((target) => target.entry.key);
      if (keys.length > 0) fields.push({ label: labelOf(path), value: { kind: 'entries', keys } });
      return;
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
      return;
    }
    const shown = genericValue(value);
    if (!isEmpty(shown)) fields.push({ label: labelOf(path), value: shown! });
  };
  for (const [key, value] of Object.entries(entry.data as Record<string, unknown>)) walk(value, [key]);
  return fields;
}

/** A value shown by its kind: dates as dates, addresses as links, lists as lists. */
function genericValue(value: unknown): FieldValue | undefined {
  if (value instanceof Date) return date(value);
  if (typeof value === 'string') return linkOrText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return text(String(value));
  if (Array.isArray(value)) return list(value.map(plainText).filter((item) => item !== ''));
  return undefined;
}

function plainText(value: unknown): string {
  if (value instanceof Date) return formatDate(value);
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => `${humanize(key)}: ${plainText(item)}`)
      .join('; ');
  }
  return value === undefined || value === null ? '' : String(value);
}

/** `operations.lastRestoreTest` reads "Last restore test". */
function labelOf(path: readonly string[]): string {
  return humanize(path.at(-1) ?? '');
}

function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
