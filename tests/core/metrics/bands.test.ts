import { describe, expect, it } from 'vitest';
import { bandBounds, bandOf } from '../../../src/core/metrics/bands.ts';
import { median } from '../../../src/core/metrics/measure.ts';
import { monthPeriods, windowPeriod } from '../../../src/core/metrics/periods.ts';
import { GovernanceSchema } from '../../../src/core/schemas/governance.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('performance bands', () => {
  const bounds = bandBounds(GovernanceSchema.parse({}).metrics);

  it('default to the DORA 2023 clusters, in each metric\'s own measure', () => {
    expect(bounds).toEqual({
      deploymentFrequency: { elite: DAY, high: 7 * DAY, medium: 30 * DAY },
      leadTime: { elite: DAY, high: 7 * DAY, medium: 30 * DAY },
      changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
      timeToRestore: { elite: HOUR, high: DAY, medium: 7 * DAY },
    });
  });

  it('give the best band whose bound a value meets, bounds included', () => {
    const rate = bounds.changeFailureRate;
    expect([0, 0.05, 0.0501, 0.1, 0.15, 0.16, 1].map((value) => bandOf(value, rate))).toEqual(['elite', 'elite', 'high', 'high', 'medium', 'low', 'low']);
    expect([59 * 60_000, HOUR, 2 * HOUR, 8 * DAY].map((value) => bandOf(value, bounds.timeToRestore))).toEqual(['elite', 'elite', 'high', 'low']);
  });
});

describe('periods', () => {
  it('end the window at the build instant', () => {
    const window = windowPeriod(new Date('2026-11-26T00:00:00Z'), 90 * DAY);
    expect([window.start.toISOString(), window.end.toISOString()]).toEqual(['2026-08-28T00:00:00.000Z', '2026-11-26T00:00:00.000Z']);
  });

  it('are calendar months, the current one cut at the build instant, across a year boundary', () => {
    const months = monthPeriods(new Date('2026-02-10T06:00:00Z'), 3);
    expect(months.map((month) => [month.start.toISOString().slice(0, 10), month.end.toISOString()])).toEqual([
      ['2025-12-01', '2026-01-01T00:00:00.000Z'],
      ['2026-01-01', '2026-02-01T00:00:00.000Z'],
      ['2026-02-01', '2026-02-10T06:00:00.000Z'],
    ]);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones, and nothing for no values', () => {
    expect([median([3, 1, 2]), median([4, 1, 3, 2]), median([])]).toEqual([2, 2.5, undefined]);
  });
});
