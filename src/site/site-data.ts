import type { AnyEntry } from '../core/content/entry.ts';
import type { EditionReport } from '../core/editions/edition-view.ts';
import type { Finding } from '../core/findings/finding.ts';
import type { ServiceScore } from '../core/governance/scorecard.ts';
import { COLLECTIONS } from '../core/schemas/index.ts';
import type { DiagramNode } from './diagrams/neighbourhood.ts';
import { lastCommitDates } from './git-dates.ts';
import { commitDatesAhead } from './handed-ahead.ts';
import { getReport } from './report.ts';
import { entryHref } from './routes.ts';
import { siteState } from './site-state.ts';

export interface SiteData {
  readonly findingsByEntry: ReadonlyMap<string, readonly Finding[]>;
  readonly scoreByKey: ReadonlyMap<string, ServiceScore>;
  readonly lastUpdated: ReadonlyMap<string, Date>;
}

// Keyed by the report, so a model republished by the dev server gets fresh indexes and a build,
// which publishes one report, computes them once for all its pages.
const cache = new WeakMap<EditionReport, SiteData>();

/**
 * Indexes every page needs, built once per report so that each of thousands of pages looks its
 * entry up instead of scanning every finding or score.
 */
export function getSiteData(): SiteData {
  const { context } = siteState();
  return siteDataOf(getReport(), context.root, context.contentDir, commitDatesAhead());
}

/**
 * The indexes of `getSiteData` for a report outside the site's pages: `npm run build` keys the
 * entry pages in its own process (src/site/handed-ahead.ts) from the report it checked, with
 * the commit dates of the same content folder, relative to `root`: `lastUpdated` when they are
 * known already, else from git.
 */
export function siteDataOf(report: EditionReport, root: string, contentDir: string, lastUpdated?: ReadonlyMap<string, Date>): SiteData {
  const cached = cache.get(report);
  if (cached) return cached;
  const findingsByEntry = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    if (!finding.entry) continue;
    const list = findingsByEntry.get(finding.entry) ?? [];
    list.push(finding);
    findingsByEntry.set(finding.entry, list);
  }
  const data: SiteData = {
    findingsByEntry,
    scoreByKey: new Map(report.scores.map((score) => [score.key, score])),
    lastUpdated: lastUpdated ?? lastCommitDates(root, contentDir),
  };
  cache.set(report, data);
  return data;
}

/** The diagram node of an entry: its title, link, plane and kind. */
export function diagramNode(entry: AnyEntry): DiagramNode {
  const definition = COLLECTIONS[entry.collection];
  return { key: entry.key, title: entry.title, href: entryHref(entry.key), plane: definition.plane, kind: definition.singular };
}

/** The "edit this page" address of a content file, when the platform names its repository. */
export function editUrl(file: string): string | undefined {
  const platform = getReport().graph.platform?.data;
  if (!platform?.repository) return undefined;
  const repository = platform.repository.replace(/\/$/, '');
  // GitHub and GitLab share the /edit/<branch>/<path> form.
  return `${repository}/edit/${platform.editBranch}/${file}`;
}
