import type { EditionReport } from '../../core/editions/edition-view.ts';
import { DRAFT, type GovernanceSummary, PUBLIC, summarizeSnapshot, type SummaryFilter } from '../../core/history/commit-snapshot.ts';
import { governanceHistory } from '../../core/history/governance-history.ts';
import { PLANE_DEFINITIONS } from '../../core/planes.ts';
import type { ChartSpec } from '../charts/chart-geometry.ts';
import { siteState } from '../site-state.ts';
import { formatDate } from './metrics.ts';

/** One week of the trend as an edition shows it. */
export interface TrendWeek {
  readonly start: Date;
  /** The commit whose content the week shows, and when it was made; absent before the first commit. */
  readonly commit?: { readonly hash: string; readonly time: Date };
  readonly summary?: GovernanceSummary;
}

export type GovernanceTrend =
  | { readonly available: false; readonly reason: string }
  | {
      readonly available: true;
      readonly weeks: readonly TrendWeek[];
      /** Level names in the order the series stack: today's levels, then any older ones. */
      readonly levels: readonly string[];
    };

const cache = new WeakMap<EditionReport, Promise<GovernanceTrend>>();

/**
 * The governance trend of the site being rendered, from its git history, computed once per report
 * (every page of a build shares it; the dev server's next model gets a fresh one, which reads
 * the snapshot cache and checks only new commits).
 */
export function governanceTrend(report: EditionReport): Promise<GovernanceTrend> {
  let trend = cache.get(report);
  if (!trend) {
    const { context } = siteState();
    trend = governanceHistory({ root: context.root, contentDir: context.contentDir, now: report.now, weeks: report.content.governance.history.weeks }).then(
      (history) => (history.available ? editionTrend(history.weeks, report) : history),
    );
    cache.set(report, trend);
  }
  return trend;
}

/**
 * What an edition may show of each week. The internal edition counts every entry but drafts, and
 * findings about no entry. The public edition counts an entry only if it was public at that commit
 * and is published now: an entry made internal since, or deleted, would otherwise show as a
 * difference between two weeks.
 */
export function editionFilter(report: EditionReport): SummaryFilter {
  if (report.edition === 'internal') return { include: (_, flags) => !(flags & DRAFT), unattributed: true };
  return { include: (key, flags) => (flags & PUBLIC) !== 0 && !(flags & DRAFT) && report.graph.get(key) !== undefined, unattributed: false };
}

function editionTrend(weeks: readonly { start: Date; snapshot: Parameters<typeof summarizeSnapshot>[0] | undefined }[], report: EditionReport): GovernanceTrend {
  const filter = editionFilter(report);
  const current = report.content.governance.scorecard.levels.map((level) => level.name);
  const levels = [...new Set([...current, ...weeks.flatMap((week) => week.snapshot?.levels ?? [])])];
  return {
    available: true,
    levels,
    weeks: weeks.map(({ start, snapshot }) =>
      snapshot ? { start, commit: { hash: snapshot.commit, time: new Date(snapshot.time) }, summary: summarizeSnapshot(snapshot, filter) } : { start },
    ),
  };
}

/** The trend as charts: errors and warnings, services per level, completeness per plane, open loops. */
export function historyCharts(trend: Extract<GovernanceTrend, { available: true }>, idPrefix: string, size: { width: number; height: number } = { width: 640, height: 220 }): ChartSpec[] {
  const { weeks } = trend;
  const categories = weeks.map((week) => `${week.start.getUTCDate()} ${formatDate(week.start).split(' ')[1]}`);
  const categoryNames = weeks.map((week) => `Week of ${formatDate(week.start)}${week.commit ? ` (${week.commit.hash.slice(0, 7)})` : ''}`);
  const values = (pick: (summary: GovernanceSummary) => number) => weeks.map((week) => (week.summary ? pick(week.summary) : null));
  const withData = weeks.filter((week) => week.summary);
  const span = `the ${weeks.length} weeks from ${formatDate(weeks[0]!.start)}`;
  const note = withData.length === weeks.length ? '' : ` ${weeks.length - withData.length} earlier weeks precede the content's first commit and have no data.`;
  const latest = withData.at(-1)?.summary;
  const common = { categories, categoryNames, categoryHeading: 'Week', omitLeadingGaps: true, ...size };
  const planeLabel = (id: string) => PLANE_DEFINITIONS.find((plane) => plane.id === id)?.label ?? id;
  const levelTones = ['2', '3', '1', '4', '5', '6'];
  // Findings, services and open loops are counted: whole numbers on the axis and in the table.
  const counted = { integer: true, format: (value: number) => String(Math.round(value)) };
  return [
    {
      ...common,
      id: `${idPrefix}-findings`,
      title: 'Errors and warnings per week',
      description: `Governance errors and warnings at the last commit of each of ${span}.${note}${latest ? ` The latest week has ${latest.errors} errors and ${latest.warnings} warnings.` : ''}`,
      series: [
        { label: 'Errors', values: values((summary) => summary.errors), tone: '2' },
        { label: 'Warnings', values: values((summary) => summary.warnings), tone: '5' },
      ],
      kind: 'line',
      unit: 'findings',
      ...counted,
    },
    {
      ...common,
      id: `${idPrefix}-levels`,
      title: 'Services per scorecard level',
      description: `Services at each scorecard level, stacked, for each of ${span}.${note}${
        latest ? ` The latest week: ${[...latest.levels].map(([level, count]) => `${count} ${level ?? 'without a level'}`).join(', ')}.` : ''
      }`,
      series: [
        { label: 'Without a level', values: values((summary) => summary.levels.get(null) ?? 0), tone: 'muted' },
        ...trend.levels.map((level, index) => ({ label: level, values: values((summary) => summary.levels.get(level) ?? 0), tone: levelTones[index % levelTones.length]! })),
      ],
      kind: 'stack',
      unit: 'services',
      ...counted,
    },
    {
      ...common,
      id: `${idPrefix}-completeness`,
      title: 'Completeness per plane',
      description: `Share of each plane's entries without a finding, for each of ${span}.${note}${
        latest ? ` The latest week: ${latest.completeness.map((plane) => `${planeLabel(plane.plane)} ${Math.round(plane.ratio * 100)} %`).join(', ')}.` : ''
      }`,
      series: PLANE_DEFINITIONS.map((plane) => ({
        label: plane.label,
        values: values((summary) => Math.round((summary.completeness.find((item) => item.plane === plane.id)?.ratio ?? 1) * 1000) / 10),
        tone: plane.id,
      })),
      kind: 'line',
      unit: 'percent of entries',
      max: 100,
      format: (value) => `${Math.round(value)} %`,
    },
    {
      ...common,
      id: `${idPrefix}-loops`,
      title: 'Open loops per week',
      description: `Resolved severe incidents and case studies not yet explained or followed up, for each of ${span}.${note}${latest ? ` The latest week has ${latest.openLoops}.` : ''}`,
      series: [{ label: 'Open loops', values: values((summary) => summary.openLoops), tone: '4' }],
      kind: 'line',
      unit: 'open loops',
      ...counted,
    },
  ];
}
