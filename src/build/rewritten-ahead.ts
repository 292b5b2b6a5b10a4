import { closeSync, fstatSync, lstatSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type EarlyIndex, takenIf } from './early-search.ts';
import { linkPages } from './link-files.ts';
import type { PagefindJobResult } from './pagefind-worker.ts';
import type { PagefindWorkers } from './pagefind-workers.ts';
import type { KeptIndexes } from './search-cache.ts';
import { pageDigest, type SearchPage } from './search-pages.ts';
import { decodedUrl, type MadeFragments, pageUrl } from './search-step.ts';
import { indexOfPage, isMergedIndex, PRIMARY_INDEX, type SearchLayout } from './search-shards.ts';

/**
 * Pagefind beside page generation, in a build that reuses pages.
 *
 * After a one-entry change at 10,000 entries, Astro renders some sixty pages again (every page
 * that shows the entry), and one or two indexes come out changed: the changed entry's own, of
 * some 670 pages, and at times the site pages'. The search step wrote the entry index after Astro
 * was done and the policy pass had read the site: 1.2–1.6 s of Pagefind, the longest part of the
 * step, while Astro's page generation had kept only one core busy for the three seconds before.
 *
 * Astro's process appends each page it writes, with what the search step needs of it, to a file
 * (`BuildPlan.writtenFile`, src/build/policies-as-written.ts). This reads it as it grows. A
 * rendered page of an entry index whose HTML differs from what the kept index holds is run
 * through Pagefind for its fragment; when the fragment (or what Pagefind reads around it) differs
 * from the kept one, the index must be written again. It is, as soon as Astro has moved on to a
 * later index (the entry route lists its pages index by index, `inIndexOrder`), or to a site page
 * after the entry pages (Astro generates a route's pages together, the entry route's first:
 * src/build/entries-first.ts), or when Astro is done: from its pages as they are then, linked into
 * a folder of their own, each hashed as linked.
 *
 * The site pages' index is written once Astro is done, beside the policy pass, when one of its
 * pages changed at all (`siteMoved`).
 *
 * The search step takes an index written here only when every page of it, as the policy pass
 * leaves it, has the digest of the page Pagefind read (`take`); otherwise it writes the index
 * itself. A page is only linked once it is whole: either written by Astro (recorded after the
 * write) or still the kept copy it was linked from (the same file as Astro's kept page). A page
 * being written then is neither, and the index waits for the next look.
 */
export class IndexesRewrittenAhead {
  #siteDir: string;
  readonly #keptDir: string;
  readonly #writtenFile: string;
  readonly #layout: SearchLayout;
  readonly #kept: KeptIndexes;
  readonly #workers: PagefindWorkers;
  readonly #workDir: string;
  #timer: NodeJS.Timeout | undefined;
  #offset = 0;
  #partial: Buffer = Buffer.alloc(0);
  /** What Astro recorded of each page it wrote. */
  readonly #written = new Map<string, Omit<SearchPage, 'page'>>();
  /** The furthest entry index (its place in the layout) one of whose pages Astro wrote. */
  #furthest = 0;
  /** Astro wrote a site page after an entry page: it is done with the entry route. */
  #pastEntries = false;
  /** Astro wrote a site page other than the kept index holds it. */
  #sitePagesChanged = false;
  /** Rendered pages whose fragment is to be made, and the run making some. */
  #toRun: string[] = [];
  /** The fragments made so far: each page's HTML digest as it was run, and its fragment's digest. */
  readonly #made = new Map<string, { html: string; fragment: string }>();
  #running: Promise<unknown> | undefined;
  #runs = 0;
  /** Entry indexes that must be written again, those that cannot be written here, and those written or being written. */
  readonly #changed = new Set<string>();
  readonly #unsafe = new Set<string>();
  readonly #jobs = new Map<string, RewrittenJob>();
  /** Indexes the search step has asked for: from then on, they are its own to write. */
  readonly #asked = new Set<string>();
  #taken = 0;
  #stopped = false;
  /** Astro is done: every page is in its place. */
  #siteDone = false;

  /**
   * @param siteDir Astro's output folder, which it fills while this watches.
   * @param keptDir Astro's kept pages, which the pages it reuses are links to (src/build/prelinked-pages.ts).
   * @param writtenFile The file Astro's process appends each page it writes to.
   * @param kept The kept indexes, as the search step reads them (src/build/search-cache.ts).
   * @param workers Pagefind's workers, shared with the search step, which closes them.
   * @param workDir A scratch folder of the build's, removed by the search step.
   */
  constructor(siteDir: string, keptDir: string, writtenFile: string, layout: SearchLayout, kept: KeptIndexes, workers: PagefindWorkers, workDir: string) {
    this.#siteDir = siteDir;
    this.#keptDir = keptDir;
    this.#writtenFile = writtenFile;
    this.#layout = layout;
    this.#kept = kept;
    this.#workers = workers;
    this.#workDir = workDir;
  }

  /** Starts reading the file, every `interval` ms. */
  start(interval = 200): this {
    if (this.#layout.indexes.length > 1) {
      this.#timer ??= setInterval(() => this.#look(), interval);
      this.#timer.unref();
    }
    return this;
  }

  /**
   * Astro is done and its folder is now `siteDir`: every index left to write is started (its pages
   * are all there), and nothing is watched any more.
   */
  siteMoved(siteDir: string): void {
    clearInterval(this.#timer);
    this.#siteDir = siteDir;
    this.#siteDone = true;
    if (this.#layout.indexes.length <= 1) return;
    this.#look();
    // The site pages (home, planes, collection indexes) show many entries, and are rendered last:
    // when one of them changed, their index (some twenty pages) is written now, beside the policy
    // pass, rather than have the search step make their fragments first, then write it after the
    // pass. Written for nothing when only what the search leaves out changed, in about the time
    // those fragments took.
    if (this.#sitePagesChanged && !this.#unsafe.has(PRIMARY_INDEX)) {
      this.#changed.add(PRIMARY_INDEX);
      this.#look();
    }
  }

  /** Nothing more is started (a build that failed). */
  stop(): void {
    clearInterval(this.#timer);
    this.#stopped = true;
  }

  /**
   * The index written here for `index`, once written, when every page of `group` (as the search
   * step has them, after the policy pass) is the very page Pagefind read; else undefined, and the
   * search step writes it. Left in `outputPath`, to be moved into the site.
   */
  async take(index: string, group: readonly SearchPage[]): Promise<EarlyIndex | undefined> {
    this.#asked.add(index);
    const job = this.#jobs.get(index);
    if (!job) return undefined;
    this.#jobs.delete(index);
    const taken = await takenIf(job, () => group.length === job.read.size && group.every((page) => job.read.get(page.page) === page.html));
    if (taken) this.#taken++;
    return taken;
  }

  /** How many indexes the search step took from here. */
  get taken(): number {
    return this.#taken;
  }

  /**
   * The fragments of rendered pages made here so far, for the search step not to make them again
   * (src/build/search-step.ts, `fragmentsAhead`): the pages by their HTML digest when run.
   */
  get fragments(): MadeFragments {
    return new Map(this.#made);
  }

  /**
   * Whether `index` is one this writes again, or has: an entry index one of whose pages has
   * another fragment, or another place in the index, than the kept index holds (the kept index
   * will not do), or the site pages' index, one of whose pages has other HTML. The search step
   * takes no kept index for it.
   */
  rewrites(index: string): boolean {
    return this.#changed.has(index);
  }

  /** Stops, and resolves once no run is under way (they never reject). The workers are the search step's to close. */
  async settled(): Promise<void> {
    this.stop();
    await this.#running;
    await Promise.all([...this.#jobs.values()].map((job) => job.result));
  }

  /** Reads what Astro wrote since the last look, runs the new pages' fragments, and starts the indexes now ready. */
  #look(): void {
    if (this.#stopped) return;
    for (const [page, search] of this.#newRecords()) this.#record(page, search);
    this.#runFragments();
    for (const index of this.#changed) {
      if (this.#jobs.has(index) || this.#asked.has(index) || this.#unsafe.has(index)) continue;
      // Astro may still write pages of the index it is at.
      if (!this.#siteDone && !this.#pastEntries && this.#layout.indexes.indexOf(index) >= this.#furthest) continue;
      this.#write(index);
    }
  }

  /** The records appended to the file since the last look; a line not yet whole waits for the next. */
  #newRecords(): [string, Omit<SearchPage, 'page'>][] {
    let fd: number;
    try {
      fd = openSync(this.#writtenFile, 'r');
    } catch {
      return [];
    }
    let text = '';
    try {
      const size = fstatSync(fd).size;
      if (size > this.#offset) {
        const buffer = Buffer.alloc(size - this.#offset);
        const got = readSync(fd, buffer, 0, buffer.length, this.#offset);
        this.#offset += got;
        // Cut at the last whole line, as bytes: a page's path may hold characters of several bytes.
        const read = Buffer.concat([this.#partial, buffer.subarray(0, got)]);
        const end = read.lastIndexOf(0x0a) + 1;
        text = read.subarray(0, end).toString('utf8');
        this.#partial = read.subarray(end);
      }
    } finally {
      closeSync(fd);
    }
    const lines = text.split('\n').filter((line) => line !== '');
    const records: [string, Omit<SearchPage, 'page'>][] = [];
    for (const line of lines) {
      try {
        records.push(JSON.parse(line) as [string, Omit<SearchPage, 'page'>]);
      } catch {
        // A line this cannot read: its page is left to the search step, as every page is.
      }
    }
    return records;
  }

  /** Takes one page Astro wrote: its index may have to be written again. */
  #record(page: string, search: Omit<SearchPage, 'page'>): void {
    this.#written.set(page, search);
    const index = indexOfPage(this.#layout, page);
    if (index === PRIMARY_INDEX) this.#pastEntries ||= this.#furthest > 0;
    else this.#furthest = Math.max(this.#furthest, this.#layout.indexes.indexOf(index));
    const before = this.#kept[index]?.[page];
    // A page left out of the search before and now (a collection index's later pages) is none of the index's.
    if (!before && !search.marked) return;
    // A page the kept index does not hold, or one left out of the search now: the index holds
    // other pages than before, which the search step finds out, and writes it then.
    if (!before || !search.marked) this.#unsafe.add(index);
    else if (before.html === search.html) return;
    // The site pages' index is written once Astro is done (`siteMoved`).
    else if (index === PRIMARY_INDEX) this.#sitePagesChanged = true;
    else if (before.structure !== search.structure) this.#changed.add(index);
    else this.#toRun.push(page);
  }

  /** Makes the fragments of the rendered pages taken since the last run, one run at a time. */
  #runFragments(): void {
    if (this.#running || this.#toRun.length === 0) return;
    const pages = this.#toRun;
    this.#toRun = [];
    // Each page's HTML as Astro recorded it when this run took it.
    const html = new Map(pages.map((page) => [page, this.#written.get(page)!.html]));
    const pagesDir = join(this.#workDir, `fragments-${++this.#runs}`);
    try {
      // Linked here, at once: Astro's folder moves when it is done, maybe before a worker is free.
      linkPages(this.#siteDir, pages, pagesDir);
    } catch {
      rmSync(pagesDir, { recursive: true, force: true });
      return;
    }
    const running = this.#workers
      .run({ siteDir: this.#siteDir, pages, pagesDir, gathered: true })
      .then(
        ({ digests }) => {
          const made = new Map(Object.entries(digests).map(([url, digest]) => [decodedUrl(url), digest]));
          for (const page of pages) {
            const index = indexOfPage(this.#layout, page);
            const fragment = made.get(pageUrl(page));
            if (fragment !== this.#kept[index]?.[page]?.fragment) this.#changed.add(index);
            if (fragment === undefined) continue;
            this.#made.set(page, { html: html.get(page)!, fragment });
          }
        },
        // Left to the search step, which makes them again.
        () => undefined,
      )
      .finally(() => {
        rmSync(pagesDir, { recursive: true, force: true });
        this.#running = undefined;
        this.#look();
      });
    this.#running = running;
  }

  /**
   * Links the index's pages (those the kept index holds: the search step takes the result only
   * for the same pages) into a folder of its own, each whole and hashed as linked, and starts
   * Pagefind on them. A page not whole yet leaves the index to the next look.
   */
  #write(index: string): void {
    const pages = Object.keys(this.#kept[index] ?? {}).sort();
    const pagesDir = join(this.#workDir, 'pages', index);
    const read = new Map<string, string>();
    try {
      linkPages(this.#siteDir, pages, pagesDir);
      for (const page of pages) {
        const linked = join(pagesDir, page);
        const digest = pageDigest(readFileSync(linked));
        const written = this.#written.get(page);
        // Written by Astro, whole: the digest it recorded. Else the kept copy it was linked from,
        // untouched (Astro writes a page it renders again as a new file, never into the link).
        const whole = written ? written.html === digest : lstatSync(linked).ino === lstatSync(join(this.#keptDir, page)).ino;
        if (!whole) throw new Error(`${page} is being written`);
        read.set(page, digest);
      }
    } catch {
      rmSync(pagesDir, { recursive: true, force: true });
      return;
    }
    const outputPath = join(this.#workDir, 'indexes', index);
    const result = this.#workers
      .run({ siteDir: this.#siteDir, pages, pagesDir, gathered: true, outputPath, merged: isMergedIndex(index) })
      .then(
        (done): PagefindJobResult => ({ pages: done.pages, digests: done.digests }),
        () => undefined,
      )
      .finally(() => rmSync(pagesDir, { recursive: true, force: true }));
    this.#jobs.set(index, { read, outputPath, result });
  }
}

interface RewrittenJob {
  /** Each page Pagefind read, with the digest of what it read. */
  readonly read: ReadonlyMap<string, string>;
  readonly outputPath: string;
  readonly result: Promise<PagefindJobResult | undefined>;
}
