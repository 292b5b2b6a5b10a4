import { COLLECTIONS } from '../collections/index.ts';
import { toAuthoringJsonSchema } from '../schemas/json-schema.ts';
import type { CollectionName } from '../schemas/shared.ts';

type JsonSchema = {
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

/** A date field: its path (`*` for each item of a list) and whether it holds a calendar day or an instant. */
export interface DateField {
  readonly path: readonly string[];
  readonly kind: 'day' | 'instant';
}

const cache = new Map<CollectionName, readonly DateField[]>();

/**
 * Every date field of a collection, read from its schema once: `review.last`, `date`,
 * `operations.backups.lastRestoreTest`… A field added to a schema is found without a list to keep.
 */
export function dateFieldsOf(collection: CollectionName): readonly DateField[] {
  let fields = cache.get(collection);
  if (!fields) {
    const found: DateField[] = [];
    const walk = (schema: JsonSchema, path: string[]) => {
      if (schema.format === 'date') return void found.push({ path, kind: 'day' });
      if (schema.pattern?.startsWith('^(\\d{4})')) return void found.push({ path, kind: 'instant' });
      for (const option of schema.anyOf ?? []) walk(option, path);
      for (const [name, child] of Object.entries(schema.properties ?? {})) walk(child, [...path, name]);
      if (schema.items) walk(schema.items, [...path, '*']);
    };
    walk(toAuthoringJsonSchema(COLLECTIONS[collection].schema, collection) as JsonSchema, []);
    fields = found;
    cache.set(collection, fields);
  }
  return fields;
}

/** The values at a field path of `data`, `*` expanded, with their concrete paths. */
export function valuesAtPath(data: unknown, path: readonly string[], prefix: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (path.length === 0) return data === undefined ? [] : [{ path: prefix, value: data }];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') return Array.isArray(data) ? data.flatMap((item, index) => valuesAtPath(item, rest, [...prefix, index])) : [];
  if (data === null || typeof data !== 'object') return [];
  return valuesAtPath((data as Record<string, unknown>)[head], rest, [...prefix, head]);
}
