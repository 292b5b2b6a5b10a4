import { visibilityOf } from '../editions/edition-view.ts';
import type { PlatformModel } from '../model/build-model.ts';
import { COLLECTIONS, type CollectionName, type Plane } from '../schemas/index.ts';
import { PLANE_DEFINITIONS } from '../planes.ts';

/** Bumped whenever what a snapshot records changes, so snapshots cached before are made again. */
export const SNAPSHOT_FORMAT = 1;

/** Flags of a snapshot entry. */
export const PUBLIC = 1;
export const DRAFT = 2;
export const OPEN_LOOP = 4;

/**
 * One entry as checked at a commit: its key, flags (PUBLIC, DRAFT, OPEN_LOOP), its error and
 * warning counts, and for a service the index of its scorecard level (-1 for none; -2 for entries
 * that are not services). A tuple, since a 3,000-entry snapshot is kept for every week.
 */
export type SnapshotEntry = readonly [key: string, flags: number, errors: number, warnings: number, level: number];

/**
 * What the check said about the content at one commit, per entry, so that each edition can sum
 * only the entries it publishes. Findings about no entry (a stray file, the settings) or about a
 * file that did not load are kept as totals, which only the internal edition shows.
 */
export interface CommitSnapshot {
  readonly format: number;
  readonly commit: string;
  /** The commit's time, ISO 8601: the instant its content was checked against. */
  readonly time: string;
  /** Scorecard level names at that commit, lowest first. */
  readonly levels: readonly string[];
  readonly entries: readonly SnapshotEntry[];
  readonly unattributed: { readonly errors: number; readonly warnings: number };
}

/** Records a checked model as a snapshot of `commit`. */
export function snapshotOf(model: PlatformModel, commit: { hash: string; time: number }): CommitSnapshot {
  const counts = new Map<string, { errors: number; warnings: number }>();
  const unattributed = { errors: 0, warnings: 0 };
  for (const finding of model.findings) {
    if (finding.severity === 'notice') continue;
    let target = unattributed;
    if (finding.entry !== undefined && model.graph.get(finding.entry)) {
      target = counts.get(finding.entry) ?? { errors: 0, warnings: 0 };
      counts.set(finding.entry, target);
    }
    if (finding.severity === 'error') target.errors++;
    else target.warnings++;
  }
  const levels = model.content.governance.scorecard.levels.map((level) => level.name);
  const levelOf = new Map(model.scores.map((score) => [score.key, score.level === undefined ? -1 : levels.indexOf(score.level)]));
  const open = new Set(model.openLoops.map((entry) => entry.key));
  const defaultVisibility = model.graph.platform?.data.defaultVisibility ?? 'internal';
  const entries: SnapshotEntry[] = [];
  for (const entry of model.graph.entries.values()) {
    const own = counts.get(entry.key);
    const draft = entry.collection !== 'platform' && entry.data.draft === true;
    const flags = (visibilityOf(entry, defaultVisibility) === 'public' ? PUBLIC : 0) | (draft ? DRAFT : 0) | (open.has(entry.key) ? OPEN_LOOP : 0);
    entries.push([entry.key, flags, own?.errors ?? 0, own?.warnings ?? 0, levelOf.get(entry.key) ?? -2]);
  }
  return { format: SNAPSHOT_FORMAT, commit: commit.hash, time: new Date(commit.time).toISOString(), levels, entries, unattributed };
}

/** Governance of one week, summed over the entries an edition publishes. */
export interface GovernanceSummary {
  readonly errors: number;
  readonly warnings: number;
  /** Services per scorecard level name; `null` counts those without a level. */
  readonly levels: ReadonlyMap<string | null, number>;
  readonly completeness: readonly { readonly plane: Plane; readonly entries: number; readonly complete: number; readonly ratio: number }[];
  readonly openLoops: number;
  readonly entries: number;
}

export interface SummaryFilter {
  /** True for the entries to count (see the edition's rules). */
  include(key: string, flags: number): boolean;
  /** Whether findings about no published entry count (the internal edition's totals). */
  readonly unattributed: boolean;
}

/**
 * Sums a snapshot the way an edition's dashboard does: errors and warnings, services per level,
 * per plane the share of entries without a finding, and open loops, over the included entries.
 */
export function summarizeSnapshot(snapshot: CommitSnapshot, filter: SummaryFilter): GovernanceSummary {
  let errors = filter.unattributed ? snapshot.unattributed.errors : 0;
  let warnings = filter.unattributed ? snapshot.unattributed.warnings : 0;
  let openLoops = 0;
  let included = 0;
  const levels = new Map<string | null, number>([[null, 0], ...snapshot.levels.map((name) => [name, 0] as const)]);
  const planes = new Map<Plane, { entries: number; complete: number }>(PLANE_DEFINITIONS.map((plane) => [plane.id, { entries: 0, complete: 0 }]));
  for (const [key, flags, entryErrors, entryWarnings, level] of snapshot.entries) {
    if (!filter.include(key, flags)) continue;
    included++;
    errors += entryErrors;
    warnings += entryWarnings;
    if (flags & OPEN_LOOP) openLoops++;
    if (level >= -1) {
      const name = level >= 0 ? (snapshot.levels[level] ?? null) : null;
      levels.set(name, (levels.get(name) ?? 0) + 1);
    }
    const collection = key.slice(0, key.indexOf('/')) as CollectionName;
    const plane = planes.get(COLLECTIONS[collection]?.plane);
    if (plane) {
      plane.entries++;
      if (entryErrors === 0 && entryWarnings === 0) plane.complete++;
    }
  }
  return {
    errors,
    warnings,
    levels,
    completeness: [...planes].map(([plane, counts]) => ({ plane, ...counts, ratio: counts.entries ? counts.complete / counts.entries : 1 })),
    openLoops,
    entries: included,
  };
}
