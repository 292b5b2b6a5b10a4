import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('service-runbook', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'service-runbook')).toEqual([]);
  });

  it('rejects service-without-runbook', () => {
    expect(findingsOf(checkFixture('service-without-runbook'), 'service-runbook')).toMatchInlineSnapshot(`
      [
        {
          "field": "tier",
          "file": "content/services/api.md",
          "hint": "Write one with npm run new -- runbooks api, and list \`api\` in its \`services\`.",
          "line": 4,
          "message": "Tier 1 production service \`api\` has no runbook.",
          "severity": "warning",
        },
      ]
    `);
  });

  it('does not count a draft runbook', () => {
    expect(findingsOf(checkFixture('runbook-draft'), 'service-runbook').map((finding) => finding.file)).toEqual([
      'content/services/api.md',
      'content/services/db.md',
    ]);
  });
});
