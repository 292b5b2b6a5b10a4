import { defineRule, type RuleResult } from '../rule.ts';

export const deprecatedDependency = defineRule({
  id: 'deprecated-dependency',
  title: 'Production service depends on a deprecated one',
  plane: 'execution',
  severity: 'warning',
  description: 'A production service should not depend on a service that is deprecated or retired; the dependency is a migration still to do.',
  collections: ['services'],
  applies: (entry) => entry.data.lifecycle === 'production',
  check(entry, { graph }) {
    return graph.targets(entry.key, ['dependsOn']).flatMap(({ path, entry: target }): RuleResult[] => {
      if (target.collection !== 'services') return [];
      const id = target.id;
      const lifecycle = target.data.lifecycle;
      if (lifecycle !== 'deprecated' && lifecycle !== 'retired') return [];
      return [
        {
          path,
          message: `Production service \`${entry.id}\` depends on \`${id}\`, which is ${lifecycle}.`,
          hint: `Move off \`${id}\` to its replacement and remove it from \`dependsOn\`.`,
        },
      ];
    });
  },
});
