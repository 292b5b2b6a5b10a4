import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('policy-review-overdue', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'policy-review-overdue')).toEqual([]);
  });

  it('rejects policy-review-overdue', () => {
    expect(findingsOf(checkFixture('policy-review-overdue'), 'policy-review-overdue')).toMatchInlineSnapshot(`
      [
        {
          "field": "review.last",
          "file": "content/policies/change-policy.md",
          "hint": "Review the policy with its owner, then set \`review.last\` to the day of the review; or retire it with \`status: retired\`.",
          "line": 9,
          "message": "Policy \`change-policy\` is overdue for review: its review was due on 2026-06-01 (last reviewed 2025-06-01, cadence 1y).",
          "severity": "warning",
        },
      ]
    `);
  });

  it('rejects policy-review-long-overdue', () => {
    expect(findingsOf(checkFixture('policy-review-long-overdue'), 'policy-review-overdue')).toMatchInlineSnapshot(`
      [
        {
          "field": "review.last",
          "file": "content/policies/access-policy.md",
          "hint": "Review the policy with its owner, then set \`review.last\` to the day of the review; or retire it with \`status: retired\`.",
          "line": 9,
          "message": "Policy \`access-policy\` is overdue for review: its review was due on 2026-04-01 (last reviewed 2025-10-01, cadence 6m), more than 2 cadences ago.",
          "severity": "error",
        },
      ]
    `);
  });
});
