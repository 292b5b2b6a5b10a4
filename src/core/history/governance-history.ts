import { join } from 'node:path';
import { ContentStore } from '../content/content-store.ts';
import { buildModel } from '../model/build-model.ts';
import { policyCheckCompiler } from '../policy-checks/policy-check-compiler.ts';
import { type CommitSnapshot, snapshotOf } from './commit-snapshot.ts';
import { commitsTouching, type CommitRef, HistoryUnavailable, oldestCommitTime, openRepository, repositoryPath } from './git-repository.ts';
import { ScratchTree } from './scratch-tree.ts';
import { SnapshotCache } from './snapshot-cache.ts';
import { weekSlots } from './week-slots.ts';
import { contentFolder, contentSlug } from '../content/content-folder.ts';

export interface HistoryOptions {
  /** Project root. */
  readonly root: string;
  /** Content folder relative to the root. Defaults to `content`. */
  readonly contentDir?: string;
  /** The build's instant; the series ends with its week (or the newest commit's, when later). */
  readonly now: Date;
  /** How many weeks to go back, the current one included. */
  readonly weeks: number;
  /** Where snapshots are kept between runs; defaults to historyCacheDir(root, contentDir). */
  readonly cacheDir?: string;
  /** Told when the cache cannot be written; that never stops the history. */
  readonly warn?: (message: string) => void;
}

/** One week of the series: the content as it was at the week's last commit, as checked. */
export interface HistoryWeek {
  /** Monday 00:00 UTC. */
  readonly start: Date;
  /** The next Monday 00:00 UTC. */
  readonly end: Date;
  /** Undefined for weeks before the content's first commit. */
  readonly snapshot: CommitSnapshot | undefined;
}

export type GovernanceHistory =
  | { readonly available: false; readonly reason: string }
  | {
      readonly available: true;
      readonly weeks: readonly HistoryWeek[];
      /** Commits checked by this run, and commits whose snapshot came from the cache. */
      readonly checked: number;
      readonly reused: number;
    };

/** Where a project keeps the snapshots of one content folder's history. */
export function historyCacheDir(root: string, contentDir?: string): string {
  return join(root, '.cache', 'multiplane', 'history', contentSlug(root, contentDir));
}

/**
 * Governance over time, from the repository's history: for each of the last `weeks` weeks, the
 * content folder as it was at the week's last commit on HEAD's first-parent line, checked by
 * today's rules against the commit's own time and settings (its governance.yaml). Each commit is
 * checked once: snapshots are cached by commit hash, so a later run checks only new commits.
 *
 * The content is read from git objects into a scratch folder, never by checking anything out.
 * No repository, a shallow clone whose history does not reach back far enough, or no commit of
 * the content folder give `available: false` with a reason a reader can act on; this never throws.
 */
export async function governanceHistory(options: HistoryOptions): Promise<GovernanceHistory> {
  const contentDir = contentFolder(options.root, options.contentDir);
  let scratch: ScratchTree | undefined;
  try {
    const repository = openRepository(options.root);
    const content = repositoryPath(repository, options.root, contentDir);
    if (content === undefined) return { available: false, reason: `${contentDir}/ is outside the git repository.` };
    const commits = commitsTouching(repository, [content]);
    if (commits.length === 0) return { available: false, reason: `no commit has recorded ${contentDir}/ yet.` };
    // A build pinned to an earlier instant (SOURCE_DATE_EPOCH) still shows the content it builds.
    const anchor = new Date(Math.max(options.now.getTime(), commits[0]!.time));
    const slots = weekSlots(anchor, options.weeks);
    if (repository.shallow) {
      const oldest = oldestCommitTime(repository);
      if (oldest === undefined || oldest >= slots[0]!.end.getTime()) {
        return {
          available: false,
          reason: `the repository is a shallow clone whose history does not reach back ${options.weeks} weeks; clone it with its history (actions/checkout: fetch-depth: 0).`,
        };
      }
    }
    const chosen = slots.map((slot) => ({ ...slot, commit: lastBefore(commits, slot.end.getTime()) }));

    const cache = new SnapshotCache(options.cacheDir ?? historyCacheDir(options.root, contentDir), undefined, options.warn);
    const snapshots = new Map<string, CommitSnapshot>();
    const missing: CommitRef[] = [];
    for (const { commit } of chosen) {
      if (!commit || snapshots.has(commit.hash) || missing.includes(commit)) continue;
      const cached = cache.get(commit.hash);
      if (cached) snapshots.set(commit.hash, cached);
      else missing.push(commit);
    }
    if (missing.length > 0) {
      const publicFolder = repositoryPath(repository, options.root, 'public');
      scratch = new ScratchTree(repository, [
        { from: content, to: contentDir },
        // Pictures in public/ are files an entry may show (`/images/flow.png`): checked as they were too.
        ...(publicFolder !== undefined ? [{ from: publicFolder, to: 'public' }] : []),
      ]);
      const store = new ContentStore({ root: scratch.root, contentDir });
      // Oldest first: each commit then differs from the one before by a week's changes, and the
      // store parses only the files that changed.
      for (const commit of [...missing].sort((a, b) => a.time - b.time)) {
        scratch.moveTo(commit.hash);
        const loaded = await store.loadAsync({ warn: () => {} });
        const snapshot = snapshotOf(buildModel(loaded, new Date(commit.time), await policyCheckCompiler(loaded.entries)), commit);
        snapshots.set(commit.hash, snapshot);
        cache.set(snapshot);
      }
    }
    cache.prune(new Set(snapshots.keys()));
    return {
      available: true,
      weeks: chosen.map(({ start, end, commit }) => ({ start, end, snapshot: commit ? snapshots.get(commit.hash) : undefined })),
      checked: missing.length,
      reused: snapshots.size - missing.length,
    };
  } catch (error) {
    if (error instanceof HistoryUnavailable) return { available: false, reason: error.message };
    return { available: false, reason: `the history could not be read (${(error as Error).message}).` };
  } finally {
    scratch?.remove();
  }
}

/** The newest commit (in first-parent order) made before `end`, the one HEAD pointed to then. */
function lastBefore(commits: readonly CommitRef[], end: number): CommitRef | undefined {
  return commits.find((commit) => commit.time < end);
}
