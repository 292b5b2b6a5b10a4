import { type MetricsSettings, spanMs } from '../schemas/metrics-settings.ts';

/** The performance bands of the DORA research, best first. */
export const BANDS = ['elite', 'high', 'medium', 'low'] as const;
export type Band = (typeof BANDS)[number];

/** The four key metrics, in the order the research lists them. */
export const METRIC_NAMES = ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'timeToRestore'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** A metric's band bounds as numbers in the metric's own measure, lower being better. */
export interface BandBounds {
  readonly elite: number;
  readonly high: number;
  readonly medium: number;
}

/**
 * The bounds of every metric, as numbers comparable with what is measured: milliseconds between
 * deployments, milliseconds of lead time and of restore time, and a failure ratio from 0 to 1.
 */
export function bandBounds(settings: MetricsSettings): Record<MetricName, BandBounds> {
  const spans = (bounds: { elite: string; high: string; medium: string }): BandBounds => ({
    elite: spanMs(bounds.elite) ?? 0,
    high: spanMs(bounds.high) ?? 0,
    medium: spanMs(bounds.medium) ?? 0,
  });
  const { bands } = settings;
  return {
    deploymentFrequency: spans(bands.deploymentFrequency),
    leadTime: spans(bands.leadTime),
    changeFailureRate: {
      elite: bands.changeFailureRate.elite / 100,
      high: bands.changeFailureRate.high / 100,
      medium: bands.changeFailureRate.medium / 100,
    },
    timeToRestore: spans(bands.timeToRestore),
  };
}

/** The best band whose bound the value meets (is no worse than); low when it meets none. */
export function bandOf(value: number, bounds: BandBounds): Band {
  if (value <= bounds.elite) return 'elite';
  if (value <= bounds.high) return 'high';
  if (value <= bounds.medium) return 'medium';
  return 'low';
}
