import { describe, expect, it } from 'vitest';
import { GovernanceSchema } from '../../../src/core/schemas/governance.ts';
import { spanMs } from '../../../src/core/schemas/metrics-settings.ts';

const problems = (input: unknown) =>
  GovernanceSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('metrics and history settings in governance.yaml', () => {
  it('default to a 90-day window, a 12-month trend, SEV1 and SEV2, DORA 2023 bands and 26 weeks', () => {
    const governance = GovernanceSchema.parse({});
    expect(governance.metrics).toMatchObject({ window: '90d', trendMonths: 12, restoreSeverities: ['SEV1', 'SEV2'] });
    expect(governance.metrics.bands.changeFailureRate).toEqual({ elite: 5, high: 10, medium: 15 });
    expect(governance.history).toEqual({ weeks: 26 });
  });

  it('fill in the bounds of a band that are not written', () => {
    expect(GovernanceSchema.parse({ metrics: { bands: { leadTime: { elite: '2d' } } } }).metrics.bands.leadTime).toEqual({ elite: '2d', high: '1w', medium: '1m' });
  });

  it('accept lengths of time in hours, days, weeks, 30-day months and years', () => {
    expect(['1h', '90d', '2w', '1m', '1y', '1.5d'].map(spanMs)).toEqual([3_600_000, 90 * 86_400_000, 14 * 86_400_000, 30 * 86_400_000, 365 * 86_400_000, 1.5 * 86_400_000]);
    expect(spanMs('90')).toBeUndefined();
  });

  it('reject a window that is not a length of time', () => {
    expect(problems({ metrics: { window: '90' } })).toMatchInlineSnapshot(`
      [
        "metrics.window: expected a length of time such as 1h, 90d, 1w, 1m or 1y (hours, days, weeks, 30-day months, years)",
      ]
    `);
  });

  it('reject bounds out of order', () => {
    expect(problems({ metrics: { bands: { changeFailureRate: { elite: 20 }, timeToRestore: { high: '2w' } } } })).toMatchInlineSnapshot(`
      [
        "metrics.bands.changeFailureRate.elite: the elite bound must be no worse than the high bound",
        "metrics.bands.timeToRestore.high: the high bound must be no worse than the medium bound",
      ]
    `);
  });

  it('reject a percentage over 100 and a history of no weeks', () => {
    expect(problems({ metrics: { bands: { changeFailureRate: { medium: 120 } } }, history: { weeks: 0 } })).toMatchInlineSnapshot(`
      [
        "metrics.bands.changeFailureRate.medium: Too big: expected number to be <=100",
        "history.weeks: Too small: expected number to be >=1",
      ]
    `);
  });
});
