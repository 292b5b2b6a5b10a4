import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/core/graph/build-graph.ts';
import { findCycles } from '../../../src/core/graph/cycles.ts';
import { inverseOf, RELATION_NAMES } from '../../../src/core/graph/relations.ts';
import { checkFixture } from '../../helpers/fixtures.ts';

describe('the graph', () => {
  const { graph } = checkFixture('valid');

  it('gives every edge a backlink with the inverse relation', () => {
    expect(graph.edges.length).toBeGreaterThan(20);
    for (const edge of graph.edges) {
      const forward = graph.outgoing(edge.from).filter((link) => link.target === edge.to && link.relation === edge.relation);
      const backward = graph.incoming(edge.to).filter((link) => link.target === edge.from && link.relation === inverseOf(edge.relation));
      expect(forward).toHaveLength(1);
      expect(backward).toHaveLength(1);
    }
  });

  it('pairs every relation name with exactly one inverse', () => {
    for (const name of RELATION_NAMES) expect(inverseOf(inverseOf(name))).toBe(name);
    expect(new Set(RELATION_NAMES).size).toBe(RELATION_NAMES.length);
  });

  it('stores a reference written from either side as one canonical edge', () => {
    // platform-team lists sam in `members`; sam writes nothing, yet is a member.
    expect(graph.related('owners/sam', 'memberOf').map((entry) => entry.key).sort()).toEqual([
      'owners/data-team',
      'owners/platform-team',
    ]);
    expect(graph.related('owners/platform-team', 'hasMember').map((entry) => entry.key)).toEqual(['owners/alex', 'owners/sam']);
  });

  it('gives each caller of `related` a list of its own', () => {
    const members = graph.related('owners/platform-team', 'hasMember');
    members.reverse().push(members[0]!);
    expect(graph.related('owners/platform-team', 'hasMember').map((entry) => entry.key)).toEqual(['owners/alex', 'owners/sam']);
    // Each relation of an entry from its own end only: the team's members, not the teams it is part of.
    expect(graph.related('owners/platform-team', 'memberOf')).toEqual([]);
  });

  it('expands `appliesTo: all` to every service', () => {
    expect(graph.related('policies/change-policy', 'governs').map((entry) => entry.key)).toEqual(['services/api', 'services/db']);
    const implicit = graph.links('services/db').find((link) => link.relation === 'governedBy');
    expect(implicit?.edge.implicit).toBe(true);
  });

  it('resolves references into several collections by prefix', () => {
    // The incident lists the runbook; the access policy cites the incident from the other side.
    expect(graph.related('incidents/2026-10-outage', 'followedUpBy').map((entry) => entry.key).sort()).toEqual([
      'policies/access-policy',
      'runbooks/api-runbook',
    ]);
    expect(graph.related('policies/access-policy', 'followUpOf').map((entry) => entry.key)).toEqual(['incidents/2026-10-outage']);
  });

  it('lists entries per collection in ID order', () => {
    expect(graph.collection('owners').map((entry) => entry.id)).toEqual(['alex', 'data-team', 'platform-team', 'sam']);
  });

  it('collects unresolved references instead of throwing', () => {
    const { graph: broken } = checkFixture('dangling-dependency');
    expect(broken.dangling.map(({ entry, value, reason, suggestion }) => ({ entry: entry.key, value, reason, suggestion }))).toEqual([
      { entry: 'services/api', value: 'dbb', reason: 'missing', suggestion: 'db' },
    ]);
  });

  it('keeps the first of two entries with one key and records the clash', () => {
    const { graph: clashing } = checkFixture('duplicate-id');
    expect(clashing.duplicates.map((group) => group.entries.map((entry) => entry.file))).toEqual([
      ['content/services/api.md', 'content/services/API.md'],
    ]);
  });

  it('builds from no entries at all', () => {
    const empty = buildGraph([]);
    expect(empty.entries.size).toBe(0);
    expect(empty.collection('services')).toEqual([]);
  });
});

describe('cycles', () => {
  it('finds a dependency cycle and orders it from its smallest key', () => {
    const { graph } = checkFixture('dependency-cycle');
    expect(findCycles(graph, 'dependsOn')).toEqual([['services/api', 'services/db']]);
  });

  it('finds none in the valid platform', () => {
    const { graph } = checkFixture('valid');
    expect(findCycles(graph, 'dependsOn')).toEqual([]);
    expect(findCycles(graph, 'childOf')).toEqual([]);
  });

  it('walks a very long chain without overflowing the stack', () => {
    const { graph } = checkFixture('valid');
    const edges = Array.from({ length: 200_000 }, (_, index) => ({
      from: `services/s${index}`,
      to: `services/s${(index + 1) % 200_000}`,
      relation: 'dependsOn' as const,
      declaredBy: `services/s${index}`,
      path: [],
      implicit: false,
    }));
    const cycles = findCycles({ ...graph, edges }, 'dependsOn');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(200_000);
  });
});
