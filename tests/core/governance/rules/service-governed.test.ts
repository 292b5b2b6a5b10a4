import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('service-governed', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'service-governed')).toEqual([]);
  });

  it('rejects ungoverned-service', () => {
    expect(findingsOf(checkFixture('ungoverned-service'), 'service-governed')).toMatchInlineSnapshot(`
      [
        {
          "field": "lifecycle",
          "file": "content/services/api.md",
          "hint": "List an active policy in \`governedBy\`, or add the service to the \`appliesTo\` of one.",
          "line": 5,
          "message": "Production service \`api\` is governed by no active policy.",
          "severity": "error",
        },
      ]
    `);
  });
});
