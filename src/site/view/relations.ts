import type { Link, PlatformGraph } from '../../core/graph/build-graph.ts';
import { type RelationName, relationLabel } from '../../core/graph/relations.ts';
import { type Standing, standingOf } from '../../core/governance/standing.ts';

export interface RelationGroup {
  readonly relation: RelationName;
  readonly label: string;
  /** Keys of the entries at the other end, in collection then ID order. */
  readonly keys: readonly string[];
  /** How many of them come from an `all` scope rather than a named reference. */
  readonly implicit: number;
  /**
   * Where the entries of the group stand. A relation to a retired, deprecated or draft entry is
   * listed in a group of its own ("Formerly governed by"), after the live one, so that a page never
   * presents a retired policy as governing or a draft runbook as covering.
   */
  readonly standing: Standing;
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
  return { outgoing: toGroups(graph, outgoing), incoming: toGroups(graph, incoming) };
}

const ORDER: readonly Standing[] = ['live', 'deprecated', 'draft', 'retired'];

function toGroups(graph: PlatformGraph, map: Map<RelationName, Link[]>): RelationGroup[] {
  return [...map].flatMap(([relation, links]) => {
    const byStanding = new Map<Standing, Link[]>();
    for (const link of links) {
      const other = graph.get(link.target);
      const standing = other ? standingOf(other) : 'live';
      const list = byStanding.get(standing) ?? [];
      list.push(link);
      byStanding.set(standing, list);
    }
    return ORDER.filter((standing) => byStanding.has(standing)).map((standing) => {
      const group = byStanding.get(standing)!;
      return {
        relation,
        label: standingLabel(relationLabel(relation), standing),
        keys: [...new Set(group.map((link) => link.target))].sort(),
        implicit: group.filter((link) => link.edge.implicit).length,
        standing,
      };
    });
  });
}

// Labels that read as a verb phrase ("Governed by") take "Formerly"; nouns ("Runbooks") take "Former".
const VERB_PHRASE = /^(?:owns|governs|supersedes|covers|implements|deploys|authorizes|affects|delivers|explains|commanded|approved)$|\s(?:by|of|to|on|for|in)$/i;

/** "Governed by" for live entries, "Formerly governed by" for retired ones, "Governed by (draft)"… */
export function standingLabel(label: string, standing: Standing): string {
  switch (standing) {
    case 'live':
      return label;
    case 'retired':
      return `${VERB_PHRASE.test(label) ? 'Formerly' : 'Former'} ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
    case 'deprecated':
    case 'draft':
      return `${label} (${standing})`;
  }
}
