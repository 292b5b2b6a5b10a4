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
          "hint": "List an active policy in \`governedBy\`, or add the service to the \`appliesTo\` of one; a draft, retired or not yet effective policy does not count.",
          "line": 5,
          "message": "Production service \`api\` is governed by no policy in force.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects a service governed only by a retired policy', () => {
    expect(findingsOf(checkFixture('governed-by-retired-policy'), 'service-governed').map((finding) => finding.file)).toEqual(['content/services/api.md']);
  });

  it('rejects a service governed only by a policy not yet in effect', () => {
    expect(findingsOf(checkFixture('governed-by-future-policy'), 'service-governed').map((finding) => finding.file)).toEqual(['content/services/api.md']);
  });
});
