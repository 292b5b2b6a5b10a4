import { defineRule, type RuleResult } from '../rule.ts';

export const deploymentApproval = defineRule({
  id: 'deployment-approval',
  title: 'Production deployment is not approved',
  plane: 'execution',
  severity: 'error',
  description:
    'A deployment to a production environment (see `productionEnvironments`) names the person who approved it and an active change policy it followed.',
  collections: ['deployments'],
  check(entry, { graph, governance }) {
    if (!governance.productionEnvironments.includes(entry.data.environment)) return [];
    const results: RuleResult[] = [];
    const { approver, changePolicy } = entry.data;
    if (!approver) {
      results.push({
        path: ['approver'],
        message: `Production deployment \`${entry.id}\` names no approver.`,
        hint: 'Add `approver:` with the ID of the person who approved the change.',
      });
    } else {
      const owner = graph.target(entry.key, ['approver']);
      if (owner?.collection === 'owners' && owner.data.kind !== 'person') {
        results.push({
          path: ['approver'],
          message: `Production deployment \`${entry.id}\` is approved by \`${approver}\`, which is a team, not a person.`,
          hint: 'Name the person who approved it; a team cannot be accountable for one approval.',
        });
      }
    }
    if (!changePolicy) {
      results.push({
        path: ['changePolicy'],
        message: `Production deployment \`${entry.id}\` names no change policy.`,
        hint: 'Add `changePolicy:` with the ID of the active change policy the deployment followed.',
      });
    } else {
      const policy = graph.target(entry.key, ['changePolicy']);
      if (policy?.collection === 'policies' && policy.data.status !== 'active') {
        results.push({
          path: ['changePolicy'],
          message: `Production deployment \`${entry.id}\` followed change policy \`${changePolicy}\`, which is ${policy.data.status}.`,
          hint: 'Name the active change policy (the one that supersedes it, if any).',
        });
      }
    }
    return results;
  },
});
