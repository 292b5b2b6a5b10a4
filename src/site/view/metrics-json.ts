import type { CheckReport } from '../../core/check/run-check.ts';
import type { ScopeMetrics } from '../../core/metrics/delivery-metrics.ts';
import type { PeriodMetrics } from '../../core/metrics/measure.ts';
import type { GovernanceTrend } from './metrics-history.ts';
import { BANDS_SOURCE, siteMetrics } from './metrics.ts';

/**
 * One period's metrics for tools: each metric's status, its value under a name that says its unit
 * (absent unless measured: "no data" is never written as zero), its band and what it was measured on.
 */
export function periodJson(period: PeriodMetrics) {
  const { deploymentFrequency: frequency, leadTime, changeFailureRate: failure, timeToRestore: restore } = period;
  const measured = <T extends object>(status: string, value: number | undefined, band: string | undefined, named: (value: number) => T) =>
    status === 'measured' && value !== undefined ? { ...named(value), band } : {};
  return {
    start: period.start.toISOString(),
    end: period.end.toISOString(),
    deploymentFrequency: {
      status: frequency.status,
      ...measured(frequency.status, frequency.value, frequency.band, (perDay) => ({ perDay: round(perDay, 4), perWeek: round(perDay * 7, 3) })),
      deployments: frequency.deployments,
      days: round(frequency.days, 2),
    },
    leadTime: {
      status: leadTime.status,
      ...measured(leadTime.status, leadTime.value, leadTime.band, (ms) => ({ medianHours: round(ms / 3_600_000, 2) })),
      recorded: leadTime.recorded,
      deployments: leadTime.deployments,
    },
    changeFailureRate: {
      status: failure.status,
      ...measured(failure.status, failure.value, failure.band, (rate) => ({ rate: round(rate, 4) })),
      failures: failure.failures,
      deployments: failure.deployments,
    },
    timeToRestore: {
      status: restore.status,
      ...measured(restore.status, restore.value, restore.band, (ms) => ({ medianHours: round(ms / 3_600_000, 2) })),
      restored: restore.restored,
      unresolved: restore.unresolved,
    },
  };
}

function scopeJson(scope: ScopeMetrics) {
  return { window: periodJson(scope.window), months: scope.months.map(periodJson) };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/**
 * `metrics.json`: the delivery metrics of the platform, every service and every service owner, over
 * the window and month by month, and governance week by week. Built from the edition's report, so
 * the public edition's numbers are made of public entries only. Versioned; fields are only added.
 */
export function buildMetricsJson(report: CheckReport, trend: GovernanceTrend, href: (key: string) => string) {
  const metrics = siteMetrics(report);
  const scoped = (scopes: ReadonlyMap<string, ScopeMetrics>) =>
    [...scopes].map(([key, scope]) => ({ key, title: report.graph.get(key)?.title ?? key, url: href(key), ...scopeJson(scope) }));
  return {
    version: 1,
    generated: report.now.toISOString(),
    settings: { ...metrics.settings, bandsSource: BANDS_SOURCE },
    window: { start: metrics.window.start.toISOString(), end: metrics.window.end.toISOString() },
    platform: scopeJson(metrics.platform),
    services: scoped(metrics.services),
    owners: scoped(metrics.owners),
    history: trend.available
      ? {
          available: true,
          weeks: trend.weeks.map((week) => ({
            start: week.start.toISOString(),
            ...(week.commit && week.summary
              ? {
                  commit: week.commit.hash,
                  committed: week.commit.time.toISOString(),
                  errors: week.summary.errors,
                  warnings: week.summary.warnings,
                  levels: Object.fromEntries([...week.summary.levels].map(([level, count]) => [level ?? 'none', count])),
                  completeness: Object.fromEntries(week.summary.completeness.map((plane) => [plane.plane, { entries: plane.entries, complete: plane.complete, ratio: round(plane.ratio, 4) }])),
                  openLoops: week.summary.openLoops,
                }
              : {}),
          })),
        }
      : { available: false, reason: trend.reason },
  };
}

/** The window's numbers of one scope, for `catalog.json`'s entries. */
export function windowJson(scope: ScopeMetrics | undefined) {
  return scope ? periodJson(scope.window) : undefined;
}
