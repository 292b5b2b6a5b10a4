import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('service-operations', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'service-operations')).toEqual([]);
  });

  it('rejects service-without-on-call', () => {
    expect(findingsOf(checkFixture('service-without-on-call'), 'service-operations')).toMatchInlineSnapshot(`
      [
        {
          "field": "operations.alerting",
          "file": "content/services/api.md",
          "hint": "Add \`alerting: what pages, and when\` under \`operations:\`.",
          "line": 7,
          "message": "Production service \`api\` has no alerting (\`operations.alerting\`).",
          "severity": "error",
        },
        {
          "field": "operations.onCall",
          "file": "content/services/api.md",
          "hint": "Add \`onCall: <team id>\` under \`operations:\`.",
          "line": 7,
          "message": "Production service \`api\` has no an on-call owner (\`operations.onCall\`).",
          "severity": "error",
        },
      ]
    `);
  });
});
