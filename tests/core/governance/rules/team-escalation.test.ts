import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('team-escalation', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'team-escalation')).toEqual([]);
  });

  it('rejects team-without-escalation', () => {
    expect(findingsOf(checkFixture('team-without-escalation'), 'team-escalation')).toMatchInlineSnapshot(`
      [
        {
          "field": "kind",
          "file": "content/owners/data-team.md",
          "hint": "Add \`escalation:\` with \`route:\` naming the rotation or paging service that reaches the team, e.g. \`route: PagerDuty "payments-primary"\`.",
          "line": 3,
          "message": "Team \`data-team\` has no escalation route.",
          "severity": "warning",
        },
      ]
    `);
  });
});
