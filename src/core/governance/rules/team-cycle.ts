import { findCycles } from '../../graph/cycles.ts';
import { defineRule } from '../rule.ts';
import { describeCycle } from './cycle-result.ts';

export const teamCycle = defineRule({
  id: 'team-cycle',
  title: 'Teams are their own parents',
  plane: 'identity',
  severity: 'error',
  description:
    'The team hierarchy (each team\'s parent) is a tree. A cycle leaves no team at the top to be accountable.',
  collections: ['owners'],
  check(entry, context) {
    const cycles = context.memo('team-cycles', () => findCycles(context.graph, 'childOf'));
    return cycles
      .filter((cycle) => cycle[0] === entry.key)
      .map((cycle) =>
        describeCycle(cycle, ['parent'], {
          noun: 'Team parents',
          fix: 'Remove the parent of the team that should be at the top of the hierarchy.',
        }),
      );
  },
});
