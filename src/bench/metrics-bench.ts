import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../core/check/run-check.ts';
import { editionReport } from '../core/editions/edition-view.ts';
import { governanceHistory } from '../core/history/governance-history.ts';
import { deliveryMetrics } from '../core/metrics/delivery-metrics.ts';
import { chartGeometry, chartTable } from '../site/charts/chart-geometry.ts';
import { chartSvg, chartTableHtml } from '../site/charts/chart-markup.ts';
import { historyCharts, editionFilter } from '../site/view/metrics-history.ts';
import { buildMetricsJson } from '../site/view/metrics-json.ts';
import { metricTiles, siteMetrics, trendCharts } from '../site/view/metrics.ts';
import { summarizeSnapshot } from '../core/history/commit-snapshot.ts';
import { writeSyntheticHistory } from './synthetic-history.ts';
import { writeSyntheticPlatform } from './synthetic-platform.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export interface MetricsBench {
  readonly entries: number;
  readonly services: number;
  readonly owners: number;
  /** Median of the runs: the four metrics for the platform, every service and owner, window and months. */
  readonly metricsMs: number;
  /** The markup of every page that shows metrics: tiles, four charts and their table per service and owner. */
  readonly markupMs: number;
  readonly charts: number;
  /** metrics.json, serialized (the metrics already computed). */
  readonly jsonMs: number;
  readonly jsonBytes: number;
}

/**
 * What the metrics add to a build of a synthetic platform: computing them, writing the charts and
 * tables of every page that shows them, and metrics.json. The few template elements around them
 * (the section, the tiles' list, the figure) are rendered by Astro with the page and not included.
 */
export function benchMetrics(root: string, entries: number, runs = 5): MetricsBench {
  const work = join(root, 'tmp', 'bench', `metrics-${entries}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeSyntheticPlatform({ entries, out: work });
  const report = editionReport(runCheck({ root: work, now: NOW }), { edition: 'internal', includeDrafts: false });
  const metricsRuns: number[] = [];
  const markupRuns: number[] = [];
  const jsonRuns: number[] = [];
  let charts = 0;
  let jsonBytes = 0;
  let result = deliveryMetrics(report);
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    result = deliveryMetrics(report);
    metricsRuns.push(performance.now() - started);

    started = performance.now();
    charts = 0;
    for (const [key, scope] of [...result.services, ...result.owners]) {
      const specs = trendCharts(scope, `bench-${key}`, key);
      for (const spec of specs) {
        chartSvg(spec);
        charts++;
      }
      const tables = specs.map(chartTable);
      chartTableHtml({ columns: tables.flatMap((table) => table.columns), rows: tables[0]?.rows ?? [] });
      metricTiles(scope.window);
    }
    markupRuns.push(performance.now() - started);

    // The report's metrics are computed once per build (siteMetrics caches them): not timed again.
    siteMetrics(report);
    started = performance.now();
    jsonBytes = JSON.stringify(buildMetricsJson(report, { available: false, reason: 'not measured here' }, (key) => `/${key}/`)).length;
    jsonRuns.push(performance.now() - started);
  }
  rmSync(work, { recursive: true, force: true });
  return {
    entries,
    services: result.services.size,
    owners: result.owners.size,
    metricsMs: Math.round(median(metricsRuns)),
    markupMs: Math.round(median(markupRuns)),
    charts,
    jsonMs: Math.round(median(jsonRuns)),
    jsonBytes,
  };
}

export interface HistoryBench {
  readonly entries: number;
  readonly weeks: number;
  /** Writing the synthetic repository (not part of the history). */
  readonly generateMs: number;
  /** No cache: every week's commit checked. */
  readonly coldMs: number;
  readonly checked: number;
  /** Cache from the cold run, no new commit. */
  readonly warmMs: number;
  /** One new commit on top: only it is checked. */
  readonly newCommitMs: number;
  /** Summing and charting the weeks for an edition, as the dashboard does. */
  readonly chartsMs: number;
}

/**
 * Governance history over a synthetic repository of `weeks` weekly commits growing to `entries`
 * entries: cold (no cache), warm (nothing new) and with one new commit.
 */
export async function benchHistory(root: string, entries: number, weeks: number): Promise<HistoryBench> {
  const work = join(root, 'tmp', 'bench', `history-${entries}`);
  const repo = join(work, 'repo');
  const cacheDir = join(work, 'cache');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  let started = performance.now();
  writeSyntheticHistory({ entries, weeks, out: repo, end: new Date('2026-11-25T12:00:00Z') });
  const generateMs = performance.now() - started;

  const options = { root: repo, now: NOW, weeks, cacheDir };
  started = performance.now();
  const cold = await governanceHistory(options);
  const coldMs = performance.now() - started;
  if (!cold.available) throw new Error(`history unavailable: ${cold.reason}`);

  started = performance.now();
  const warm = await governanceHistory(options);
  const warmMs = performance.now() - started;
  if (!warm.available || warm.checked !== 0) throw new Error('the warm run checked commits again');

  const report = editionReport(runCheck({ root: repo, now: NOW }), { edition: 'internal', includeDrafts: false });
  started = performance.now();
  const filter = editionFilter(report);
  const levels = report.content.governance.scorecard.levels.map((level) => level.name);
  const weeksShown = warm.weeks.map((week) =>
    week.snapshot ? { start: week.start, commit: { hash: week.snapshot.commit, time: new Date(week.snapshot.time) }, summary: summarizeSnapshot(week.snapshot, filter) } : { start: week.start },
  );
  const trend = { available: true as const, levels, weeks: weeksShown };
  for (const spec of historyCharts(trend, 'bench')) chartGeometry(spec);
  const chartsMs = performance.now() - started;

  writeFileSync(join(repo, 'content', 'services', 'bench-new.md'), '---\ntitle: New\nowner: team-1\ntier: 3\nlifecycle: experimental\noperations:\n  monitoring: https://example.com\n  alerting: pages\n  onCall: team-1\n  dataClassification: none\n---\n\nNew.\n');
  spawnSync('git', ['add', '-A'], { cwd: repo });
  spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'new service'], {
    cwd: repo,
    env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-25T18:00:00Z', GIT_COMMITTER_DATE: '2026-11-25T18:00:00Z' },
  });
  started = performance.now();
  const later = await governanceHistory(options);
  const newCommitMs = performance.now() - started;
  if (!later.available || later.checked !== 1) throw new Error(`a new commit should be checked alone, ${later.available ? later.checked : 0} were`);
  rmSync(work, { recursive: true, force: true });
  return { entries, weeks, generateMs: Math.round(generateMs), coldMs: Math.round(coldMs), checked: cold.checked, warmMs: Math.round(warmMs), newCommitMs: Math.round(newCommitMs), chartsMs: Math.round(chartsMs) };
}
