import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('deprecated-dependency', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'deprecated-dependency')).toEqual([]);
  });

  it('rejects deprecated-dependency', () => {
    expect(findingsOf(checkFixture('deprecated-dependency'), 'deprecated-dependency')).toMatchInlineSnapshot(`
      [
        {
          "field": "dependsOn[0]",
          "file": "content/services/api.md",
          "hint": "Move off \`db\` to its replacement and remove it from \`dependsOn\`.",
          "line": 6,
          "message": "Production service \`api\` depends on \`db\`, which is deprecated.",
          "severity": "warning",
        },
      ]
    `);
  });
});
