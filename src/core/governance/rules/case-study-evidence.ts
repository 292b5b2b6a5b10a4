import { defineRule, type RuleResult } from '../rule.ts';

export const caseStudyEvidence = defineRule({
  id: 'case-study-evidence',
  title: 'Case study lacks evidence',
  plane: 'proof',
  severity: 'error',
  description: 'A case study names what it delivered (services or deployments) and at least one measured outcome, so that its claims can be checked.',
  collections: ['case-studies'],
  check(entry) {
    const results: RuleResult[] = [];
    if (entry.data.services.length === 0 && entry.data.deployments.length === 0) {
      results.push({
        path: ['services'],
        message: `Case study \`${entry.id}\` does not say what it delivered.`,
        hint: 'List the services in `services:` or the deployments in `deployments:`.',
      });
    }
    if (entry.data.outcomes.length === 0) {
      results.push({
        path: ['outcomes'],
        message: `Case study \`${entry.id}\` has no measured outcome.`,
        hint: 'Add `outcomes:` with at least one metric: `name`, `before`, `after` and `unit`.',
      });
    }
    return results;
  },
});
