import { defineRule } from '../rule.ts';

export const teamEscalation = defineRule({
  id: 'team-escalation',
  title: 'Team has no escalation route',
  plane: 'identity',
  severity: 'warning',
  description: 'Every team says how urgent problems reach it, so that an owner can be found when something breaks.',
  collections: ['owners'],
  applies: (entry) => entry.data.kind === 'team',
  check(entry) {
    if (entry.data.escalation?.route) return [];
    return [
      {
        path: ['kind'],
        message: `Team \`${entry.id}\` has no escalation route.`,
        hint: 'Add `escalation:` with `route:` naming the rotation or paging service that reaches the team, e.g. `route: PagerDuty "payments-primary"`.',
      },
    ];
  },
});
