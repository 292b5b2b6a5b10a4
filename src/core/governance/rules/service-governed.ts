import { defineRule } from '../rule.ts';

export const serviceGoverned = defineRule({
  id: 'service-governed',
  title: 'Production service is not governed',
  plane: 'control',
  severity: 'error',
  description:
    'Every production service is governed by at least one active policy, either listed in its `governedBy` or through a policy whose `appliesTo` is `all` or names the service.',
  collections: ['services'],
  check(entry, { graph }) {
    if (entry.data.lifecycle !== 'production') return [];
    const active = graph
      .related(entry.key, 'governedBy')
      .filter((policy) => policy.collection === 'policies' && policy.data.status === 'active');
    if (active.length > 0) return [];
    return [
      {
        path: ['lifecycle'],
        message: `Production service \`${entry.id}\` is governed by no active policy.`,
        hint: 'List an active policy in `governedBy`, or add the service to the `appliesTo` of one.',
      },
    ];
  },
});
