import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlatformModel } from '../core/model/build-model.ts';
import { contentSlug } from '../core/content/content-folder.ts';
import { toPortableModel } from '../core/model/portable-model.ts';
import { readMarks } from '../integration/timings.ts';
import { writeBuildPlan } from './build-plan.ts';
import { acquireLock } from './build-lock.ts';
import { trackChild, watchParentArgs } from './child-processes.ts';
import { sideFileFor } from './output-swap.ts';
import { mergedIndexes, type SearchLayout } from './search-shards.ts';

export interface SiteStepOptions {
  readonly root: string;
  /** Where the finished site goes (the build's staging folder). */
  readonly outDir: string;
  readonly now: Date;
  readonly edition: 'internal' | 'public';
  readonly contentDir: string | undefined;
  /** The checked model the site renders from. */
  readonly model: PlatformModel;
  /** How the search index is split; the search box is built to load every index. */
  readonly search: SearchLayout;
  readonly env: NodeJS.ProcessEnv;
  /** Told when another build of the same content and edition is running and this one waits. */
  readonly log?: (line: string) => void;
}

/**
 * Where Astro builds a content folder's edition and keeps its cache (the content store, the
 * pages of the last build for incremental builds), and where the search index is kept. All are
 * fixed per content folder and edition: Astro's incremental build reuses a page only when the
 * code of its route is unchanged, and that code names the folder it is built into.
 */
export function siteWorkFolders(root: string, contentDir: string, edition: string): { work: string; cache: string; keptPages: string; search: string; lock: string } {
  // Named by the folder itself, not by how it was spelled, so a new spelling is not a full build.
  const slug = `${contentSlug(root, contentDir)}-${edition}`;
  const cache = join(root, '.cache', 'multiplane', 'astro', slug);
  return {
    work: join(root, '.cache', 'multiplane', 'site', slug),
    cache,
    // Where Astro's incremental build keeps a copy of each page it rendered, to copy it next time.
    keptPages: join(cache, 'dist'),
    search: join(root, '.cache', 'multiplane', 'search', slug),
    lock: join(root, '.cache', 'multiplane', 'site', `${slug}.lock`),
  };
}

const ASTRO_PROCESS = fileURLToPath(new URL('./astro-process-main.ts', import.meta.url));

/**
 * Builds the Astro site into `outDir` in a child process, and returns the times of its parts.
 *
 * A child process, because the site build holds a couple of gigabytes at 10,000 entries and the
 * search index (built next, by `searchStep`) takes as much again: run one after the other in
 * separate processes, they never add up. The child gets one build plan (src/build/build-plan.ts)
 * with the checked model, so it neither reads nor checks the content again, and leaves the search
 * index to the next step.
 */
export async function siteStep(options: SiteStepOptions): Promise<Record<string, number>> {
  const marks = sideFileFor(options.outDir, 'marks');
  const planFile = sideFileFor(options.outDir, 'plan');
  const folders = siteWorkFolders(options.root, options.contentDir ?? 'content', options.edition);
  mkdirSync(dirname(folders.lock), { recursive: true });
  mkdirSync(dirname(planFile), { recursive: true });
  const release = await acquireLock(folders.lock, (holder) => options.log?.(`Waiting for another build of this content and edition (process ${holder}) to finish...\n`));
  rmSync(marks, { force: true });
  writeBuildPlan(planFile, {
    root: options.root,
    outDir: folders.work,
    cacheDir: folders.cache,
    contentDir: options.contentDir ?? 'content',
    edition: options.edition,
    now: options.now,
    marksFile: marks,
    mergedSearchIndexes: mergedIndexes(options.search),
    model: toPortableModel(options.model),
  });
  const started = Date.now();
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      // Tracked and watching its parent, so that neither a stopped nor a killed build leaves Astro
      // running (child-processes.ts); in the build's process group, so a Ctrl-C reaches it too.
      const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', ...watchParentArgs(), ASTRO_PROCESS, planFile], {
        cwd: options.root,
        detached: false,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...options.env,
          ASTRO_TELEMETRY_DISABLED: options.env.ASTRO_TELEMETRY_DISABLED ?? '1',
          // A NODE_ENV left over from a shell or a test runner (development, test) would make Vite
          // build in that mode, and Starlight leaves search out of the pages; a published site is production.
          NODE_ENV: 'production',
        },
      });
      trackChild(child);
      child.on('error', reject);
      child.on('close', resolve);
    });
    const recorded = existsSync(marks) ? readMarks(readFileSync(marks, 'utf8')) : {};
    if (status !== 0) throw new Error(`Astro's build exited with status ${status} (its messages are above).`);
    moveFolder(folders.work, options.outDir);
    return siteBreakdown(started, recorded);
  } finally {
    rmSync(marks, { force: true });
    rmSync(planFile, { force: true });
    release();
  }
}

/** Moves a folder, by a rename when it can, else (another file system) by a copy. */
function moveFolder(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Splits the site build at the marks the integration recorded: content sync (loading and
 * rendering entries) until the build starts, then page generation until every page is written.
 */
export function siteBreakdown(started: number, marks: Record<string, number>): Record<string, number> {
  const span = (from: number | undefined, to: number | undefined) => (from !== undefined && to !== undefined ? Math.round(to - from) : undefined);
  const parts = {
    contentSync: span(marks.config ?? started, marks['build-start']),
    rendering: span(marks['build-start'], marks.generated),
  };
  return Object.fromEntries(Object.entries(parts).filter((entry): entry is [string, number] => entry[1] !== undefined));
}
