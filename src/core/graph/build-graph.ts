import type { AnyEntry, Entry } from '../content/entry.ts';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName, type ReferenceField } from '../schemas/index.ts';
import { clashKey } from '../content/entry-id.ts';
import { type ReferenceLookup, resolveReference, type UnresolvedReason } from './resolve-reference.ts';
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
  readonly reason: UnresolvedReason;
  /** A close existing ID, as a likely fix for a typo. */
  readonly suggestion?: string;
  /** For `ambiguous`: the keys that all match. */
  readonly candidates?: readonly string[];
}

/** Entries whose IDs clash (equal but for letter case and punctuation); the first by file path comes first. */
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
  /**
   * The entry a reference field of the entry resolved to, by the field's path (`['approver']`,
   * `['dependsOn', 2]`). Rules and views read references through this, never by rebuilding a key
   * from the written value, so every spelling the resolver accepts is honoured.
   */
  target(key: string, path: readonly (string | number)[]): AnyEntry | undefined;
  /** The entries a list field resolved to (`['dependsOn']`), in written order, with their paths. */
  targets(key: string, field: readonly (string | number)[]): readonly { path: readonly (string | number)[]; entry: AnyEntry }[];
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
  // Entries grouped by the form under which IDs clash (letters and digits only): a group of more
  // than one is a duplicate. Entries with distinct keys all stay in the graph; of entries with the
  // very same key, only the first file is kept, since one key can name only one entry.
  const byClash = new Map<string, AnyEntry[]>();
  const byCollection = new Map<CollectionName, AnyEntry[]>(COLLECTION_NAMES.map((name) => [name, []]));
  for (const entry of sorted) {
    const clash = `${entry.collection}/${clashKey(entry.id)}`;
    const group = byClash.get(clash);
    if (group) group.push(entry);
    else byClash.set(clash, [entry]);
    if (byKey.has(entry.key)) continue;
    byKey.set(entry.key, entry);
    byCollection.get(entry.collection)?.push(entry);
  }
  const clashes = [...byClash.values()].filter((group) => group.length > 1);
  for (const list of byCollection.values()) list.sort((a, b) => a.id.localeCompare(b.id));

  const idsOf = new Map<CollectionName, string[]>();
  const lookup: ReferenceLookup = {
    exists: (key) => byKey.has(key) || rejected.has(key),
    ids(collection) {
      let ids = idsOf.get(collection);
      if (!ids) idsOf.set(collection, (ids = (byCollection.get(collection) ?? []).map((entry) => entry.id)));
      return ids;
    },
  };

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
        if (field.allowAll && value.trim().toLowerCase() === 'all') {
          for (const target of targetsOf(field, byCollection)) {
            addEdge(orient(entry.key, target.key, view, path, true));
          }
          continue;
        }
        const resolved = resolveReference(value, field, lookup);
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

  // An entry's links grouped by relation, made when first asked for: a service's scorecard asks
  // for one relation at a time, and its links can run to thousands (every policy that governs
  // `all`, every deployment), which filtering the whole list for each check walked again.
  const byRelation = new Map<string, Map<RelationName, AnyEntry[]>>();
  const relatedOf = (key: string): Map<RelationName, AnyEntry[]> => {
    let groups = byRelation.get(key);
    if (groups) return groups;
    groups = new Map();
    for (const link of [...(outgoing.get(key) ?? []), ...(incoming.get(key) ?? [])]) {
      const entry = byKey.get(link.target);
      if (entry) push(groups, link.relation, entry);
    }
    byRelation.set(key, groups);
    return groups;
  };

  const empty: readonly Link[] = [];
  return {
    entries: byKey,
    platform: byKey.get('platform/platform') as Entry<'platform'> | undefined,
    edges,
    dangling,
    duplicates: clashes.map((group) => ({ key: group[0]!.key, entries: group })),
    collection: <C extends CollectionName>(name: C) =>
      (byCollection.get(name) ?? []) as unknown as readonly Extract<AnyEntry, { collection: C }>[],
    get: (key) => byKey.get(key),
    links: (key) => [...(outgoing.get(key) ?? empty), ...(incoming.get(key) ?? empty)],
    outgoing: (key) => outgoing.get(key) ?? empty,
    incoming: (key) => incoming.get(key) ?? empty,
    related(key, relation) {
      return [...(relatedOf(key).get(relation) ?? [])];
    },
    danglingOf: (key) => danglingByEntry.get(key) ?? [],
    referencesOf: (key) => declared.get(key) ?? [],
    target(key, path) {
      const wanted = path.join('\u0000');
      const reference = (declared.get(key) ?? []).find((candidate) => candidate.path.join('\u0000') === wanted);
      return reference ? byKey.get(reference.target) : undefined;
    },
    targets(key, field) {
      const prefix = field.map(String);
      return (declared.get(key) ?? [])
        .filter((reference) => reference.path.length >= prefix.length && prefix.every((part, index) => String(reference.path[index]) === part))
        .flatMap((reference) => {
          const entry = byKey.get(reference.target);
          return entry ? [{ path: reference.path, entry }] : [];
        });
    },
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

/**
 * Every value at a field path from `step` on, with its concrete path (`*` expanded to indexes),
 * added to `found`. A plain recursion rather than a generator: it runs for every reference field
 * of every entry, and nested generators cost a check of 10,000 entries a tenth of a second.
 */
function valuesAt(
  data: unknown,
  path: readonly string[],
  step = 0,
  prefix: (string | number)[] = [],
  found: { value: unknown; path: (string | number)[] }[] = [],
): { value: unknown; path: (string | number)[] }[] {
  if (step === path.length) {
    found.push({ value: data, path: prefix });
    return found;
  }
  const head = path[step] as string;
  if (head === '*') {
    if (!Array.isArray(data)) return found;
    for (let index = 0; index < data.length; index++) valuesAt(data[index], path, step + 1, [...prefix, index], found);
    return found;
  }
  if (data === null || typeof data !== 'object') return found;
  const value = (data as Record<string, unknown>)[head];
  if (value === undefined) return found;
  // `appliesTo: all` is a single value where a list is usual; walk it as the value itself.
  if (path[step + 1] === '*' && typeof value === 'string') {
    found.push({ value, path: [...prefix, head] });
    return found;
  }
  return valuesAt(value, path, step + 1, [...prefix, head], found);
}
