import { defineRule } from '../rule.ts';
import { inForce } from '../standing.ts';

export const serviceGoverned = defineRule({
  id: 'service-governed',
  title: 'Production service is not governed',
  plane: 'control',
  severity: 'error',
  description:
    'Every production service is governed by at least one policy in force: active, not a draft and effective by now, either listed in its `governedBy` or through a policy whose `appliesTo` is `all` or names the service. A draft or retired policy governs nothing.',
  collections: ['services'],
  applies: (entry) => entry.data.lifecycle === 'production',
  check(entry, { graph, now }) {
    const active = graph.related(entry.key, 'governedBy').filter((policy) => policy.collection === 'policies' && inForce(policy, graph, now));
    if (active.length > 0) return [];
    return [
      {
        path: ['lifecycle'],
        message: `Production service \`${entry.id}\` is governed by no policy in force.`,
        hint: 'List an active policy in `governedBy`, or add the service to the `appliesTo` of one; a draft, retired or not yet effective policy does not count.',
      },
    ];
  },
});
