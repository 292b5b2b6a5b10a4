import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { metricsKey } from '../../../src/site/view/metrics.ts';
import { fixtureRoot } from '../../helpers/fixtures.ts';

const root = fixtureRoot('metrics-delivery');
const keyAt = (now: string, entry: string) => JSON.stringify(metricsKey(runCheck({ root, now: new Date(now) }), entry));

// An incremental build copies a page whose key is unchanged; a key that moved with the clock
// would render every service and team page on every build, and one that did not move with what
// the page shows would publish stale numbers.
describe("the metrics part of a page's cache key", () => {
  it('stays put between two builds of one day when nothing the page shows changes', () => {
    expect(keyAt('2026-11-26T08:00:00Z', 'services/api')).toBe(keyAt('2026-11-26T08:00:07.123Z', 'services/api'));
    expect(keyAt('2026-11-26T08:00:00Z', 'owners/platform-team')).toBe(keyAt('2026-11-26T08:30:00Z', 'owners/platform-team'));
  });

  it('moves with the day the page names', () => {
    expect(keyAt('2026-11-26T08:00:00Z', 'services/api')).not.toBe(keyAt('2026-11-27T08:00:00Z', 'services/api'));
  });

  it('moves when a deployment leaves the window', () => {
    // The 1 Sep rollback leaves the 90-day window on 30 Nov: the failure rate the tile shows changes.
    expect(keyAt('2026-11-29T12:00:00Z', 'services/api')).not.toBe(keyAt('2026-11-30T12:00:00Z', 'services/api'));
  });

  it('is undefined for entries that show no metrics', () => {
    expect(metricsKey(runCheck({ root, now: new Date('2026-11-26T08:00:00Z') }), 'policies/none')).toBeUndefined();
  });
});
