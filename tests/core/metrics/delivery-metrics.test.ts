import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { editionReport } from '../../../src/core/editions/edition-view.ts';
import { deliveryMetrics } from '../../../src/core/metrics/delivery-metrics.ts';
import type { PeriodMetrics } from '../../../src/core/metrics/measure.ts';
import { checkFixture, NOW } from '../../helpers/fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A period's four metrics reduced to status, value and band, for exact comparison. */
function brief(period: PeriodMetrics) {
  const one = (metric: { status: string; value?: number; band?: string }) => ({
    status: metric.status,
    ...(metric.value !== undefined ? { value: Number(metric.value.toFixed(6)) } : {}),
    ...(metric.band ? { band: metric.band } : {}),
  });
  return {
    deploymentFrequency: one(period.deploymentFrequency),
    leadTime: one(period.leadTime),
    changeFailureRate: one(period.changeFailureRate),
    timeToRestore: one(period.timeToRestore),
  };
}

const round = (value: number) => Number(value.toFixed(6));

describe('delivery metrics over the window (90 days to 2026-11-26)', () => {
  // metrics-delivery: api deployed to production on 15 Jun (before the window), 1 Sep (rolled
  // back, committed a day before), 1 Oct (committed 6 h before; the October outage names it in
  // causedBy) and 2 Nov (no commit time); to staging on 10 Nov. db deployed on 1 Jul (failed).
  // Incidents: the SEV2 outage of 10 Oct (90 min), a SEV1 db failover of 20 Nov (6 h, no cause),
  // a SEV3 of 15 Nov (30 min, a severity that does not count) and a SEV2 still open since 25 Nov.
  const metrics = deliveryMetrics(checkFixture('metrics-delivery'));

  it('measures the platform on every production deployment and every counted incident', () => {
    expect(metrics.window.start.toISOString()).toBe('2026-08-28T00:00:00.000Z');
    expect(brief(metrics.platform.window)).toEqual({
      // 3 production deployments in 90 days: one every 30 days, the medium bound exactly.
      deploymentFrequency: { status: 'measured', value: round(3 / 90), band: 'medium' },
      // Two record their commit: 24 h and 6 h, median 15 h.
      leadTime: { status: 'measured', value: 15 * HOUR, band: 'elite' },
      // The rollback and the deployment that caused the outage: 2 of 3.
      changeFailureRate: { status: 'measured', value: round(2 / 3), band: 'low' },
      // SEV1 and SEV2 resolved: 90 min and 6 h, median 3 h 45 min; the open one is not a time.
      timeToRestore: { status: 'measured', value: 3.75 * HOUR, band: 'high' },
    });
    const window = metrics.platform.window;
    expect([window.leadTime.recorded, window.leadTime.deployments]).toEqual([2, 3]);
    expect([window.changeFailureRate.failures, window.changeFailureRate.deployments]).toEqual([2, 3]);
    expect([window.timeToRestore.restored, window.timeToRestore.unresolved]).toEqual([2, 1]);
  });

  it('measures a service on its own deployments and the incidents that hit it', () => {
    expect(brief(metrics.services.get('services/api')!.window).timeToRestore).toEqual({ status: 'measured', value: 1.5 * HOUR, band: 'high' });
    expect(brief(metrics.services.get('services/db')!.window)).toEqual({
      // db's only deployment (1 Jul) is older than the window: nothing to measure, never zero.
      deploymentFrequency: { status: 'no-data' },
      leadTime: { status: 'no-data' },
      changeFailureRate: { status: 'no-data' },
      // The failover had no cause and still counts for time to restore.
      timeToRestore: { status: 'measured', value: 6 * HOUR, band: 'high' },
    });
  });

  it('measures an owner over the services it owns', () => {
    expect(brief(metrics.owners.get('owners/platform-team')!.window)).toEqual(brief(metrics.services.get('services/api')!.window));
    expect(brief(metrics.owners.get('owners/data-team')!.window)).toEqual(brief(metrics.services.get('services/db')!.window));
    expect(metrics.owners.has('owners/alex')).toBe(false);
  });

  it('gives each of the last 12 months its own numbers, gaps as no data', () => {
    const months = metrics.platform.months;
    expect(months.map((month) => month.start.toISOString().slice(0, 7))).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    const byMonth = (month: string) => months.find((candidate) => candidate.start.toISOString().startsWith(month))!;
    expect(byMonth('2026-07').changeFailureRate).toMatchObject({ status: 'measured', value: 1, failures: 1, deployments: 1 });
    expect(byMonth('2026-08').deploymentFrequency).toMatchObject({ status: 'no-data', deployments: 0 });
    expect(byMonth('2026-10').leadTime).toMatchObject({ status: 'measured', value: 6 * HOUR });
    // November so far (25 days): the 2 Nov deployment records no commit time.
    expect(byMonth('2026-11').leadTime).toMatchObject({ status: 'not-recorded', deployments: 1 });
    expect(byMonth('2026-11').deploymentFrequency.days).toBe(25);
    expect(byMonth('2026-11').changeFailureRate).toMatchObject({ status: 'measured', value: 0, band: 'elite' });
    expect(byMonth('2026-11').timeToRestore).toMatchObject({ status: 'measured', value: 6 * HOUR, unresolved: 1 });
  });

  it('leaves staging deployments out, as governance.yaml names production', () => {
    const november = metrics.platform.months.at(-1)!;
    expect(november.deploymentFrequency.deployments).toBe(1);
  });
});

describe('delivery metrics on edge cases', () => {
  it('reads "no data", never zero, when no deployment is recorded', () => {
    const metrics = deliveryMetrics(checkFixture('metrics-no-deployments'));
    const window = metrics.platform.window;
    expect(brief(window)).toEqual({
      deploymentFrequency: { status: 'no-data' },
      leadTime: { status: 'no-data' },
      changeFailureRate: { status: 'no-data' },
      timeToRestore: { status: 'measured', value: 1.5 * HOUR, band: 'high' },
    });
    expect(window.deploymentFrequency.value).toBeUndefined();
    expect(window.changeFailureRate.value).toBeUndefined();
  });

  it('measures a window with a single deployment, an incident without a cause and no commit time', () => {
    // The valid fixture: one production deployment (2 Nov, succeeded, no `committed`), and a SEV2
    // outage that names no deployment.
    const window = deliveryMetrics(checkFixture('valid')).platform.window;
    expect(brief(window)).toEqual({
      // One deployment in 90 days is rarer than monthly: low.
      deploymentFrequency: { status: 'measured', value: round(1 / 90), band: 'low' },
      leadTime: { status: 'not-recorded' },
      // The outage names no cause, so the one deployment did not fail.
      changeFailureRate: { status: 'measured', value: 0, band: 'elite' },
      timeToRestore: { status: 'measured', value: 1.5 * HOUR, band: 'high' },
    });
  });

  it('uses the window and bands governance.yaml sets', () => {
    const report = checkFixture('metrics-delivery');
    const governance = {
      ...report.content.governance,
      metrics: {
        ...report.content.governance.metrics,
        window: '30d',
        restoreSeverities: ['SEV1' as const],
        bands: { ...report.content.governance.metrics.bands, timeToRestore: { elite: '1h', high: '4h', medium: '1w' } },
      },
    };
    const metrics = deliveryMetrics({ ...report, content: { ...report.content, governance } });
    // 27 Oct to 26 Nov: only the 2 Nov deployment; only the SEV1 failover (6 h, worse than 4 h).
    expect(metrics.platform.window.deploymentFrequency).toMatchObject({ deployments: 1, days: 30 });
    expect(brief(metrics.platform.window).timeToRestore).toEqual({ status: 'measured', value: 6 * HOUR, band: 'medium' });
  });

  it('counts a day as the shortest period, so the first hours of a month do not read as dozens of deployments a day', () => {
    // api 1.1.0 went out at 10:00 on 1 October; it is noon.
    const report = checkFixture('metrics-delivery');
    const metrics = deliveryMetrics({ ...report, now: new Date('2026-10-01T12:00:00Z') });
    expect(metrics.platform.months.at(-1)!.deploymentFrequency).toMatchObject({ status: 'measured', value: 1, deployments: 1, days: 1 });
    expect(metrics.window.end.getTime() - metrics.window.start.getTime()).toBe(90 * DAY);
  });
});

describe('delivery metrics of an edition', () => {
  const full = runCheck({ root: join(import.meta.dirname, '../../fixtures/editions'), now: NOW });

  it('are made of the edition\'s entries only: an internal deployment or incident counts nowhere in the public edition', () => {
    // The fixture's only deployment and only incident are internal, on the public API.
    const internal = deliveryMetrics(editionReport(full, { edition: 'internal', includeDrafts: false }));
    expect(internal.services.get('services/public-api')!.window.deploymentFrequency.deployments).toBe(1);
    const published = deliveryMetrics(editionReport(full, { edition: 'public', includeDrafts: false }));
    expect(brief(published.platform.window)).toEqual({
      deploymentFrequency: { status: 'no-data' },
      leadTime: { status: 'no-data' },
      changeFailureRate: { status: 'no-data' },
      timeToRestore: { status: 'no-data' },
    });
    expect(brief(published.services.get('services/public-api')!.window)).toEqual(brief(published.platform.window));
    // The team owns an internal service too; its numbers are the public service's alone.
    expect([...published.owners.keys()]).toEqual(['owners/public-team']);
    expect(published.owners.get('owners/public-team')!.window.deploymentFrequency.deployments).toBe(0);
  });

  it('count a public deployment of an internal service on the platform only, as the edition publishes it', () => {
    const report = checkFixture('metrics-delivery');
    const published = deliveryMetrics(editionReport(report, { edition: 'public', includeDrafts: false }));
    // Only the 1 Sep rollback is public; the api service is internal.
    expect(published.platform.window.changeFailureRate).toMatchObject({ status: 'measured', value: 1, failures: 1, deployments: 1 });
    expect(published.services.size).toBe(0);
  });
});
