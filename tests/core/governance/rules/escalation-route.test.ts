import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('escalation-route', () => {
  it('passes the valid platform, where routes follow parents to the trust anchor', () => {
    expect(findingsOf(checkFixture('valid'), 'escalation-route')).toEqual([]);
  });

  it('follows escalation.next through a person to the trust anchor', () => {
    expect(findingsOf(checkFixture('escalation-through-person'), 'escalation-route')).toEqual([]);
  });

  it('rejects a route that goes round in a loop, at every team on it', () => {
    expect(findingsOf(checkFixture('escalation-loop'), 'escalation-route')).toMatchInlineSnapshot(`
      [
        {
          "field": "escalation.next",
          "file": "content/owners/data-team.md",
          "hint": "Point \`escalation.next\` of one owner in the loop at an owner closer to the trust anchor \`platform-team\`.",
          "line": 8,
          "message": "The escalation route of team \`data-team\` goes round in a loop: \`data-team\` → \`ops-team\` → \`data-team\`. It never reaches the trust anchor \`platform-team\`.",
          "severity": "error",
        },
        {
          "field": "escalation.next",
          "file": "content/owners/ops-team.md",
          "hint": "Point \`escalation.next\` of one owner in the loop at an owner closer to the trust anchor \`platform-team\`.",
          "line": 8,
          "message": "The escalation route of team \`ops-team\` goes round in a loop: \`ops-team\` → \`data-team\` → \`ops-team\`. It never reaches the trust anchor \`platform-team\`.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects a route that ends before the trust anchor', () => {
    expect(findingsOf(checkFixture('escalation-dead-end'), 'escalation-route')).toMatchInlineSnapshot(`
      [
        {
          "field": "escalation.next",
          "file": "content/owners/data-team.md",
          "hint": "Set \`escalation.next\` of \`sam\` (or, for a team, its \`parent\`) so that the route leads on to \`platform-team\`.",
          "line": 8,
          "message": "The escalation route of team \`data-team\` ends at \`sam\` without reaching the trust anchor \`platform-team\`: \`data-team\` → \`sam\`.",
          "severity": "error",
        },
      ]
    `);
  });

  it('leaves a cycle of parents alone to team-cycle', () => {
    const report = checkFixture('team-cycle');
    expect(findingsOf(report, 'team-cycle')).toHaveLength(1);
    expect(findingsOf(report, 'escalation-route')).toEqual([]);
  });

  it('says nothing while the trust anchor is not a team (role-kind does)', () => {
    expect(findingsOf(checkFixture('role-anchor-person'), 'escalation-route')).toEqual([]);
  });
});
