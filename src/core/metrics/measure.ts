import { type Band, type BandBounds, bandOf, type MetricName } from './bands.ts';
import type { ScopeFacts } from './delivery-facts.ts';

const DAY = 86_400_000;

/** A span of time the metrics are measured over: from `start` (included) to `end` (excluded). */
export interface Period {
  readonly start: Date;
  readonly end: Date;
}

/**
 * One metric over one period. `measured` carries a value and its band; `no-data` means the content
 * records nothing to measure (never shown as zero); `not-recorded` (lead time only) means there
 * were deployments but none recorded when its change was committed.
 */
interface Measurement {
  readonly status: 'measured' | 'no-data' | 'not-recorded';
  /** The value, when measured, in the metric's unit (see each metric). */
  readonly value?: number;
  readonly band?: Band;
}

/** Production deployments per day. */
export interface DeploymentFrequency extends Measurement {
  readonly deployments: number;
  /** Length of the period in days. */
  readonly days: number;
}

/** Median milliseconds from commit to production, over the deployments that record `committed`. */
export interface LeadTime extends Measurement {
  readonly recorded: number;
  readonly deployments: number;
}

/** Failed production deployments (failed, rolled back or causing an incident) over all, 0 to 1. */
export interface ChangeFailureRate extends Measurement {
  readonly failures: number;
  readonly deployments: number;
}

/** Median milliseconds from an incident's start to its resolution, over incidents started in the period. */
export interface TimeToRestore extends Measurement {
  readonly restored: number;
  /** Incidents started in the period and not resolved yet: not part of the median. */
  readonly unresolved: number;
}

export interface PeriodMetrics extends Period {
  readonly deploymentFrequency: DeploymentFrequency;
  readonly leadTime: LeadTime;
  readonly changeFailureRate: ChangeFailureRate;
  readonly timeToRestore: TimeToRestore;
}

/**
 * The four key metrics of one scope over one period. Pure: the facts, the period and the band
 * bounds in, numbers out. Lead time and time to restore are medians, so one slow outlier does not
 * swamp a period, as DORA's clusters describe typical changes.
 */
export function measurePeriod(facts: ScopeFacts, period: Period, bounds: Record<MetricName, BandBounds>): PeriodMetrics {
  const start = period.start.getTime();
  const end = period.end.getTime();
  const deployments = between(facts.deployments, (fact) => fact.date, start, end);
  const incidents = between(facts.incidents, (fact) => fact.started, start, end);
  // A period shorter than a day (the first hours of a month) is measured as a day, so one
  // deployment on the 1st does not read as dozens a day.
  const periodMs = Math.max(end - start, DAY);
  const days = periodMs / DAY;

  const frequency: DeploymentFrequency =
    deployments.length === 0
      ? { status: 'no-data', deployments: 0, days }
      : {
          status: 'measured',
          value: deployments.length / days,
          // Banded by the average time between deployments, which is what the bounds are written in.
          band: bandOf(periodMs / deployments.length, bounds.deploymentFrequency),
          deployments: deployments.length,
          days,
        };

  const leadTimes = deployments.filter((fact) => fact.committed !== undefined).map((fact) => fact.date - fact.committed!);
  const lead = median(leadTimes);
  const leadTime: LeadTime =
    deployments.length === 0
      ? { status: 'no-data', recorded: 0, deployments: 0 }
      : lead === undefined
        ? { status: 'not-recorded', recorded: 0, deployments: deployments.length }
        : { status: 'measured', value: lead, band: bandOf(lead, bounds.leadTime), recorded: leadTimes.length, deployments: deployments.length };

  const failures = deployments.filter((fact) => fact.failed).length;
  const rate = failures / deployments.length;
  const changeFailureRate: ChangeFailureRate =
    deployments.length === 0
      ? { status: 'no-data', failures: 0, deployments: 0 }
      : { status: 'measured', value: rate, band: bandOf(rate, bounds.changeFailureRate), failures, deployments: deployments.length };

  const restoreTimes = incidents.filter((fact) => fact.resolved !== undefined).map((fact) => fact.resolved! - fact.started);
  const restore = median(restoreTimes);
  const unresolved = incidents.length - restoreTimes.length;
  const timeToRestore: TimeToRestore =
    restore === undefined
      ? { status: 'no-data', restored: 0, unresolved }
      : { status: 'measured', value: restore, band: bandOf(restore, bounds.timeToRestore), restored: restoreTimes.length, unresolved };

  return { start: period.start, end: period.end, deploymentFrequency: frequency, leadTime, changeFailureRate, timeToRestore };
}

/** The items of a list sorted by `time` with `start <= time < end`, found by binary search. */
function between<T>(sorted: readonly T[], time: (item: T) => number, start: number, end: number): readonly T[] {
  const first = lowerBound(sorted, time, start);
  const last = lowerBound(sorted, time, end);
  return sorted.slice(first, last);
}

function lowerBound<T>(sorted: readonly T[], time: (item: T) => number, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (time(sorted[middle] as T) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The median, the mean of the two middle values for an even count; undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
