import { defineRule, type RuleResult } from '../rule.ts';

const REQUIRED = [
  { field: 'onCall', what: 'an on-call owner', example: 'onCall: <team id>' },
  { field: 'monitoring', what: 'monitoring', example: 'monitoring: https://… (the dashboard)' },
  { field: 'alerting', what: 'alerting', example: 'alerting: what pages, and when' },
] as const;

export const serviceOperations = defineRule({
  id: 'service-operations',
  title: 'Production service is not operated',
  plane: 'operations',
  severity: 'error',
  description: 'Every production service names who is on call for it, where it is monitored and what alerts on it.',
  collections: ['services'],
  applies: (entry) => entry.data.lifecycle === 'production',
  check(entry) {
    const operations = entry.data.operations;
    return REQUIRED.filter(({ field }) => !operations[field]).map(
      ({ field, what, example }): RuleResult => ({
        path: ['operations', field],
        message: `Production service \`${entry.id}\` has no ${what} (\`operations.${field}\`).`,
        hint: `Add \`${example}\` under \`operations:\`.`,
      }),
    );
  },
});
