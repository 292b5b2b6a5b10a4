import type { CheckReport } from '../../core/check/run-check.ts';
import type { Band, MetricName } from '../../core/metrics/bands.ts';
import { deliveryMetrics, type DeliveryMetrics, type ScopeMetrics } from '../../core/metrics/delivery-metrics.ts';
import type { PeriodMetrics } from '../../core/metrics/measure.ts';
import { formatDuration } from '../../core/text/dates.ts';
import type { ChartSpec } from '../charts/chart-geometry.ts';

const cache = new WeakMap<CheckReport, DeliveryMetrics>();

/**
 * The delivery metrics of the report pages render from, computed once per report. An edition's
 * report holds only that edition's entries, so its metrics are made of them alone.
 */
export function siteMetrics(report: CheckReport): DeliveryMetrics {
  let metrics = cache.get(report);
  if (!metrics) cache.set(report, (metrics = deliveryMetrics(report)));
  return metrics;
}

/** Where the default band bounds come from, for every page and file that shows a band. */
export const BANDS_SOURCE = 'Accelerate State of DevOps Report 2023 (DORA)';

export const METRIC_LABELS: Record<MetricName, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  timeToRestore: 'Time to restore',
};

/** One metric as a tile shows it: its value, band and what it was measured on. */
export interface MetricTile {
  readonly name: MetricName;
  readonly label: string;
  /** The value as read (`2.3 a week`, `1 h 12 min`, `22 %`), or `no data` / `not recorded`. */
  readonly value: string;
  readonly measured: boolean;
  readonly band: Band | undefined;
  /** What the value is made of: `9 production deployments`, `2 of 9 deployments failed`. */
  readonly basis: string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Deployments per day as a reader says it: per day when daily or more, else per week, else per month. */
export function formatFrequency(perDay: number): string {
  const number = (value: number) => (value >= 10 ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, ''));
  if (perDay >= 1) return `${number(perDay)} a day`;
  if (perDay * 7 >= 1) return `${number(perDay * 7)} a week`;
  return `${number(perDay * 30)} a month`;
}

/** A span of governance.yaml (`90d`, `12w`, `1h`) in words: `90 days`, `12 weeks`, `1 hour`. */
export function formatSpan(text: string): string {
  const match = /^(\d+(?:\.\d+)?)\s*(h|d|w|m|y)$/.exec(text.trim());
  if (!match) return text;
  const words = { h: 'hour', d: 'day', w: 'week', m: 'month', y: 'year' } as const;
  return plural(Number(match[1]), words[match[2] as keyof typeof words]);
}

/** A ratio from 0 to 1 as a whole percentage. */
export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)} %`;

/** The four tiles of one period. */
export function metricTiles(period: PeriodMetrics): MetricTile[] {
  const { deploymentFrequency: frequency, leadTime, changeFailureRate: failure, timeToRestore: restore } = period;
  const shown = (status: string, value: number | undefined, format: (value: number) => string) =>
    status === 'measured' && value !== undefined ? format(value) : status === 'not-recorded' ? 'not recorded' : 'no data';
  return [
    {
      name: 'deploymentFrequency',
      label: METRIC_LABELS.deploymentFrequency,
      value: shown(frequency.status, frequency.value, formatFrequency),
      measured: frequency.status === 'measured',
      band: frequency.band,
      basis: frequency.deployments ? plural(frequency.deployments, 'production deployment') : 'no production deployment recorded',
    },
    {
      name: 'leadTime',
      label: METRIC_LABELS.leadTime,
      value: shown(leadTime.status, leadTime.value, formatDuration),
      measured: leadTime.status === 'measured',
      band: leadTime.band,
      basis:
        leadTime.deployments === 0
          ? 'no production deployment recorded'
          : leadTime.recorded === 0
            ? `none of ${plural(leadTime.deployments, 'deployment')} records when its change was committed`
            : `median of the ${leadTime.recorded} of ${plural(leadTime.deployments, 'deployment')} that record when the change was committed`,
    },
    {
      name: 'changeFailureRate',
      label: METRIC_LABELS.changeFailureRate,
      value: shown(failure.status, failure.value, formatPercent),
      measured: failure.status === 'measured',
      band: failure.band,
      basis: failure.deployments ? `${failure.failures} of ${plural(failure.deployments, 'deployment')} failed, rolled back or caused an incident` : 'no production deployment recorded',
    },
    {
      name: 'timeToRestore',
      label: METRIC_LABELS.timeToRestore,
      value: shown(restore.status, restore.value, formatDuration),
      measured: restore.status === 'measured',
      band: restore.band,
      basis:
        restore.restored === 0 && restore.unresolved === 0
          ? 'no incident of the severities that count'
          : `median of ${plural(restore.restored, 'resolved incident')}${restore.unresolved ? `; ${restore.unresolved} still open` : ''}`,
    },
  ];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOUR = 3_600_000;

/** A day as `26 Nov 2026`. */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * The monthly trend of one scope as four charts: deployments per month as bars, and lead time,
 * change failure rate and time to restore as lines, each month without data left as a gap.
 * Durations are drawn in hours, or in days when the longest is over two days, so axis ticks fall on
 * round numbers.
 */
export function trendCharts(scope: ScopeMetrics, idPrefix: string, scopeName: string, size: { width: number; height: number } = { width: 320, height: 170 }): ChartSpec[] {
  const months = scope.months;
  const categories = months.map((month) => MONTHS[month.start.getUTCMonth()] ?? '');
  const categoryNames = months.map((month) => `${MONTHS[month.start.getUTCMonth()]} ${month.start.getUTCFullYear()}`);
  const span = `${categoryNames[0]} to ${categoryNames.at(-1)}`;
  const measured = (metric: MetricName) => months.map((month) => (month[metric].status === 'measured' ? (month[metric].value ?? null) : null));
  const described = (values: readonly (number | null)[], format: (value: number) => string) => {
    const known = values.map((value, index) => ({ value, index })).filter((item): item is { value: number; index: number } => item.value !== null);
    if (known.length === 0) return 'No month has data.';
    const last = known.at(-1)!;
    return `${known.length} of ${values.length} months have data; the latest, ${categoryNames[last.index]}, reads ${format(last.value)}.`;
  };
  const durationChart = (metric: 'leadTime' | 'timeToRestore', id: string): ChartSpec => {
    const raw = measured(metric);
    const inDays = Math.max(0, ...raw.map((value) => value ?? 0)) > 48 * HOUR;
    const unit = inDays ? 24 * HOUR : HOUR;
    const values = raw.map((value) => (value === null ? null : value / unit));
    const format = (value: number) => `${Number(value.toFixed(value < 10 ? 1 : 0))} ${inDays ? 'd' : 'h'}`;
    return {
      id: `${idPrefix}-${id}`,
      title: `${METRIC_LABELS[metric]}, ${scopeName}`,
      description: `Median ${METRIC_LABELS[metric].toLowerCase()} per month, ${span}. ${described(values, format)}`,
      categories,
      categoryNames,
      categoryHeading: 'Month',
      series: [{ label: `Median, ${inDays ? 'days' : 'hours'}`, values, tone: metric === 'leadTime' ? '3' : '4' }],
      kind: 'line',
      unit: inDays ? 'days' : 'hours',
      format,
      ...size,
    };
  };
  const deployments = months.map((month) => (month.deploymentFrequency.deployments > 0 ? month.deploymentFrequency.deployments : null));
  const failure = measured('changeFailureRate').map((value) => (value === null ? null : value * 100));
  return [
    {
      id: `${idPrefix}-frequency`,
      title: `Production deployments per month, ${scopeName}`,
      description: `Production deployments in each month, ${span}. ${described(deployments, (value) => plural(value, 'deployment'))}`,
      categories,
      categoryNames,
      categoryHeading: 'Month',
      series: [{ label: 'Deployments', values: deployments, tone: '1' }],
      kind: 'bar',
      unit: 'deployments',
      integer: true,
      format: (value) => String(Math.round(value * 10) / 10),
      ...size,
    },
    durationChart('leadTime', 'lead-time'),
    {
      id: `${idPrefix}-failure`,
      title: `Change failure rate, ${scopeName}`,
      description: `Share of production deployments that failed, rolled back or caused an incident, per month, ${span}. ${described(failure, (value) => `${Math.round(value)} %`)}`,
      categories,
      categoryNames,
      categoryHeading: 'Month',
      series: [{ label: 'Change failure rate', values: failure, tone: '2' }],
      kind: 'line',
      unit: 'percent',
      max: 100,
      format: (value) => `${Math.round(value)} %`,
      ...size,
    },
    durationChart('timeToRestore', 'restore'),
  ];
}

/**
 * What the delivery metrics of an entry's page show, for the page's cache key in incremental
 * builds: the tiles and trend charts of the service or owner (or the platform) as they read (they move with the
 * build date and with deployments and incidents outside the page's reach), or undefined for
 * entries that show none. What is shown, not the raw numbers: the window ends at the build's
 * instant, and keying on it would render every such page on every build.
 */
export function metricsKey(report: CheckReport, key?: string): unknown {
  const metrics = siteMetrics(report);
  // Without an entry, the platform's, as the Proof plane's page shows them.
  const scope = key === undefined ? metrics.platform : (metrics.services.get(key) ?? metrics.owners.get(key));
  // Functions (the charts' formatters) drop out of the key's JSON; the values they format stay.
  return scope ? [metrics.settings, formatDate(metrics.now), metricTiles(scope.window), trendCharts(scope, '', '')] : undefined;
}
