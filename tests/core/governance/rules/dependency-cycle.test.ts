import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('dependency-cycle', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'dependency-cycle')).toEqual([]);
  });

  it('rejects dependency-cycle', () => {
    expect(findingsOf(checkFixture('dependency-cycle'), 'dependency-cycle')).toMatchInlineSnapshot(`
      [
        {
          "field": "dependsOn[0]",
          "file": "content/services/api.md",
          "hint": "Remove one dependsOn link of the cycle, or split the shared part into a service both can depend on.",
          "line": 6,
          "message": "Service dependencies form a cycle: \`api\` → \`db\` → \`api\`.",
          "severity": "error",
        },
      ]
    `);
  });
});
