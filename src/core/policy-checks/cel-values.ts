import type { CelInput } from '@bufbuild/cel';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import type { AnyEntry } from '../content/entry.ts';

/**
 * Turns frontmatter into CEL values: whole numbers become CEL `int` (so `entry.tier == 1` and
 * `entry.tier + 1` behave as written), other numbers `double`, dates `timestamp`, lists lists and
 * objects maps. Fields that are absent stay absent, for `has()` to test.
 */
export function toCel(value: unknown): CelInput {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : value;
  if (value instanceof Date) return timestampFromDate(value);
  if (Array.isArray(value)) return value.map(toCel);
  if (typeof value === 'object') {
    const map: Record<string, CelInput> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) map[key] = toCel(item);
    return map;
  }
  return null;
}

// An entry's value is the same for every check of a run, so it is converted once.
const values = new WeakMap<AnyEntry, Record<string, CelInput>>();

/** The CEL value of an entry: its frontmatter, defaults applied, with its `id` and `collection`. */
export function celEntry(entry: AnyEntry): Record<string, CelInput> {
  let value = values.get(entry);
  if (!value) {
    value = { ...(toCel(entry.data) as Record<string, CelInput>), id: entry.id, collection: entry.collection };
    values.set(entry, value);
  }
  return value;
}
