import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('case-study-evidence', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'case-study-evidence')).toEqual([]);
  });

  it('rejects case-study-without-evidence', () => {
    expect(findingsOf(checkFixture('case-study-without-evidence'), 'case-study-evidence')).toMatchInlineSnapshot(`
      [
        {
          "field": "services",
          "file": "content/case-studies/faster-api.md",
          "hint": "List the services in \`services:\` or the deployments in \`deployments:\`.",
          "line": 2,
          "message": "Case study \`faster-api\` does not say what it delivered.",
          "severity": "error",
        },
        {
          "field": "outcomes",
          "file": "content/case-studies/faster-api.md",
          "hint": "Add \`outcomes:\` with at least one metric: \`name\`, \`before\`, \`after\` and \`unit\`.",
          "line": 2,
          "message": "Case study \`faster-api\` has no measured outcome.",
          "severity": "error",
        },
      ]
    `);
  });
});
