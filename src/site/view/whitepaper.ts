import type { AnyEntry, Entry } from '../../core/content/entry.ts';
import type { CheckReport } from '../../core/check/run-check.ts';
import { reviewState } from '../../core/governance/review-due.ts';
import { countByLevel, scoresByOwner } from '../../core/governance/scorecard.ts';
import { PLANE_DEFINITIONS } from '../../core/planes.ts';
import type { Plane } from '../../core/schemas/index.ts';
import { formatDuration } from './entry-fields.ts';

/** A table of an appendix: its caption, header and rows of plain text cells. */
export interface AppendixTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Rows left out to keep the document a readable length, if any. */
  readonly omitted?: number;
}

export interface PlaneInventory {
  readonly plane: Plane;
  readonly label: string;
  readonly summary: string;
  readonly tables: readonly AppendixTable[];
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The chapters of the whitepaper, in order. */
export function whitepaperChapters(report: CheckReport): Entry<'whitepaper'>[] {
  return [...report.graph.collection('whitepaper')].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/**
 * The inventory appendix, one section per plane, generated from the live content: what each
 * plane holds, with the facts an auditor asks for first (owner, status, next review, level).
 */
export function planeInventories(report: CheckReport, options: { recentDeployments?: number } = {}): PlaneInventory[] {
  const { graph, now, content } = report;
  const title = (key: string) => graph.get(key)?.title ?? key.split('/').slice(1).join('/');
  const owner = (id: string) => title(`owners/${id}`);
  const level = new Map(report.scores.map((score) => [score.key, score.level ?? 'none']));
  const byTitle = <T extends AnyEntry>(entries: readonly T[]) => [...entries].sort((a, b) => a.title.localeCompare(b.title));
  const limit = options.recentDeployments ?? 25;
  const deployments = [...graph.collection('deployments')].sort((a, b) => b.data.date.getTime() - a.data.date.getTime());

  const tables: Record<Plane, AppendixTable[]> = {
    identity: [
      {
        caption: 'Owners',
        columns: ['Owner', 'Kind', 'Part of', 'Escalation'],
        rows: byTitle(graph.collection('owners')).map((entry) => [
          entry.title,
          entry.data.kind,
          entry.data.parent ? owner(entry.data.parent) : '',
          entry.data.escalation?.route ?? '',
        ]),
      },
    ],
    control: [
      {
        caption: 'Policies',
        columns: ['Policy', 'Status', 'Category', 'Owner', 'Next review'],
        rows: byTitle(graph.collection('policies')).map((entry) => {
          const review = reviewState(entry.data.review, now, content.governance.policyReview.errorAfterCadences);
          return [entry.title, entry.data.status, entry.data.category, owner(entry.data.owner), `${day(review.due)}${entry.data.status === 'active' && review.overdue ? ' (overdue)' : ''}`];
        }),
      },
    ],
    knowledge: [
      {
        caption: 'Runbooks, procedures, standards and architecture records',
        columns: ['Document', 'Kind', 'Owner', 'Last review'],
        rows: byTitle(graph.collection('runbooks')).map((entry) => [entry.title, entry.data.kind, owner(entry.data.owner), day(entry.data.review.last)]),
      },
    ],
    execution: [
      {
        caption: 'Services',
        columns: ['Service', 'Tier', 'Lifecycle', 'Owner', 'Level'],
        rows: byTitle(graph.collection('services')).map((entry) => [
          entry.title,
          String(entry.data.tier),
          entry.data.lifecycle,
          owner(entry.data.owner),
          level.get(entry.key) ?? 'none',
        ]),
      },
      {
        caption: `Recent deployments (the latest ${Math.min(limit, deployments.length)})`,
        columns: ['Deployment', 'Service', 'Environment', 'Date', 'Outcome'],
        rows: deployments.slice(0, limit).map((entry) => [entry.data.version, title(`services/${entry.data.service}`), entry.data.environment, day(entry.data.date), entry.data.outcome]),
        ...(deployments.length > limit ? { omitted: deployments.length - limit } : {}),
      },
    ],
    operations: [
      {
        caption: 'Incidents',
        columns: ['Incident', 'Severity', 'Status', 'Started', 'Duration'],
        rows: [...graph.collection('incidents')]
          .sort((a, b) => b.data.started.getTime() - a.data.started.getTime())
          .map((entry) => [
            entry.title,
            entry.data.severity,
            entry.data.status,
            day(entry.data.started),
            entry.data.resolved ? formatDuration(entry.data.resolved.getTime() - entry.data.started.getTime()) : 'ongoing',
          ]),
      },
    ],
    proof: [
      {
        caption: 'Case studies and their measured outcomes',
        columns: ['Case study', 'Date', 'Outcome', 'Before', 'After'],
        rows: byTitle(graph.collection('case-studies')).flatMap((entry) =>
          (entry.data.outcomes.length ? entry.data.outcomes : [undefined]).map((outcome, index) => [
            index === 0 ? entry.title : '',
            index === 0 ? day(entry.data.date) : '',
            outcome?.name ?? 'no measured outcome',
            outcome ? `${outcome.before} ${outcome.unit}` : '',
            outcome ? `${outcome.after} ${outcome.unit}` : '',
          ]),
        ),
      },
    ],
    narrative: [
      {
        caption: 'Articles',
        columns: ['Article', 'Author', 'Published'],
        rows: [...graph.collection('articles')]
          .sort((a, b) => b.data.date.getTime() - a.data.date.getTime())
          .map((entry) => [entry.title, owner(entry.data.author), day(entry.data.date)]),
      },
    ],
  };
  return PLANE_DEFINITIONS.map((plane) => ({ plane: plane.id, label: plane.label, summary: plane.summary, tables: tables[plane.id] }));
}

/** The governance summary appendix: levels, levels per owner, completeness and open loops. */
export function governanceSummary(report: CheckReport): { levels: AppendixTable; owners: AppendixTable; completeness: AppendixTable; openLoops: AppendixTable } {
  const { graph, content } = report;
  const names = content.governance.scorecard.levels.map((level) => level.name);
  const levelRow = (counts: readonly { level: string | undefined; count: number }[]) => [...names.map((name) => String(counts.find((count) => count.level === name)?.count ?? 0)), String(counts[0]?.count ?? 0)];
  return {
    levels: { caption: 'Services per scorecard level', columns: [...names, 'No level'], rows: [levelRow(countByLevel(report.scores, content.governance))] },
    owners: {
      caption: 'Scorecard levels per owner',
      columns: ['Owner', ...names, 'No level'],
      rows: scoresByOwner(graph, report.scores, content.governance).map((owner) => [graph.get(owner.owner)?.title ?? owner.owner, ...levelRow(owner.levels)]),
    },
    completeness: {
      caption: 'Entries meeting every rule, per plane',
      columns: ['Plane', 'Entries', 'Complete', 'Errors', 'Warnings'],
      rows: report.completeness.map((plane) => [
        PLANE_DEFINITIONS.find((definition) => definition.id === plane.plane)?.label ?? plane.plane,
        String(plane.entries),
        `${Math.round(plane.ratio * 100)}%`,
        String(plane.errors),
        String(plane.warnings),
      ]),
    },
    openLoops: {
      caption: 'Open loops: results not yet explained or followed up',
      columns: ['Entry', 'Kind', 'Date'],
      rows: report.openLoops.map((entry) => [
        entry.title,
        entry.collection === 'incidents' ? `${entry.data.severity} incident` : 'case study',
        entry.collection === 'incidents' ? day(entry.data.started) : entry.collection === 'case-studies' ? day(entry.data.date) : '',
      ]),
    },
  };
}
