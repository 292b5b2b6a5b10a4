import { findCycles } from '../../graph/cycles.ts';
import { defineRule } from '../rule.ts';
import { describeCycle } from './cycle-result.ts';

export const dependencyCycle = defineRule({
  id: 'dependency-cycle',
  title: 'Services depend on each other in a cycle',
  plane: 'execution',
  severity: 'error',
  description:
    'Service dependencies form a directed graph without cycles. A cycle means no service in it can be started, restored or deployed first.',
  collections: ['services'],
  check(entry, context) {
    const cycles = context.memo('dependency-cycles', () => findCycles(context.graph, 'dependsOn'));
    return cycles
      .filter((cycle) => cycle[0] === entry.key)
      .map((cycle) => {
        const next = cycle[1] ?? entry.key;
        const link = context.graph.targets(entry.key, ['dependsOn']).find((target) => target.entry.key === next);
        return describeCycle(cycle, link?.path ?? ['dependsOn', 0], {
          noun: 'Service dependencies',
          fix: 'Remove one dependsOn link of the cycle, or split the shared part into a service both can depend on.',
        });
      });
  },
});
