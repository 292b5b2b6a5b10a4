import type { AnyEntry, Entry } from '../content/entry.ts';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName, type ReferenceField } from '../schemas/index.ts';
import { closest } from '../text/closest.ts';
import { type CanonicalRelation, type RelationName, relationView } from './relations.ts';

/** One relation between two entries, stored in its canonical direction. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly relation: CanonicalRelation;
  /** Key of the entry whose frontmatter declares the reference. */
  readonly declaredBy: string;
  /** Path of the declaring field, e.g. `['members', 2]`. */
  readonly path: readonly (string | number)[];
  /** True when the edge comes from `all` rather than a named ID. */
  readonly implicit: boolean;
}

/** An edge seen from one of its ends. */
export interface Link {
  /** The relation as read from this end: `owns` from the owner, `ownedBy` from the service. */
  readonly relation: RelationName;
  /** Key of the entry at the other end. */
  readonly target: string;
  readonly edge: Edge;
}

/** A reference whose target could not be found. */
export interface DanglingReference {
  readonly entry: AnyEntry;
  readonly path: readonly (string | number)[];
  readonly value: string;
  readonly relation: RelationName;
  readonly to: readonly CollectionName[] | 'any';
  /** Why it did not resolve. */
  readonly reason: 'missing' | 'ambiguous' | 'needs-collection' | 'wrong-collection';
  /** A close existing ID, as a likely fix for a typo. */
  readonly suggestion?: string;
  /** For `ambiguous`: the keys that all match. */
  readonly candidates?: readonly string[];
}

/** Entries that share one key; the first (by file path) is the one the graph keeps. */
export interface DuplicateKey {
  readonly key: string;
  readonly entries: readonly AnyEntry[];
}

/** The cross-linked platform: every entry, every relation in both directions. */
export interface PlatformGraph {
  readonly entries: ReadonlyMap<string, AnyEntry>;
  readonly platform: Entry<'platform'> | undefined;
  readonly edges: readonly Edge[];
  readonly dangling: readonly DanglingReference[];
  readonly duplicates: readonly DuplicateKey[];
  /** Entries of one collection, ordered by ID. */
  collection<C extends CollectionName>(name: C): readonly Extract<AnyEntry, { collection: C }>[];
  get(key: string): AnyEntry | undefined;
  /** Links declared by or derived for the entry, outgoing (forward) first. */
  links(key: string): readonly Link[];
  /** Links from the entry's own references. */
  outgoing(key: string): readonly Link[];
  /** Backlinks: links other entries made to this one, seen from this end. */
  incoming(key: string): readonly Link[];
  /** Entries at the other end of the entry's links of one relation. */
  related(key: string, relation: RelationName): AnyEntry[];
  /** References the entry makes that did not resolve. */
  danglingOf(key: string): readonly DanglingReference[];
  /**
   * Every reference the entry's own fields make that resolved, with the field path, including
   * those that duplicate an edge another entry declared (the edge itself is stored once).
   */
  referencesOf(key: string): readonly ResolvedReference[];
}

/** A reference written in an entry's frontmatter and the entry it resolved to. */
export interface ResolvedReference {
  readonly path: readonly (string | number)[];
  readonly target: string;
  readonly relation: RelationName;
}

/**
 * Builds the graph once per run. Never throws on bad references: they are collected in
 * `dangling` for the rules to report, so every broken reference is reported in one run.
 * References to `rejected` keys (files that exist but failed to load) resolve to no edge and
 * no finding, so one broken file is reported once, not by everything that points at it.
 */
export function buildGraph(entries: readonly AnyEntry[], rejected: ReadonlySet<string> = new Set()): PlatformGraph {
  const sorted = [...entries].sort((a, b) => a.file.localeCompare(b.file));
  const byKey = new Map<string, AnyEntry>();
  const clashes = new Map<string, AnyEntry[]>();
  const byCollection = new Map<CollectionName, AnyEntry[]>(COLLECTION_NAMES.map((name) => [name, []]));
  for (const entry of sorted) {
    const existing = byKey.get(entry.key);
    if (existing) {
      const group = clashes.get(entry.key) ?? [existing];
      group.push(entry);
      clashes.set(entry.key, group);
      continue;
    }
    byKey.set(entry.key, entry);
    byCollection.get(entry.collection)?.push(entry);
  }
  for (const list of byCollection.values()) list.sort((a, b) => a.id.localeCompare(b.id));

  const edges: Edge[] = [];
  const seen = new Set<string>();
  const outgoing = new Map<string, Link[]>();
  const incoming = new Map<string, Link[]>();
  const dangling: DanglingReference[] = [];
  const declared = new Map<string, ResolvedReference[]>();

  const addEdge = (edge: Edge) => {
    const id = `${edge.from}\u0000${edge.relation}\u0000${edge.to}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push(edge);
    const { opposite } = relationView(edge.relation);
    push(outgoing, edge.from, { relation: edge.relation, target: edge.to, edge });
    push(incoming, edge.to, { relation: opposite, target: edge.from, edge });
  };

  for (const entry of byKey.values()) {
    for (const field of COLLECTIONS[entry.collection].references) {
      for (const { value, path } of valuesAt(entry.data, field.path)) {
        if (typeof value !== 'string') continue;
        const view = relationView(field.relation);
        if (field.allowAll && value === 'all') {
          for (const target of targetsOf(field, byCollection)) {
            addEdge(orient(entry.key, target.key, view, path, true));
          }
          continue;
        }
        const resolved = resolve(value, field, byKey, rejected, byCollection);
        if ('key' in resolved) {
          if (!byKey.has(resolved.key)) continue;
          push(declared, entry.key, { path, target: resolved.key, relation: field.relation });
          addEdge(orient(entry.key, resolved.key, view, path, false));
        } else {
          dangling.push({ entry, path, value, relation: field.relation, to: field.to, ...resolved });
        }
      }
    }
  }

  function orient(
    declarer: string,
    target: string,
    view: ReturnType<typeof relationView>,
    path: readonly (string | number)[],
    implicit: boolean,
  ): Edge {
    return view.inverted
      ? { from: target, to: declarer, relation: view.canonical, declaredBy: declarer, path, implicit }
      : { from: declarer, to: target, relation: view.canonical, declaredBy: declarer, path, implicit };
  }

  const danglingByEntry = new Map<string, DanglingReference[]>();
  for (const reference of dangling) push(danglingByEntry, reference.entry.key, reference);

  const empty: readonly Link[] = [];
  return {
    entries: byKey,
    platform: byKey.get('platform/platform') as Entry<'platform'> | undefined,
    edges,
    dangling,
    duplicates: [...clashes].map(([key, group]) => ({ key, entries: group })),
    collection: <C extends CollectionName>(name: C) =>
      (byCollection.get(name) ?? []) as unknown as readonly Extract<AnyEntry, { collection: C }>[],
    get: (key) => byKey.get(key),
    links: (key) => [...(outgoing.get(key) ?? empty), ...(incoming.get(key) ?? empty)],
    outgoing: (key) => outgoing.get(key) ?? empty,
    incoming: (key) => incoming.get(key) ?? empty,
    related(key, relation) {
      const list = relationView(relation).inverted ? incoming.get(key) : outgoing.get(key);
      return (list ?? empty)
        .filter((link) => link.relation === relation)
        .map((link) => byKey.get(link.target))
        .filter((entry): entry is AnyEntry => entry !== undefined);
    },
    danglingOf: (key) => danglingByEntry.get(key) ?? [],
    referencesOf: (key) => declared.get(key) ?? [],
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function targetsOf(field: ReferenceField, byCollection: Map<CollectionName, AnyEntry[]>): AnyEntry[] {
  const names = field.to === 'any' ? COLLECTION_NAMES : field.to;
  return names.flatMap((name) => byCollection.get(name) ?? []);
}

type Resolution =
  | { key: string }
  | Pick<DanglingReference, 'reason'> & { suggestion?: string; candidates?: string[] };

/** Resolves a written reference: `id`, or `collection/id` when the field allows several collections. */
function resolve(
  value: string,
  field: ReferenceField,
  byKey: Map<string, AnyEntry>,
  rejected: ReadonlySet<string>,
  byCollection: Map<CollectionName, AnyEntry[]>,
): Resolution {
  const prefixed = COLLECTION_NAMES.find((name) => value.startsWith(`${name}/`));
  const allowed = field.to === 'any' ? COLLECTION_NAMES : field.to;
  if (prefixed) {
    if (!allowed.includes(prefixed)) return { reason: 'wrong-collection' };
    if (byKey.has(value) || rejected.has(value)) return { key: value };
    return suggest(value.slice(prefixed.length + 1), [prefixed], byCollection, prefixed);
  }
  if (field.to === 'any') {
    return { ...suggest(value, COLLECTION_NAMES, byCollection, undefined, true), reason: 'needs-collection' };
  }
  const matches = field.to.map((name) => `${name}/${value}`).filter((key) => byKey.has(key) || rejected.has(key));
  if (matches.length === 1 && matches[0]) return { key: matches[0] };
  if (matches.length > 1) return { reason: 'ambiguous', candidates: matches };
  return suggest(value, field.to, byCollection, undefined);
}

function suggest(
  id: string,
  collections: readonly CollectionName[],
  byCollection: Map<CollectionName, AnyEntry[]>,
  prefix: CollectionName | undefined,
  exactKey = false,
): { reason: 'missing' | 'needs-collection'; suggestion?: string } {
  const keys = collections.flatMap((name) => (byCollection.get(name) ?? []).map((entry) => entry));
  if (exactKey) {
    const exact = keys.find((entry) => entry.id === id);
    if (exact) return { reason: 'missing', suggestion: exact.key };
  }
  const guess = closest(id, keys.map((entry) => entry.id));
  if (!guess) return { reason: 'missing' };
  const entry = keys.find((candidate) => candidate.id === guess);
  const needsPrefix = prefix !== undefined || collections.length > 1;
  return { reason: 'missing', suggestion: needsPrefix && entry ? entry.key : guess };
}

/** Yields every value at a field path, with its concrete path (`*` expanded to indexes). */
function* valuesAt(
  data: unknown,
  path: readonly string[],
  prefix: (string | number)[] = [],
): Generator<{ value: unknown; path: (string | number)[] }> {
  if (path.length === 0) {
    yield { value: data, path: prefix };
    return;
  }
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') {
    if (!Array.isArray(data)) return;
    for (let index = 0; index < data.length; index++) yield* valuesAt(data[index], rest, [...prefix, index]);
    return;
  }
  if (data === null || typeof data !== 'object') return;
  const value = (data as Record<string, unknown>)[head];
  if (value === undefined) return;
  // `appliesTo: all` is a single value where a list is usual; walk it as the value itself.
  if (rest[0] === '*' && typeof value === 'string') {
    yield { value, path: [...prefix, head] };
    return;
  }
  yield* valuesAt(value, rest, [...prefix, head]);
}
