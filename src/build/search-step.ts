import { renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { EarlyIndex } from './early-search.ts';
import type { PagefindJob, PagefindJobResult } from './pagefind-worker.ts';
import { type IndexesAhead, type KeptIndexes, type KeptPage, keepIndexes, keptStamp, moveAheadIndex, readKeptIndexes, restoreIndex } from './search-cache.ts';
import { packSearchIndexes } from './search-pack.ts';
import type { SearchPage } from './search-pages.ts';
import { PagefindWorkers } from './pagefind-workers.ts';
import { assignPages, isMergedIndex, type SearchLayout } from './search-shards.ts';

/** What the search step did. */
export interface SearchStepResult {
  /** Pages the indexes hold. */
  readonly pages: number;
  /** Indexes in the site. */
  readonly indexes: number;
  /** Indexes written by this build; the others were the last build's, for the same pages. */
  readonly written: number;
  /** Of those, the ones written while Astro rendered the pages (`SearchStepOptions.early`). */
  readonly early?: number;
}

export interface SearchStepOptions {
  readonly layout: SearchLayout;
  readonly pages: readonly SearchPage[];
  /** Where the last build's indexes are kept (src/build/search-cache.ts); none, and all are written. */
  readonly cacheDir?: string;
  /** A scratch folder for the pages each Pagefind run reads; removed when the step ends. */
  readonly workDir: string;
  /**
   * Entry indexes written while Astro rendered the pages (src/build/early-search.ts in a clean
   * build, src/build/rewritten-ahead.ts in one that reuses pages), to take instead of writing them.
   */
  readonly early?: IndexesWrittenEarly;
  /** The kept indexes, linked ahead while Astro built the site (`restoreAhead`, from `cacheDir`), to move in instead of linking them. */
  readonly ahead?: IndexesAhead;
  /**
   * Work for this thread while Pagefind's workers write the indexes that changed, called once
   * with those indexes, before the step ends: the others are in the site by then.
   */
  readonly meanwhile?: (writing: readonly string[]) => void;
  /** Pagefind's workers, started ahead (`searchWorkers`); the step closes them when it ends. Else it starts its own. */
  readonly workers?: PagefindWorkers;
  /** The fragments of the pages Astro rendered, made while the policy pass ran (`fragmentsAhead`), with the same `workers`. */
  readonly fragments?: FragmentsAhead;
}

/** Indexes written while Astro rendered the pages, for the search step to take or leave. */
export interface IndexesWrittenEarly {
  /** The index written for `index`, if it holds exactly the pages of `group`, as they are now. */
  take(index: string, group: readonly SearchPage[]): Promise<EarlyIndex | undefined>;
  /** How many indexes were taken. */
  readonly taken: number;
  /** Resolves once no run is under way. */
  settled(): Promise<void>;
  /** Whether the index is written again here, so that no kept index is to be taken for it (src/build/rewritten-ahead.ts). */
  rewrites?(index: string): boolean;
}

/**
 * The Pagefind workers of a search step: as many at once as there are cores, at most two. Started
 * ahead (`PagefindWorkers.warm`) by a build that reuses pages, while Astro's process builds the site.
 */
export function searchWorkers(): PagefindWorkers {
  return new PagefindWorkers(Math.min(2, availableParallelism()));
}

/**
 * Builds the Pagefind search indexes of a built site (its layout: src/build/search-shards.ts), as
 * Starlight would at the end of the Astro build, but in processes that no longer hold the site
 * build's memory. Pages index only their `data-pagefind-body` (the article), with the filters each
 * entry page declares.
 *
 * With a cache, an index whose pages are the same as last time is taken from there. When some of
 * its pages changed, their fragments (what Pagefind takes from a page) are made first, in one
 * small run over the changed pages alone; if every one equals the kept one, so does the index.
 * Only the indexes left are written, two at a time, but for those written while Astro rendered
 * the pages (`early`, src/build/early-search.ts) for the same pages, which are taken as they are.
 * Last, the files every search loads from every index are packed into one (src/build/search-pack.ts).
 */
export async function searchStep(siteDir: string, options: SearchStepOptions): Promise<SearchStepResult> {
  const { layout, cacheDir, workDir } = options;
  const marked = new Map(options.pages.filter((page) => page.marked).map((page) => [page.page, page]));
  const groups = new Map([...assignPages(layout, [...marked.keys()])].map(([index, pages]) => [index, pages.map((page) => marked.get(page)!)]));
  const empty = layout.indexes.length > 1 ? [...groups].find(([, group]) => group.length === 0) : undefined;
  if (empty) {
    throw new Error(
      `The site has ${marked.size} page${marked.size === 1 ? '' : 's'} to search, too few for ${layout.indexes.length} search indexes (${empty[0]}/ would be empty, and the search box fails on an empty index). Build with a larger --search-index-entries.`,
    );
  }

  const { ahead } = options;
  const kept = cacheDir ? (ahead ? ahead.kept : readKeptIndexes(cacheDir, layout.indexes)) : undefined;
  const runs = new Runs(workDir, siteDir, options.workers ?? searchWorkers());
  try {
    const reusable = await reusableIndexes(groups, kept?.indexes ?? {}, runs, options.fragments, (index) => options.early?.rewrites?.(index) ?? false);
    const next: Record<string, Record<string, KeptPage>> = {};
    const write = async (index: string) => {
      const group = groups.get(index)!;
      const early = await options.early?.take(index, group);
      // Pagefind adds to a folder: a copy restored below, from a cache that has changed since,
      // must not leave its files among the new ones.
      rmSync(join(siteDir, index), { recursive: true, force: true });
      if (early) renameSync(early.outputPath, join(siteDir, index));
      const { digests } = early ? decodedResult(early.result) : await runs.run(index, group, { outputPath: join(siteDir, index), merged: isMergedIndex(index) });
      assertOwnFragments(group, digests);
      next[index] = keptPages(group, digests);
    };
    // The indexes that changed are written in Pagefind's workers while this thread links the kept
    // ones into the site (at 10,000 entries, some 10,000 files: 0.3 s that no longer comes after).
    const writing = layout.indexes.filter((index) => !reusable.has(index)).map(write);
    // Settled below, after the kept indexes are in; a failure is not left unobserved meanwhile.
    for (const written of writing) written.catch(() => {});
    const reused: string[] = [];
    const linkedAhead = (await ahead?.linked) ?? new Set<string>();
    for (const index of reusable.keys()) {
      // Lets the workers' messages through between indexes.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        if (linkedAhead.has(index)) moveAheadIndex(ahead!, index, siteDir);
        else restoreIndex(cacheDir!, kept!, index, siteDir);
        reused.push(index);
      } catch {
        // Another build replaced the cache meanwhile: this index is written below.
      }
    }
    // The indexes restored above must all come from the cache that was read, not its successor.
    const stillKept = reused.length === 0 || keptStamp(cacheDir!) === kept?.stamp;
    for (const index of stillKept ? reused : []) next[index] = reusable.get(index)!;
    const again = [...reusable.keys()].filter((index) => next[index] === undefined);
    const rewriting = again.map(write);
    for (const written of rewriting) written.catch(() => {});
    options.meanwhile?.(layout.indexes.filter((index) => next[index] === undefined));
    await Promise.all([...writing, ...rewriting]);
    const written = writing.length + rewriting.length;
    if (cacheDir) keepIndexes(cacheDir, siteDir, Object.fromEntries(layout.indexes.map((index) => [index, next[index]!])), stillKept ? reused : [], kept);
    // After the indexes are kept: the cache holds Pagefind's files as it wrote them, and the pack
    // replaces the primary index's entry file and worker in the site alone.
    packSearchIndexes(siteDir, layout);
    const pages = Object.values(next).reduce((sum, index) => sum + Object.values(index).filter((page) => page.fragment !== undefined).length, 0);
    return { pages, indexes: layout.indexes.length, written, ...(options.early?.taken ? { early: options.early.taken } : {}) };
  } catch (cause) {
    throw new Error('The search index could not be built.', { cause });
  } finally {
    await options.early?.settled();
    await ahead?.linked;
    await runs.cleanUp();
  }
}

/** Fragments made ahead of the search step: each page run, by its path, with its HTML digest when run and its fragment's digest. */
export type MadeFragments = ReadonlyMap<string, { readonly html: string; readonly fragment: string }>;

/** What was learnt of the rendered pages while Astro rendered them (src/build/rewritten-ahead.ts). */
export interface RenderedAhead {
  /** Their fragments made so far. */
  readonly fragments: MadeFragments;
  /** Whether an index is written again there, so that no kept index is to be taken for it. */
  rewrites(index: string): boolean;
}

/** The fragments of pages made ahead of the search step (`fragmentsAhead`). */
export interface FragmentsAhead {
  /** Each page run, by its path in the site, with the digest of its HTML when it was run. */
  readonly pages: ReadonlyMap<string, string>;
  /** Each page's fragment digest, by its URL; rejects when the run failed, and the step makes them itself. */
  readonly digests: Promise<Readonly<Record<string, string>>>;
}

/**
 * Starts making the fragments of the pages Astro rendered (`rendered`, as it recorded them:
 * src/build/policies-as-written.ts) whose HTML the kept indexes hold another digest of: those the
 * search step would run Pagefind over first, to tell whether their indexes changed. Run in one of
 * Pagefind's workers while the policy pass reads the site on this thread, instead of after it: at
 * 10,000 entries, a third of a second less of the search step after a one-entry change. The pass
 * leaves those pages' text as it is; a page it does write again is run again by the step
 * (`FragmentsAhead.pages`). Returns undefined when there is no such page.
 *
 * What was learnt while Astro rendered the pages (`found`) spares some of them: a page whose
 * fragment was made then, of the same HTML, is taken as made, and a page of an index written again
 * anyway (`rewrites`) needs none: the search step takes no kept index for it.
 */
export function fragmentsAhead(
  siteDir: string,
  rendered: ReadonlyMap<string, Omit<SearchPage, 'page'>>,
  kept: KeptIndexes,
  workers: PagefindWorkers,
  workDir: string,
  found?: RenderedAhead,
): FragmentsAhead | undefined {
  const before = new Map<string, { index: string; html: string }>();
  for (const [index, pages] of Object.entries(kept)) for (const [page, { html }] of Object.entries(pages)) before.set(page, { index, html });
  const changed = [...rendered].filter(([page, search]) => search.marked && before.has(page) && before.get(page)!.html !== search.html);
  const known = new Map(changed.flatMap(([page, search]) => {
    const made = found?.fragments.get(page);
    return made?.html === search.html ? [[page, made]] : [];
  }));
  const pages = new Map(changed.filter(([page]) => !known.has(page) && !found?.rewrites(before.get(page)!.index)).map(([page, search]) => [page, search.html]));
  if (pages.size === 0 && known.size === 0) return undefined;
  const knownDigests = Object.fromEntries([...known].map(([page, { fragment }]) => [pageUrl(page), fragment]));
  const run = new Runs(workDir, siteDir, workers);
  const digests =
    pages.size === 0
      ? Promise.resolve(knownDigests)
      : run.run('rendered', [...pages.keys()].map((page) => ({ page }))).then(({ digests }) => {
          assertOwnFragments([...pages.keys()].map((page) => ({ page })), digests);
          return { ...knownDigests, ...digests };
        });
  // Observed by the step, which makes the fragments itself when this failed.
  digests.catch(() => {});
  return { pages: new Map([...[...known].map(([page, { html }]) => [page, html] as const), ...pages]), digests };
}

/**
 * The indexes that can be taken from the cache, with what to record of their pages now: those
 * with the same pages, each either with the same HTML or with the same fragment as before. The
 * fragments of changed pages made ahead (`ahead`) are taken for the pages as they were run.
 */
async function reusableIndexes(
  groups: ReadonlyMap<string, readonly SearchPage[]>,
  kept: KeptIndexes,
  runs: Runs,
  ahead: FragmentsAhead | undefined,
  rewritten: (index: string) => boolean,
): Promise<Map<string, Record<string, KeptPage>>> {
  const candidates = new Map<string, SearchPage[]>();
  for (const [index, group] of groups) {
    // Written again while Astro rendered the pages: the kept index will not do.
    if (rewritten(index)) continue;
    const before = kept[index];
    if (!before || Object.keys(before).length !== group.length || group.some((page) => before[page.page] === undefined)) continue;
    candidates.set(
      index,
      group.filter((page) => before[page.page]!.html !== page.html),
    );
  }
  const changed = [...candidates.values()].flat();
  const madeAhead = ahead ? await ahead.digests.catch(() => undefined) : undefined;
  const known = madeAhead ? changed.filter((page) => ahead!.pages.get(page.page) === page.html) : [];
  const rest = known.length > 0 ? changed.filter((page) => !known.includes(page)) : changed;
  const { digests: made } = rest.length > 0 ? await runs.run('changed', rest) : { digests: {} as Record<string, string> };
  assertOwnFragments(rest, made);
  const digests: Record<string, string> = { ...made };
  for (const page of known) {
    const url = pageUrl(page.page);
    if (madeAhead![url] !== undefined) digests[url] = madeAhead![url];
  }
  const reusable = new Map<string, Record<string, KeptPage>>();
  for (const [index, pages] of candidates) {
    const before = kept[index]!;
    if (pages.some((page) => digests[pageUrl(page.page)] !== before[page.page]!.fragment || page.structure !== before[page.page]!.structure)) continue;
    reusable.set(index, keptPages(groups.get(index)!, digests, before));
  }
  return reusable;
}

/** What to keep of an index's pages: each one's HTML digest, and its fragment's (from `digests`, else as kept). */
function keptPages(group: readonly SearchPage[], digests: Readonly<Record<string, string>>, before?: Readonly<Record<string, KeptPage>>): Record<string, KeptPage> {
  const pages: Record<string, KeptPage> = {};
  for (const page of group) {
    const fragment = before && before[page.page]!.html === page.html ? before[page.page]!.fragment : digests[pageUrl(page.page)];
    pages[page.page] = fragment === undefined ? { html: page.html, structure: page.structure } : { html: page.html, structure: page.structure, fragment };
  }
  return pages;
}

/**
 * Every fragment must belong to a page handed over. Otherwise pages and URLs were paired wrongly,
 * and a page's missing fragment would read as "not indexed" both before and after a change.
 */
function assertOwnFragments(pages: readonly Pick<SearchPage, 'page'>[], digests: Readonly<Record<string, string>>): void {
  const urls = new Set(pages.map((page) => pageUrl(page.page)));
  const stray = Object.keys(digests).find((url) => !urls.has(url));
  if (stray) throw new Error(`Pagefind indexed ${stray}, which is none of the pages it was given.`);
}

/**
 * The URL Pagefind gives a page of the site, decoded: `services/api/index.html` is `/services/api/`.
 * Pagefind percent-encodes what a URL path may not hold (`/runbooks/%E6%9D%B1%E4%BA%AC/`,
 * `%20`, and `%` itself as `%25`), so its URLs are compared decoded (`decodedUrl`).
 */
export function pageUrl(page: string): string {
  return `/${page.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** A run's result with its pages' URLs decoded (`decodedUrl`). */
function decodedResult(result: PagefindJobResult): PagefindJobResult {
  return { pages: result.pages, digests: Object.fromEntries(Object.entries(result.digests).map(([url, digest]) => [decodedUrl(url), digest])) };
}

/** A URL as Pagefind wrote it, decoded to compare with `pageUrl`. */
export function decodedUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Pagefind runs in worker threads (`searchWorkers`). */
class Runs {
  readonly #workDir: string;
  readonly #siteDir: string;
  readonly #workers: PagefindWorkers;

  constructor(workDir: string, siteDir: string, workers: PagefindWorkers) {
    this.#workDir = workDir;
    this.#siteDir = siteDir;
    this.#workers = workers;
  }

  /** Indexes `pages` (from the site) into `output.outputPath`, or without an output, only for their fragments. */
  async run(name: string, pages: readonly Pick<SearchPage, 'page'>[], output?: Pick<PagefindJob, 'outputPath' | 'merged'>): Promise<PagefindJobResult> {
    const job: PagefindJob = { siteDir: this.#siteDir, pages: pages.map((page) => page.page), pagesDir: join(this.#workDir, name), ...output };
    return decodedResult(await this.#workers.run(job));
  }

  /** Ends the workers, once their runs are done, and removes the pages gathered for them. */
  async cleanUp(): Promise<void> {
    await this.#workers.close();
    rmSync(this.#workDir, { recursive: true, force: true });
  }
}
