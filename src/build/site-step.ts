import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlatformModel } from '../core/model/build-model.ts';
import type { LoadedContent } from '../core/content/content-store.ts';
import { contentFolder } from '../core/content/content-folder.ts';
import type { EditionReport } from '../core/editions/edition-view.ts';
import { type HandedAhead, writeHandedAhead } from '../site/handed-ahead.ts';
import { entryContentKeys } from '../site/page-keys.ts';
import { siteDataOf } from '../site/site-data.ts';
import { toPortableEntries, toPortableModel } from '../core/model/portable-model.ts';
import { readMarks } from '../integration/timings.ts';
import { writeBuildEntries, writeBuildPlan } from './build-plan.ts';
import { acquireLock, waitingFor } from './build-lock.ts';
import { forgetChangedCopies, readLedger } from './kept-pages.ts';
import { keptAnyPage } from './astro-links.ts';
import { type AstroProcess, type SiteWorkFolders, startAstroProcess } from './astro-process-start.ts';
import { sideFileFor } from './output-swap.ts';
import { mergedIndexes, type SearchLayout } from './search-shards.ts';

export interface SiteStepOptions {
  readonly root: string;
  /** Where the finished site goes (the build's staging folder). */
  readonly outDir: string;
  /** The content folder's work folders (`siteWorkFolders`), whose lock the caller holds. */
  readonly folders: SiteWorkFolders;
  readonly env: NodeJS.ProcessEnv;
}

/** What the plan of a site build says beside where it is built (`writeSitePlan`). */
export interface SitePlanOptions extends Omit<SiteStepOptions, 'env'> {
  readonly now: Date;
  readonly edition: 'internal' | 'public';
  readonly contentDir: string | undefined;
  /** The checked model the site renders from. */
  readonly model: PlatformModel;
  /** How the search index is split; the search box is built to load every index. */
  readonly search: SearchLayout;
  /** The file the model's entries were handed over in ahead (`writeSiteEntries`): the plan names it and leaves them out. */
  readonly entriesFile?: string | undefined;
}

/**
 * Takes the lock of a content folder's edition, waiting while another build of it holds it, and
 * returns its release. It covers Astro's build and the policy pass after it: both write Astro's
 * kept pages.
 */
export async function lockSiteFolders(folders: SiteWorkFolders, log?: (line: string) => void, astro?: Pick<AstroProcess, 'pid'>): Promise<() => void> {
  mkdirSync(dirname(folders.lock), { recursive: true });
  const helpers = astro?.pid === undefined ? [] : [astro.pid];
  return acquireLock(folders.lock, (holder) => log?.(`${waitingFor(holder, 'this content and edition', folders.lock)}\n`), undefined, helpers);
}

/**
 * Makes a content folder's work folders ready for a build, under their lock (`lockSiteFolders`),
 * and returns how many kept pages were changed since the last build and will not be reused. Pages
 * come into the work folder as links to the kept copies (src/build/prelinked-pages.ts), and a kept
 * copy written through such a link since is not reused. Done before the check, so that Astro's
 * process can link the kept pages in (`AstroProcess.prelink`) while the content is checked.
 *
 * With pages to reuse, the work folder is made of the output the last build replaced (`spare`,
 * put there by `swapInto`), or of what an interrupted build left: linking the pages in keeps its
 * folders and the files that are the kept copies, and removes everything else, which is cheaper
 * than making 10,000 folders anew. With none (a clean build), it starts empty.
 */
export function prepareSiteFolders(folders: SiteWorkFolders): number {
  const changed = forgetChangedCopies(folders.keptPages, readLedger(folders.ledger));
  if (!keptAnyPage(folders.keptPages)) {
    // A spare is left for a later build with pages to reuse: deleting one takes seconds.
    rmSync(folders.work, { recursive: true, force: true });
  } else if (!existsSync(folders.work)) {
    try {
      renameSync(folders.spare, folders.work);
    } catch {
      // No spare (a first build, another file system): the pages' folders are made.
    }
  }
  return changed;
}

/**
 * Writes the plan of the site build into `outDir`'s side file (src/build/build-plan.ts): the
 * checked model and where to build. The caller may let go of the model after this: the plan holds
 * all Astro's process needs, and at 30,000 entries the model is 250 MB of the build process's
 * heap beside Astro's gigabytes. Needs no lock: the plan is the build's own file.
 */
export function writeSitePlan(options: SitePlanOptions): void {
  const { folders, entriesFile } = options;
  const planFile = sideFileFor(options.outDir, 'plan');
  mkdirSync(dirname(planFile), { recursive: true });
  // Written after the plan (`writeSiteAhead`): none may be there before.
  const handedAheadFile = sideFileFor(options.outDir, 'ahead');
  rmSync(handedAheadFile, { force: true });
  writeBuildPlan(planFile, {
    root: options.root,
    outDir: folders.work,
    cacheDir: folders.cache,
    keptPages: folders.keptPages,
    contentDir: options.contentDir ?? 'content',
    edition: options.edition,
    now: options.now,
    marksFile: sideFileFor(options.outDir, 'marks'),
    mergedSearchIndexes: mergedIndexes(options.search),
    diagramsDrawn: sideFileFor(options.outDir, 'diagrams'),
    policiesFile: sideFileFor(options.outDir, 'policies'),
    ...(keptAnyPage(folders.keptPages) ? { writtenFile: writtenFileFor(options.outDir) } : {}),
    ...(entriesFile === undefined ? {} : { entriesFile }),
    handedAheadFile,
    model: toPortableModel(options.model, { entriesAhead: entriesFile !== undefined }),
  });
}

/**
 * The file Astro's process appends the pages it writes to (`BuildPlan.writtenFile`), in the search
 * step's scratch folder: removed with it, or with an unfinished build.
 */
export function writtenFileFor(outDir: string): string {
  return join(sideFileFor(outDir, 'search'), 'written');
}

/**
 * Writes the entries of the content just loaded into `outDir`'s side file, for Astro's process to
 * revive while the rules run (src/build/build-plan.ts), and returns the file. The plan written
 * after (`writeSitePlan` given the file) leaves them out.
 */
export function writeSiteEntries(outDir: string, content: Pick<LoadedContent, 'entries' | 'rejected'>): string {
  const file = sideFileFor(outDir, 'entries');
  mkdirSync(dirname(file), { recursive: true });
  writeBuildEntries(file, toPortableEntries(content));
  return file;
}

/**
 * Writes what the site is handed ahead (src/site/handed-ahead.ts) into `outDir`'s side file, which
 * the plan names: the entry pages' own keys and the content's commit dates. Called once Astro has
 * the plan: they are made here while Astro starts, syncs and bundles. `report` is the published
 * edition's, as Astro's process makes it of the plan; `contentDir` is the content folder as the
 * plan names it. When making them fails, the file holds none, and the site makes them itself.
 */
export function writeSiteAhead(outDir: string, report: EditionReport, root: string, contentDir: string | undefined): void {
  let handed: HandedAhead = { keys: new Map() };
  try {
    const site = siteDataOf(report, root, contentFolder(root, contentDir));
    handed = { keys: entryContentKeys(report, site), lastUpdated: site.lastUpdated };
  } catch {
    // The site makes them, and reports what failed as any of its pages would.
  }
  writeHandedAhead(sideFileFor(outDir, 'ahead'), handed);
}

/**
 * Tells Astro's process, building from the plan `writeSitePlan` wrote into `outDir`'s side files,
 * that every diagram is in the cache: its content loaders have waited for this to render the
 * entries that have diagrams.
 */
export function markDiagramsDrawn(outDir: string): void {
  writeFileSync(sideFileFor(outDir, 'diagrams'), '');
}

/**
 * Builds the Astro site into `outDir` in a child process (`astro`, started earlier by
 * `startAstroProcess`) from the plan `writeSitePlan` wrote, and returns the times of its parts.
 *
 * A child process, because the site build holds a couple of gigabytes at 10,000 entries and the
 * search index (built next, by `searchStep`) takes as much again: run one after the other in
 * separate processes, they never add up. The child gets one build plan with the checked model, so
 * it neither reads nor checks the content again, and leaves the search index to the next step.
 * The caller holds the folders' lock (`lockSiteFolders`) and has prepared them (`prepareSiteFolders`).
 */
export async function siteStep(options: SiteStepOptions, astro: AstroProcess = startAstroProcess(options.root, options.env, options.folders.keptPages)): Promise<Record<string, number>> {
  const marks = sideFileFor(options.outDir, 'marks');
  const planFile = sideFileFor(options.outDir, 'plan');
  const { folders } = options;
  rmSync(marks, { force: true });
  const started = Date.now();
  try {
    const status = await astro.build(planFile);
    const recorded = existsSync(marks) ? readMarks(readFileSync(marks, 'utf8')) : {};
    if (status !== 0) throw new Error(`Astro's build exited with status ${status} (its messages are above).`);
    moveFolder(folders.work, options.outDir);
    return siteBreakdown(started, recorded);
  } finally {
    rmSync(marks, { force: true });
    rmSync(planFile, { force: true });
    rmSync(sideFileFor(options.outDir, 'entries'), { force: true });
    rmSync(sideFileFor(options.outDir, 'ahead'), { force: true });
    rmSync(sideFileFor(options.outDir, 'diagrams'), { force: true });
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
