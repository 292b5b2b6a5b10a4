import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf, NOW } from '../../../helpers/fixtures.ts';

describe('future-date', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'future-date')).toEqual([]);
  });

  it('lets a policy take effect in the future, and leaves drafts alone', () => {
    expect(findingsOf(checkFixture('future-effective'), 'future-date')).toEqual([]);
  });

  it('rejects a review, a restore test, incident times and a deployment later than now', () => {
    expect(findingsOf(checkFixture('future-dates'), 'future-date').map((finding) => [finding.file, finding.field])).toEqual([
      ['content/deployments/api-1-2-0.md', 'date'],
      ['content/incidents/2026-10-outage.md', 'started'],
      ['content/incidents/2026-10-outage.md', 'resolved'],
      ['content/policies/access-policy.md', 'review.last'],
      ['content/services/db.md', 'operations.backups.lastRestoreTest'],
    ]);
  });

  it('says what is wrong and how to fix it', () => {
    expect(findingsOf(checkFixture('future-dates'), 'future-date').find((finding) => finding.field === 'review.last')).toMatchInlineSnapshot(`
      {
        "field": "review.last",
        "file": "content/policies/access-policy.md",
        "hint": "Write the day it actually happened. If it is planned, record it once it has happened. If the check's date is wrong, pass --now or set SOURCE_DATE_EPOCH.",
        "line": 9,
        "message": "\`review.last\` is 2027-10-01, later than the day of the check (2026-11-26): it records something that cannot have happened yet.",
        "severity": "error",
      }
    `);
  });

  it('no longer hides an overdue review: the same dates pass once the day has come', () => {
    expect(findingsOf(checkFixture('future-dates', new Date('2028-01-01T00:00:00Z')), 'future-date')).toEqual([]);
  });

  it('accepts a calendar day that has begun somewhere on Earth, and not the day after', () => {
    // The deployment of `future-dates` is at 10:00 UTC on the day of the check: an instant, so late.
    const early = new Date(NOW.getTime() + 9 * 3_600_000);
    expect(findingsOf(checkFixture('future-dates', early), 'future-date').map((finding) => finding.field)).toContain('date');
    // The restore test is dated 2026-12-24: that day begins at 10:00 UTC on the 23rd, in UTC+14.
    const before = new Date('2026-12-23T09:00:00Z');
    expect(findingsOf(checkFixture('future-dates', before), 'future-date').map((finding) => finding.field)).toContain('operations.backups.lastRestoreTest');
    const dayBegun = new Date('2026-12-23T10:00:00Z');
    expect(findingsOf(checkFixture('future-dates', dayBegun), 'future-date').map((finding) => finding.field)).not.toContain('operations.backups.lastRestoreTest');
  });
});
