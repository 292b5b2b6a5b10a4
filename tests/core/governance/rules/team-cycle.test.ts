import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('team-cycle', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'team-cycle')).toEqual([]);
  });

  it('rejects team-cycle', () => {
    expect(findingsOf(checkFixture('team-cycle'), 'team-cycle')).toMatchInlineSnapshot(`
      [
        {
          "field": "parent",
          "file": "content/owners/data-team.md",
          "hint": "Remove the parent of the team that should be at the top of the hierarchy.",
          "line": 9,
          "message": "Team parents form a cycle: \`data-team\` → \`platform-team\` → \`data-team\`.",
          "severity": "error",
        },
      ]
    `);
  });
});
