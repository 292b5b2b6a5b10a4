import type { Link, PlatformGraph } from '../../core/graph/build-graph.ts';
import { type RelationName, relationLabel } from '../../core/graph/relations.ts';

export interface RelationGroup {
  readonly relation: RelationName;
  readonly label: string;
  /** Keys of the entries at the other end, in collection then ID order. */
  readonly keys: readonly string[];
  /** How many of them come from an `all` scope rather than a named reference. */
  readonly implicit: number;
}

export interface EntryRelations {
  /** What the entry's own fields point to. */
  readonly outgoing: readonly RelationGroup[];
  /** What points to the entry (backlinks), grouped by relation. */
  readonly incoming: readonly RelationGroup[];
}

/**
 * Groups an entry's links by relation, in both directions. A link belongs to "outgoing" when the
 * entry itself declared it, whatever the canonical direction of the pair, so a team's `members`
 * list shows under the team and the membership shows as a backlink on each person.
 */
export function entryRelations(graph: PlatformGraph, key: string): EntryRelations {
  const outgoing = new Map<RelationName, Link[]>();
  const incoming = new Map<RelationName, Link[]>();
  // What the entry's own fields declare; an edge another entry also declared is stored once,
  // under whichever declaration came first, so `edge.declaredBy` alone would misplace it.
  const declared = new Set(graph.referencesOf(key).map((reference) => `${reference.relation}\u0000${reference.target}`));
  for (const link of graph.links(key)) {
    const side = link.edge.declaredBy === key || declared.has(`${link.relation}\u0000${link.target}`) ? outgoing : incoming;
    const list = side.get(link.relation) ?? [];
    list.push(link);
    side.set(link.relation, list);
  }
  return { outgoing: toGroups(outgoing), incoming: toGroups(incoming) };
}

function toGroups(map: Map<RelationName, Link[]>): RelationGroup[] {
  return [...map].map(([relation, links]) => ({
    relation,
    label: relationLabel(relation),
    keys: [...new Set(links.map((link) => link.target))].sort(),
    implicit: links.filter((link) => link.edge.implicit).length,
  }));
}
