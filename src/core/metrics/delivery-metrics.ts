import type { PlatformGraph } from '../graph/build-graph.ts';
import type { Governance } from '../schemas/governance.ts';
import { spanMs } from '../schemas/metrics-settings.ts';
import { bandBounds, type BandBounds, type MetricName } from './bands.ts';
import { deliveryFacts, type ScopeFacts } from './delivery-facts.ts';
import { measurePeriod, type Period, type PeriodMetrics } from './measure.ts';
import { monthPeriods, windowPeriod } from './periods.ts';

/** The four key metrics of one scope: over the window, and month by month for the trend. */
export interface ScopeMetrics {
  readonly window: PeriodMetrics;
  /** Oldest first, the current month last. */
  readonly months: readonly PeriodMetrics[];
}

export interface DeliveryMetrics {
  readonly now: Date;
  readonly window: Period;
  /** The settings the numbers were measured with (governance.yaml's `metrics`). */
  readonly settings: Governance['metrics'];
  /** The bounds of each band in each metric's own measure (see bandBounds). */
  readonly bounds: Record<MetricName, BandBounds>;
  readonly platform: ScopeMetrics;
  /** Every service, by key, measured on its own deployments and the incidents that affected it. */
  readonly services: ReadonlyMap<string, ScopeMetrics>;
  /** Every owner of at least one service, by key, measured over the services it owns. */
  readonly owners: ReadonlyMap<string, ScopeMetrics>;
}

/** What the metrics read of a checked model or of an edition's report. */
export interface MetricsSource {
  readonly graph: PlatformGraph;
  readonly content: { readonly governance: Governance };
  readonly now: Date;
}

/**
 * Measures deployment frequency, lead time for changes, change failure rate and time to restore for
 * the platform, each service and each service owner, over the configured window and month by
 * month. Computed from whatever graph it is given: an edition's report gives numbers made of that
 * edition's entries only, so no total reveals an entry the edition leaves out.
 */
export function deliveryMetrics(source: MetricsSource): DeliveryMetrics {
  const { governance } = source.content;
  const settings = governance.metrics;
  const bounds = bandBounds(settings);
  const window = windowPeriod(source.now, spanMs(settings.window) ?? 90 * 86_400_000);
  const months = monthPeriods(source.now, settings.trendMonths);
  const facts = deliveryFacts(source.graph, governance);
  const measure = (scope: ScopeFacts): ScopeMetrics => ({
    window: measurePeriod(scope, window, bounds),
    months: months.map((month) => measurePeriod(scope, month, bounds)),
  });
  const byKey = (scopes: ReadonlyMap<string, ScopeFacts>) => new Map([...scopes].map(([key, scope]) => [key, measure(scope)]));
  return {
    now: source.now,
    window,
    settings,
    bounds,
    platform: measure(facts.platform),
    services: byKey(facts.services),
    owners: byKey(facts.owners),
  };
}
