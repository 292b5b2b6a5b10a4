/**
 * The settings of the delivery metrics and of governance history, two blocks of
 * `content/governance.yaml`. Kept beside the governance schema rather than inside it, so that each
 * block reads as one concern; governance.ts only names them.
 */
import { z } from 'zod';
import { jsonSchemaOverrides, SEVERITIES } from './shared.ts';

const SPAN = /^(\d+(?:\.\d+)?)\s*(h|d|w|m|y)$/;
const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, m: 30 * 86_400_000, y: 365 * 86_400_000 } as const;

/**
 * Milliseconds of a span written as a count and a unit: `1h`, `90d`, `1w`, `1m` (30 days), `1y`
 * (365 days). A span is a length of time, not a calendar step: months and years are fixed lengths,
 * which is what "a lead time of one month" means. Undefined when the text is not a span.
 */
export function spanMs(text: string): number | undefined {
  const match = SPAN.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** A length of time: `1h`, `90d`, `1w`, `1m` or `1y`. */
const span = () => {
  const schema = z
    .string()
    .trim()
    .regex(SPAN, { message: 'expected a length of time such as 1h, 90d, 1w, 1m or 1y (hours, days, weeks, 30-day months, years)', abort: true })
    .refine((text) => (spanMs(text) ?? 0) > 0, { message: 'a length of time must be longer than zero' });
  jsonSchemaOverrides.set(schema, { type: 'string', pattern: SPAN.source, examples: ['1h', '90d', '1w', '1m'] });
  return schema;
};

/**
 * Band bounds of one metric: the worst value each band still accepts, lower values being better.
 * `size` turns a bound into a number, so the three can be checked to be in order.
 */
function bounds<T extends string | number>(value: () => z.ZodType<T>, size: (bound: T) => number, defaults: { elite: T; high: T; medium: T }, unit: string) {
  const bound = (band: 'elite' | 'high' | 'medium', rest: string) =>
    value()
      .default(defaults[band] as never)
      .describe(`Worst ${unit} still ${band}${rest}. Defaults to ${String(defaults[band])}.`);
  return z
    .strictObject({ elite: bound('elite', ''), high: bound('high', ''), medium: bound('medium', '; anything worse is low') })
    .default(defaults as never)
    .superRefine((band, ctx) => {
      if (size(band.elite as T) > size(band.high as T)) ctx.addIssue({ code: 'custom', path: ['elite'], message: 'the elite bound must be no worse than the high bound' });
      if (size(band.high as T) > size(band.medium as T)) ctx.addIssue({ code: 'custom', path: ['high'], message: 'the high bound must be no worse than the medium bound' });
    });
}

const spanBounds = (defaults: { elite: string; high: string; medium: string }, unit: string) => bounds(span, (text) => spanMs(text) ?? 0, defaults, unit);
const percentBounds = (defaults: { elite: number; high: number; medium: number }, unit: string) =>
  bounds(() => z.number().min(0).max(100), (value) => value, defaults, unit);

/**
 * The default bands follow the software delivery performance clusters of the Accelerate State of
 * DevOps Report 2023 (DORA, Google Cloud). Elite: deploys on demand, lead time under a day, 5 % of
 * changes fail, recovery within an hour. High: between daily and weekly, one day to a week, 10 %,
 * within a day. Medium: between weekly and monthly, a week to a month, 15 %, a day to a week. Low:
 * the report's low cluster deploys as often as medium (with 64 % failing, recovering in one to six
 * months), so here low is whatever is worse than medium.
 */
const DEFAULT_BANDS = {
  deploymentFrequency: { elite: '1d', high: '1w', medium: '1m' },
  leadTime: { elite: '1d', high: '1w', medium: '1m' },
  changeFailureRate: { elite: 5, high: 10, medium: 15 },
  timeToRestore: { elite: '1h', high: '1d', medium: '1w' },
};

const bandsSchema = z
  .strictObject({
    deploymentFrequency: spanBounds(DEFAULT_BANDS.deploymentFrequency, 'average time between production deployments').describe(
      'Average time between production deployments per band (DORA 2023: on demand, daily to weekly, weekly to monthly).',
    ),
    leadTime: spanBounds(DEFAULT_BANDS.leadTime, 'median lead time').describe('Median time from commit to production per band (DORA 2023).'),
    changeFailureRate: percentBounds(DEFAULT_BANDS.changeFailureRate, 'change failure rate, in percent').describe(
      'Share of production deployments that failed, were rolled back or caused an incident, in percent, per band (DORA 2023: 5, 10, 15).',
    ),
    timeToRestore: spanBounds(DEFAULT_BANDS.timeToRestore, 'median time to restore').describe(
      'Median time from an incident starting to its resolution per band (DORA 2023: an hour, a day, a week).',
    ),
  })
  .default(DEFAULT_BANDS as never)
  .describe('Performance bands (elite, high, medium, low) per metric. Defaults from the Accelerate State of DevOps Report 2023.');

const DEFAULT_METRICS = { window: '90d', trendMonths: 12, restoreSeverities: ['SEV1', 'SEV2'] as const, bands: DEFAULT_BANDS };

/** How the four delivery metrics are measured (the `metrics` block of governance.yaml). */
export const MetricsSettingsSchema = z
  .strictObject({
    window: span().default('90d').describe('How far back the delivery metrics look from the build date. Defaults to 90d.'),
    trendMonths: z.int().min(1).max(36).default(12).describe('Calendar months shown in each metric\'s trend, the current one included. Defaults to 12.'),
    restoreSeverities: z
      .array(z.enum(SEVERITIES))
      .min(1)
      .default([...DEFAULT_METRICS.restoreSeverities])
      .describe('Severities of the incidents whose start-to-resolution time is the time to restore. Defaults to [SEV1, SEV2].'),
    bands: bandsSchema,
  })
  .default(DEFAULT_METRICS as never)
  .describe('Delivery metrics: the window, the trend, which incidents count for time to restore, and the performance bands.');

/** How far back governance history goes (the `history` block of governance.yaml). */
export const HistorySettingsSchema = z
  .strictObject({
    weeks: z
      .int()
      .min(1)
      .max(260)
      .default(26)
      .describe('Weeks of git history the dashboard checks, the content as it was at each week\'s last commit. Defaults to 26.'),
  })
  .default({ weeks: 26 })
  .describe('Governance over time, from the repository\'s history.');

export type MetricsSettings = z.output<typeof MetricsSettingsSchema>;
export type HistorySettings = z.output<typeof HistorySettingsSchema>;
