import type { AnyEntry } from '../../content/entry.ts';
import type { PlatformGraph } from '../../graph/build-graph.ts';
import { defineRule } from '../rule.ts';

interface Step {
  readonly entry: AnyEntry;
  /** How the route left this owner: its `escalation.next`, or for a team without one, its `parent`. */
  readonly via: 'next' | 'parent' | undefined;
}

/**
 * Follows a team's escalation route: `escalation.next` where it is set, else the team's parent,
 * until the trust anchor, a dead end or an owner already on the route.
 */
export function escalationRoute(graph: PlatformGraph, start: AnyEntry, anchor: string): { steps: Step[]; end: 'anchor' | 'dead-end' | 'loop'; loopsTo?: number } {
  const steps: Step[] = [];
  let current: AnyEntry | undefined = start;
  while (current) {
    if (current.key === anchor) {
      steps.push({ entry: current, via: undefined });
      return { steps, end: 'anchor' };
    }
    let next = graph.target(current.key, ['escalation', 'next']);
    let via: Step['via'] = 'next';
    if (!next && current.collection === 'owners' && current.data.kind === 'team') {
      next = graph.target(current.key, ['parent']);
      via = 'parent';
    }
    if (next?.collection !== 'owners') {
      steps.push({ entry: current, via: undefined });
      return { steps, end: 'dead-end' };
    }
    steps.push({ entry: current, via });
    const seen = steps.findIndex((step) => step.entry.key === next.key);
    if (seen >= 0) return { steps, end: 'loop', loopsTo: seen };
    current = next;
  }
  return { steps, end: 'dead-end' };
}

export const escalationRouteRule = defineRule({
  id: 'escalation-route',
  title: 'Escalation does not reach the trust anchor',
  plane: 'identity',
  severity: 'error',
  description:
    'Following a team\'s escalation route (`escalation.next`, or its `parent` where it names no next owner) ends at the platform\'s trust anchor, without going round in a loop. A route that loops pages the same people for ever; one that stops short leaves an urgent problem with nobody accountable for the whole.',
  collections: ['owners'],
  // Without a trust anchor that is a team there is nothing to reach; owner-exists and role-kind say why.
  applies: (entry, { graph }) => {
    const anchor = graph.target('platform/platform', ['trustAnchor']);
    return entry.data.kind === 'team' && anchor?.collection === 'owners' && anchor.data.kind === 'team';
  },
  check(entry, { graph }) {
    const anchor = graph.target('platform/platform', ['trustAnchor'])!;
    const route = escalationRoute(graph, entry, anchor.key);
    if (route.end === 'anchor') return [];
    const names = route.steps.map((step) => `\`${step.entry.id}\``);
    const own = entry.data.escalation?.next ? ['escalation', 'next'] : entry.data.parent ? ['parent'] : ['escalation'];
    if (route.end === 'loop') {
      const loop = route.steps.slice(route.loopsTo);
      // A loop of parents alone is a cycle of the team hierarchy, which team-cycle reports.
      if (loop.every((step) => step.via === 'parent')) return [];
      const back = route.steps[route.loopsTo ?? 0]?.entry.id ?? entry.id;
      return [
        {
          path: own,
          message: `The escalation route of team \`${entry.id}\` goes round in a loop: ${[...names, `\`${back}\``].join(' → ')}. It never reaches the trust anchor \`${anchor.id}\`.`,
          hint: `Point \`escalation.next\` of one owner in the loop at an owner closer to the trust anchor \`${anchor.id}\`.`,
        },
      ];
    }
    const last = route.steps.at(-1)?.entry ?? entry;
    return [
      {
        path: own,
        message: `The escalation route of team \`${entry.id}\` ends at \`${last.id}\` without reaching the trust anchor \`${anchor.id}\`: ${names.join(' → ')}.`,
        hint: `Set \`escalation.next\` of \`${last.id}\` (or, for a team, its \`parent\`) so that the route leads on to \`${anchor.id}\`.`,
      },
    ];
  },
});
