import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('scorecard-level', () => {
  it('passes services that reach the level their tier expects', () => {
    expect(findingsOf(checkFixture('scorecard-expected-met'), 'scorecard-level')).toEqual([]);
  });

  it('expects nothing by default', () => {
    expect(findingsOf(checkFixture('runbook-review-overdue'), 'scorecard-level')).toEqual([]);
  });

  it('warns about a service below its tier, naming what keeps it there', () => {
    // api (tier 1) is held at Silver by its overdue runbook; db (tier 2) reaches the Silver it must.
    expect(findingsOf(checkFixture('scorecard-below-expected'), 'scorecard-level')).toMatchInlineSnapshot(`
      [
        {
          "field": "tier",
          "file": "content/services/api.md",
          "hint": "Fix what keeps it from Gold: runbook-review-overdue (via coveredBy). The service's page lists each check.",
          "line": 4,
          "message": "Tier 1 service \`api\` is at Silver; tier 1 services are expected to reach Gold.",
          "severity": "warning",
        },
      ]
    `);
  });

  it('rejects an expected level that is not a level', () => {
    expect(findingsOf(checkFixture('scorecard-expected-unknown-level'), 'field-invalid').map((finding) => [finding.file, finding.field, finding.message])).toEqual([
      ['content/governance.yaml', 'scorecard.expected.1', 'Field `scorecard.expected.1` is invalid: "Platinum" is not a scorecard level; use one of Bronze, Silver, Gold; found `Platinum`.'],
    ]);
  });
});
