import { formatDay } from '../../text/dates.ts';
import { isProduction } from '../environments.ts';
import { defineRule, type RuleResult } from '../rule.ts';
import { inForce, standingOf } from '../standing.ts';

export const deploymentApproval = defineRule({
  id: 'deployment-approval',
  title: 'Production deployment is not approved',
  plane: 'execution',
  severity: 'error',
  description:
    'A deployment to a production environment (see `productionEnvironments`; letter case is ignored) names the person who approved it and the change policy it followed, which was in force on the day: not a draft, effective by then, and if retired since, replaced only after the deployment.',
  collections: ['deployments'],
  applies: (entry, { governance }) => isProduction(entry.data.environment, governance),
  check(entry, { graph }) {
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
      if (policy?.collection === 'policies' && !inForce(policy, graph, entry.data.date)) {
        const standing = standingOf(policy);
        const why =
          standing === 'draft'
            ? 'a draft'
            : policy.data.effective > entry.data.date
              ? `not yet in force: it took effect on ${formatDay(policy.data.effective)}`
              : standing === 'retired'
                ? 'retired, and no policy that replaced it took effect after the deployment'
                : policy.data.status;
        results.push({
          path: ['changePolicy'],
          message: `Production deployment \`${entry.id}\` followed change policy \`${changePolicy}\`, which is ${why}.`,
          hint: 'Name the change policy that was active on the day of the deployment (the one that supersedes a retired policy, if any).',
        });
      }
    }
    return results;
  },
});
