import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('runbook-review-overdue', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'runbook-review-overdue')).toEqual([]);
  });

  it('rejects runbook-review-overdue', () => {
    expect(findingsOf(checkFixture('runbook-review-overdue'), 'runbook-review-overdue')).toMatchInlineSnapshot(`
      [
        {
          "field": "review.last",
          "file": "content/runbooks/api-runbook.md",
          "hint": "Walk through the document against the running system, fix what changed, then set \`review.last\` to the day of the review.",
          "line": 8,
          "message": "Runbook \`api-runbook\` is overdue for review: its review was due on 2026-09-01 (last reviewed 2026-03-01, cadence 6m).",
          "severity": "warning",
        },
      ]
    `);
  });
});
