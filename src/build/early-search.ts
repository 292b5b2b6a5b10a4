import { closeSync, fstatSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { linkPages } from './link-files.ts';
import type { PagefindJob, PagefindJobResult } from './pagefind-worker.ts';
import { PagefindWorkers } from './pagefind-workers.ts';
import type { SearchPage } from './search-pages.ts';
import { indexOfPage, isMergedIndex, PRIMARY_INDEX, type SearchLayout } from './search-shards.ts';
import { htmlFilesUnder } from './walk-folder.ts';

/**
 * Pagefind beside page generation, in a build with nothing to reuse.
 *
 * The search step (src/build/search-step.ts) writes the indexes once Astro's process has ended
 * and the policy pass has read every page: at 3,000 entries, 5 to 7 s after Astro, while page
 * generation keeps one core busy, not two. Astro renders the entry pages index by index
 * (`inIndexOrder`), so an entry index's pages are all written long before the last page is.
 * This watches Astro's output folder, and as soon as every page of an entry index is there and
 * whole, writes that index in a Pagefind worker, one at a time, while Astro renders the rest.
 * Those whole when Astro ends are written beside the policy pass (`siteMoved`).
 *
 * The search step takes an index written here only when its pages turn out to be exactly the
 * ones it would have handed Pagefind; otherwise it writes that index itself. The policy pass,
 * which rewrites each page after Astro, only completes the `<meta>` policy in `<head>`, which
 * Pagefind does not read: the index is the same either way (tests/e2e/incremental-build.test.ts
 * compares a clean build, made this way, with incremental builds, which never are).
 *
 * Only for a build whose pages are all new (no page Astro kept is linked in before it renders):
 * a kept copy already in the folder is no sign that its page is done.
 */
export class EarlySearch {
  #siteDir: string;
  readonly #layout: SearchLayout;
  readonly #workDir: string;
  /** Indexes whose pages are not all whole yet. */
  #pending: Pending[];
  /** Indexes whose pages are all whole and gathered, waiting for their run. */
  #ready: Gathered[] = [];
  readonly #jobs = new Map<string, EarlyJob>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> | undefined;
  #taken = 0;
  // One run at a time (Astro has the other core), all in one worker.
  readonly #workers = new PagefindWorkers(1);

  /**
   * @param siteDir Astro's output folder, which it fills while this watches.
   * @param layout The site's search indexes.
   * @param entryPages The pages the site's entries get (`entryPagePath`), which the entry indexes hold.
   * @param workDir A scratch folder of the build's, removed by the search step.
   */
  constructor(siteDir: string, layout: SearchLayout, entryPages: readonly string[], workDir: string) {
    this.#siteDir = siteDir;
    this.#layout = layout;
    this.#workDir = workDir;
    // Each entry page's index, as `assignPages` puts it when no index is left empty (else the
    // search step finds other pages in an index than here, and writes it itself).
    const groups = new Map<string, string[]>();
    for (const page of layout.indexes.length > 1 ? [...entryPages].sort() : []) {
      const index = indexOfPage(layout, page);
      if (index === PRIMARY_INDEX) continue;
      const group = groups.get(index);
      if (group) group.push(page);
      else groups.set(index, [page]);
    }
    this.#pending = layout.indexes.filter((index) => groups.has(index)).map((index) => ({ index, pages: groups.get(index)!, done: 0, seen: [] }));
  }

  /** Starts watching, every `interval` ms. */
  start(interval = 250): this {
    this.#timer ??= setInterval(() => this.#look(), interval);
    this.#timer.unref();
    return this;
  }

  /**
   * Astro has ended and its folder is now `siteDir`: the indexes whose pages are all there and
   * whole, and the site pages' index (every page is written now), are written next, one after
   * another, beside the policy pass. Their pages are gathered here, before the pass replaces
   * any. The other indexes are left to the search step. Nothing is watched any more.
   */
  siteMoved(siteDir: string): void {
    clearInterval(this.#timer);
    this.#siteDir = siteDir;
    this.#look();
    this.#pending = [];
    if (this.#layout.indexes.length < 2) return;
    const sitePages = this.#sitePages();
    // First: it is small, and the search step cannot take it from the cache after a clean build.
    if (sitePages) this.#gather({ index: PRIMARY_INDEX, ...sitePages }, true);
  }

  /** Nothing more is started (a build that failed, or a search step that has what it needs). */
  stop(): void {
    clearInterval(this.#timer);
    this.#pending = [];
    for (const gathered of this.#ready) rmSync(gathered.pagesDir, { recursive: true, force: true });
    this.#ready = [];
  }

  /**
   * The index written here for `index`, once its run has ended, when it holds exactly the pages of
   * `group` (in path order) and none of them changed while Pagefind read them; else undefined,
   * and the search step writes it. An index not started yet never is: the search step, which
   * writes two at a time, does better. The index is left in `outputPath`, to be moved into the site.
   */
  async take(index: string, group: readonly Pick<SearchPage, 'page'>[]): Promise<EarlyIndex | undefined> {
    const pages = group.map((page) => page.page);
    this.#pending = this.#pending.filter((pending) => pending.index !== index);
    for (const gathered of this.#ready.filter((ready) => ready.index === index)) rmSync(gathered.pagesDir, { recursive: true, force: true });
    this.#ready = this.#ready.filter((ready) => ready.index !== index);
    const job = this.#jobs.get(index);
    if (!job) return undefined;
    this.#jobs.delete(index);
    const taken = await takenIf(job, () => pages.length === job.pages.length && pages.every((page, i) => page === job.pages[i]));
    if (taken) this.#taken++;
    return taken;
  }

  /** How many indexes the search step took from here. */
  get taken(): number {
    return this.#taken;
  }

  /** Stops, and resolves once no run is under way (they never reject) and the worker has ended. */
  async settled(): Promise<void> {
    this.stop();
    await Promise.all([...this.#jobs.values()].map((job) => job.result));
    await this.#workers.close();
  }

  /** Moves each pending index's count of whole pages on, gathers those now whole, and starts the next run. */
  #look(): void {
    for (const pending of this.#pending) {
      while (pending.done < pending.pages.length) {
        const state = wholePage(join(this.#siteDir, pending.pages[pending.done]!));
        if (!state) break;
        pending.seen.push(state);
        pending.done++;
      }
    }
    const whole = this.#pending.filter((pending) => pending.done === pending.pages.length);
    this.#pending = this.#pending.filter((pending) => pending.done < pending.pages.length);
    for (const pending of whole) this.#gather(pending);
  }

  /**
   * Links an index's pages into its own folder at once, while they are the files found whole
   * (after Astro, the policy pass replaces them), and queues its run; `first` puts it ahead.
   */
  #gather({ index, pages, seen }: Omit<Pending, 'done'>, first = false): void {
    const pagesDir = join(this.#workDir, 'pages', index);
    try {
      linkPages(this.#siteDir, pages, pagesDir);
    } catch {
      rmSync(pagesDir, { recursive: true, force: true });
      return;
    }
    const gathered = { index, pages, seen, pagesDir };
    this.#ready = first ? [gathered, ...this.#ready] : [...this.#ready, gathered];
    this.#next();
  }

  /** Starts the first gathered index, unless a run is under way (one at a time: Astro has the other core). */
  #next(): void {
    if (this.#running) return;
    const gathered = this.#ready.shift();
    if (gathered) this.#run(gathered);
  }

  #run({ index, pages, seen, pagesDir }: Gathered): void {
    const outputPath = join(this.#workDir, 'indexes', index);
    const job: PagefindJob = { siteDir: this.#siteDir, pages, pagesDir, outputPath, gathered: true, merged: isMergedIndex(index) };
    const running = this.#workers
      .run(job)
      .then(
        (done) => (unchangedSince(pagesDir, pages, seen) ? done : undefined),
        () => undefined,
      )
      .finally(() => {
        rmSync(pagesDir, { recursive: true, force: true });
        if (this.#running === running) this.#running = undefined;
        this.#next();
      });
    this.#running = running;
    this.#jobs.set(index, { pages, outputPath, result: running });
  }

  /**
   * The site's own pages to index (every page that is not an entry's and marks its body, as the
   * search step picks them), each whole, in path order; undefined when one is not whole.
   */
  #sitePages(): { pages: string[]; seen: FileState[] } | undefined {
    const pages: string[] = [];
    const seen: FileState[] = [];
    const files = htmlFilesUnder(this.#siteDir).filter((path) => indexOfPage(this.#layout, path) === PRIMARY_INDEX);
    for (const page of files) {
      const file = join(this.#siteDir, page);
      const state = wholePage(file);
      if (!state) return undefined;
      if (!readFileSync(file, 'utf8').includes(MARKED)) continue;
      pages.push(page);
      seen.push(state);
    }
    return pages.length > 0 ? { pages, seen } : undefined;
  }
}

/** An entry index written during page generation. */
export interface EarlyIndex {
  /** Where the index is, to be moved into the site. */
  readonly outputPath: string;
  readonly result: PagefindJobResult;
}

/**
 * An index written ahead, once its run has ended, if it was written and `same` holds (it is the
 * index the search step would write); else undefined, and what the run wrote is removed.
 */
export async function takenIf(job: { readonly outputPath: string; readonly result: Promise<PagefindJobResult | undefined> }, same: () => boolean): Promise<EarlyIndex | undefined> {
  const result = await job.result;
  if (result !== undefined && same()) return { outputPath: job.outputPath, result };
  rmSync(job.outputPath, { recursive: true, force: true });
  return undefined;
}

interface Pending {
  readonly index: string;
  /** The index's pages, in the order Astro renders them. */
  readonly pages: readonly string[];
  /** How many of them, from the first, are whole. */
  done: number;
  /** What each whole page's file was when it was found whole. */
  readonly seen: FileState[];
}

interface Gathered {
  readonly index: string;
  readonly pages: readonly string[];
  readonly seen: readonly FileState[];
  /** Where the pages are linked for Pagefind. */
  readonly pagesDir: string;
}

interface EarlyJob {
  readonly pages: readonly string[];
  readonly outputPath: string;
  readonly result: Promise<PagefindJobResult | undefined>;
}

interface FileState {
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

// What marks a page for the search (src/build/search-pages.ts reads pages the same way).
const MARKED = 'data-pagefind-body';

// The end of every page Astro writes; a page still being written has not reached it.
const PAGE_END = /<\/html>\s*$/i;
const TAIL_BYTES = 64;

/** The file's state when it holds a whole page, else undefined (not there yet, or being written). */
export function wholePage(file: string): FileState | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const { ino, size, mtimeMs } = fstatSync(fd);
    const tail = Buffer.alloc(Math.min(TAIL_BYTES, size));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return PAGE_END.test(tail.toString('latin1')) ? { ino, size, mtimeMs } : undefined;
  } finally {
    closeSync(fd);
  }
}

/** Whether each page's link in `pagesDir` is still the file found whole: nothing wrote it since. */
function unchangedSince(pagesDir: string, pages: readonly string[], seen: readonly FileState[]): boolean {
  return pages.every((page, i) => {
    try {
      const { ino, size, mtimeMs } = statSync(join(pagesDir, page));
      return ino === seen[i]!.ino && size === seen[i]!.size && mtimeMs === seen[i]!.mtimeMs;
    } catch {
      return false;
    }
  });
}
