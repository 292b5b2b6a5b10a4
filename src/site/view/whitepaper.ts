import type { Entry } from '../../core/content/entry.ts';
import type { CheckReport } from '../../core/check/run-check.ts';
import { formatDate } from '../../core/text/dates.ts';
import { countByLevel, describeUnrated, scoresByOwner } from '../../core/governance/scorecard.ts';
import { allPolicyChecks, describeCompliance, idleReason } from './policy-compliance.ts';
import { collectionsOfPlane, PLANE_DEFINITIONS } from '../../core/planes.ts';
import { COLLECTIONS, type EntryCollectionName, type Plane } from '../../core/schemas/index.ts';
import type { CollectionDescriptor } from '../../core/collections/descriptor.ts';
import { textOf } from '../../core/collections/field-value.ts';
import { viewContext } from './view-context.ts';

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

// Dates in the site's one format (src/core/text/dates.ts).
const day = formatDate;

/** The chapters of the whitepaper, in order. */
export function whitepaperChapters(report: CheckReport): Entry<'whitepaper'>[] {
  return [...report.graph.collection('whitepaper')].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/**
 * The inventory appendix, one section per plane, generated from the live content: each of the
 * plane's collections as its index shows it (the collection's descriptor decides the columns),
 * rows by title, or newest first for collections of events. Deployments, which accumulate, are
 * cut to the most recent.
 */
export function planeInventories(report: CheckReport, options: { recentDeployments?: number } = {}): PlaneInventory[] {
  const limit = options.recentDeployments ?? 25;
  const context = viewContext(report);
  return PLANE_DEFINITIONS.map((plane) => ({
    plane: plane.id,
    label: plane.label,
    summary: plane.summary,
    tables: collectionsOfPlane(plane.id)
      .filter((name): name is EntryCollectionName => name !== 'platform' && name !== 'whitepaper')
      .map((name): AppendixTable => {
        const entries = [...report.graph.collection(name)] as Entry[];
        const descriptor = COLLECTIONS[name] as unknown as CollectionDescriptor;
        const recent = descriptor.date?.recent ?? false;
        entries.sort((a, b) =>
          recent ? (descriptor.date!.of(b)?.getTime() ?? 0) - (descriptor.date!.of(a)?.getTime() ?? 0) : a.title.localeCompare(b.title),
        );
        const cut = name === 'deployments' && entries.length > limit;
        const shown = cut ? entries.slice(0, limit) : entries;
        return {
          caption: cut ? `${descriptor.label}: the latest ${limit} of ${entries.length}` : descriptor.label,
          columns: [descriptor.singular, ...descriptor.index.columns.map((column) => column.label)],
          rows: shown.map((entry) => [entry.title, ...descriptor.index.columns.map((column) => textOf(column.value(entry, context), report.graph))]),
          ...(cut ? { omitted: entries.length - limit } : {}),
        };
      }),
  }));
}

/** The governance summary appendix: levels, levels per owner, the policies' own checks, completeness and open loops. */
export function governanceSummary(report: CheckReport): {
  levels: AppendixTable;
  owners: AppendixTable;
  policyChecks: AppendixTable;
  completeness: AppendixTable;
  openLoops: AppendixTable;
} {
  const { graph, content } = report;
  const names = content.governance.scorecard.levels.map((level) => level.name);
  const levelRow = (counts: readonly { level: string | undefined; count: number }[]) => [...names.map((name) => String(counts.find((count) => count.level === name)?.count ?? 0)), String(counts[0]?.count ?? 0)];
  return {
    levels: {
      // Services of a lifecycle that earns no level (experimental, deprecated) are named, not counted as "no level".
      caption: `Services per scorecard level${describeUnrated(report.scores) ? ` (not rated: ${describeUnrated(report.scores)})` : ''}`,
      columns: [...names, 'No level'],
      rows: [levelRow(countByLevel(report.scores, content.governance))],
    },
    policyChecks: {
      caption: 'Checks the policies carry, and what they found',
      columns: ['Policy', 'Check', 'Requires', 'Severity', 'Result'],
      rows: allPolicyChecks(report).flatMap(({ policy, checks }) =>
        checks.map((check) => [
          policy.title,
          check.name,
          check.message,
          check.severity,
          check.state === 'run' ? check.results.map(describeCompliance).join('; ') : check.state === 'invalid' ? 'Does not compile' : `Not run: ${idleReason(policy, report.now)}`,
        ]),
      ),
    },
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

/**
 * The chapters before and after one, in the whitepaper's order: the previous and next links of a
 * chapter's page. None at either end.
 */
export function chapterNeighbours(report: CheckReport, key: string): { previous: Entry<'whitepaper'> | undefined; next: Entry<'whitepaper'> | undefined } {
  const chapters = whitepaperChapters(report);
  const index = chapters.findIndex((chapter) => chapter.key === key);
  return { previous: index > 0 ? chapters[index - 1] : undefined, next: index >= 0 ? chapters[index + 1] : undefined };
}

/**
 * Whether a chapter is front matter: a chapter of order 0 (an abstract) is printed before the
 * contents, without a number; the others are numbered from 1 in order.
 */
export function isFrontMatter(chapter: Entry<'whitepaper'>): boolean {
  return chapter.data.order === 0;
}
