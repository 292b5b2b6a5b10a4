import { COLLECTIONS } from '../collections/index.ts';
import { inverseOf, type RelationName } from '../graph/relations.ts';
import { toAuthoringJsonSchema } from '../schemas/json-schema.ts';
import { COLLECTION_NAMES, type CollectionName } from '../schemas/shared.ts';

/**
 * What a value in a policy check's expression is, as far as the schemas say: enough to tell a
 * field that exists from a misspelt one before any entry is checked. CEL itself only finds a
 * misspelt field when an entry is evaluated, and then only as "no such key".
 */
export type Shape =
  | { readonly kind: 'object'; readonly fields: ReadonlyMap<string, Field> }
  | { readonly kind: 'list'; readonly of: Shape }
  | { readonly kind: 'scalar'; readonly name: 'string' | 'int' | 'double' | 'bool' | 'timestamp' }
  /** Anything: a map with free keys, a value of several shapes, a computed value. */
  | { readonly kind: 'dyn' };

export interface Field {
  readonly shape: Shape;
  /** True when every entry has the field (required, or with a default); otherwise test it with `has()`. */
  readonly always: boolean;
  readonly description: string;
}

const DYN: Shape = { kind: 'dyn' };

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

function shapeOfJson(schema: JsonSchema): Shape {
  if (schema.anyOf) {
    const shapes = schema.anyOf.map(shapeOfJson);
    const first = shapes[0];
    return first && shapes.every((shape) => shape.kind === first.kind && shape.kind !== 'object' && shape.kind !== 'list') ? first : DYN;
  }
  if (schema.format === 'date' || schema.pattern?.startsWith('^(\\d{4})')) return { kind: 'scalar', name: 'timestamp' };
  if (schema.properties) return { kind: 'object', fields: fieldsOfJson(schema) };
  switch (schema.type) {
    case 'string':
      return { kind: 'scalar', name: 'string' };
    case 'integer':
      return { kind: 'scalar', name: 'int' };
    case 'number':
      return { kind: 'scalar', name: 'double' };
    case 'boolean':
      return { kind: 'scalar', name: 'bool' };
    case 'array':
      return { kind: 'list', of: schema.items ? shapeOfJson(schema.items) : DYN };
    default:
      return DYN;
  }
}

function fieldsOfJson(schema: JsonSchema): Map<string, Field> {
  const fields = new Map<string, Field>();
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    fields.set(name, {
      shape: shapeOfJson(child),
      always: (schema.required?.includes(name) ?? false) || child.default !== undefined,
      description: child.description ?? '',
    });
  }
  return fields;
}

/** Fields every entry value carries besides its frontmatter. */
const IDENTITY: readonly [string, Field][] = [
  ['id', { shape: { kind: 'scalar', name: 'string' }, always: true, description: 'The entry\'s ID: its file name without .md.' }],
  ['collection', { shape: { kind: 'scalar', name: 'string' }, always: true, description: 'The collection it belongs to, e.g. services.' }],
];

const entryShapes = new Map<CollectionName, Shape>();

/** The shape of an entry of one collection: its frontmatter, defaults applied, plus `id` and `collection`. */
export function entryShape(collection: CollectionName): Shape {
  let shape = entryShapes.get(collection);
  if (!shape) {
    const json = toAuthoringJsonSchema(COLLECTIONS[collection].schema, collection) as JsonSchema;
    shape = { kind: 'object', fields: new Map([...fieldsOfJson(json), ...IDENTITY]) };
    entryShapes.set(collection, shape);
  }
  return shape;
}

/**
 * The shape of a value that is an entry of any of `collections`: the fields of all of them, each
 * `always` only when it is always there in every one.
 */
export function unionShape(collections: readonly CollectionName[]): Shape {
  if (collections.length === 1) return entryShape(collections[0]!);
  const fields = new Map<string, Field>();
  for (const collection of collections) {
    const shape = entryShape(collection);
    if (shape.kind !== 'object') continue;
    for (const [name, field] of shape.fields) {
      const seen = fields.get(name);
      fields.set(name, seen ? { ...seen, shape: sameShape(seen.shape, field.shape) ? seen.shape : DYN, always: seen.always && field.always } : field);
    }
  }
  for (const [name, field] of fields) {
    if (!collections.every((collection) => (entryShape(collection) as { fields: ReadonlyMap<string, Field> }).fields.has(name))) {
      fields.set(name, { ...field, always: false });
    }
  }
  return { kind: 'object', fields };
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.kind === b.kind && (a.kind !== 'scalar' || (b.kind === 'scalar' && a.name === b.name)) && a.kind !== 'object' && a.kind !== 'list';
}

/**
 * Every relation an entry of each collection can have, with the collections at its other end,
 * from the reference fields the collections declare (both directions of each).
 */
function relationTargets(): Map<CollectionName, Map<RelationName, Set<CollectionName>>> {
  const table = new Map<CollectionName, Map<RelationName, Set<CollectionName>>>(COLLECTION_NAMES.map((name) => [name, new Map()]));
  const add = (from: CollectionName, relation: RelationName, to: CollectionName) => {
    const relations = table.get(from)!;
    const targets = relations.get(relation) ?? new Set<CollectionName>();
    targets.add(to);
    relations.set(relation, targets);
  };
  for (const descriptor of Object.values(COLLECTIONS)) {
    for (const field of descriptor.references) {
      for (const target of field.to === 'any' ? COLLECTION_NAMES : field.to) {
        add(descriptor.name, field.relation, target);
        add(target, inverseOf(field.relation), descriptor.name);
      }
    }
  }
  return table;
}

let relationTable: ReturnType<typeof relationTargets> | undefined;

/** The relations an entry of any of `collections` may have, each with the collections it leads to, sorted by name. */
export function relationsOf(collections: readonly CollectionName[]): Map<string, readonly CollectionName[]> {
  relationTable ??= relationTargets();
  const merged = new Map<string, Set<CollectionName>>();
  for (const collection of collections) {
    for (const [relation, targets] of relationTable.get(collection) ?? []) {
      const set = merged.get(relation) ?? new Set<CollectionName>();
      for (const target of targets) set.add(target);
      merged.set(relation, set);
    }
  }
  return new Map([...merged].sort(([a], [b]) => a.localeCompare(b)).map(([relation, targets]) => [relation, [...targets].sort()]));
}

/** The shape of `relations` for entries of `collections`: one list of related entries per relation. */
export function relationsShape(collections: readonly CollectionName[]): Shape {
  const fields = new Map<string, Field>();
  for (const [relation, targets] of relationsOf(collections)) {
    fields.set(relation, {
      shape: { kind: 'list', of: unionShape(targets) },
      always: true,
      description: `The ${targets.join(' or ')} entries related by ${relation}.`,
    });
  }
  return { kind: 'object', fields };
}

/** The variables of an expression over entries of `collections`. */
export function variablesOf(collections: readonly CollectionName[]): Map<string, Field> {
  return new Map<string, Field>([
    ['entry', { shape: unionShape(collections), always: true, description: 'The entry being checked.' }],
    ['relations', { shape: relationsShape(collections), always: true, description: 'The entries related to it, by relation.' }],
    ['now', { shape: { kind: 'scalar', name: 'timestamp' }, always: true, description: 'The instant the check runs at.' }],
  ]);
}

/** The type of a shape as the authoring guide writes it: `string`, `list of strings`, `timestamp`. */
export function describeShape(shape: Shape): string {
  switch (shape.kind) {
    case 'scalar':
      return shape.name;
    case 'list':
      return shape.of.kind === 'object' ? 'list of maps' : shape.of.kind === 'dyn' ? 'list' : `list of ${describeShape(shape.of)}s`;
    case 'object':
      return 'map';
    case 'dyn':
      return 'dyn';
  }
}
