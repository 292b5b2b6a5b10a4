import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { inlineScripts, parsedInlineScripts } from './inline-scripts.ts';
import { keptStat, type LedgerPage, readLedger, unchangedSince, writeLedger } from './kept-pages.ts';
import { pageView, viewBytes } from './page-bytes.ts';
import { pageSource } from './page-source.ts';
import type { PagesAsWritten } from './policies-as-written.ts';
import { REVIEWED_INLINE_SCRIPTS } from './reviewed-inline-scripts.ts';
import { replaceFile, replaceWithLink } from './replace-file.ts';
import { runWorker } from './run-worker.ts';
import { type SearchPage, searchPage } from './search-pages.ts';
import { htmlFilesUnder } from './walk-folder.ts';

// Matched against a page's view (src/build/page-bytes.ts): HTML's white space only.
const META = /<meta http-equiv="content-security-policy" content="([^"]*)"[\t\n\f\r ]*\/?>/i;
const CHARSET = /<meta charset="[^"]*"[\t\n\f\r ]*\/?>/i;
const HEAD = /<head(?:[\t\n\f\r ][^>]*)?>/i;

/** An inline script found in a built page that is neither bundled by Astro nor reviewed. */
export interface UnreviewedScript {
  /** The page's path inside the built site, with forward slashes. */
  readonly page: string;
  /** The start of the script's text, on one line. */
  readonly excerpt: string;
}

/**
 * Thrown when a built page carries an inline script that Multiplane did not expect. The build
 * stops before the output is swapped in, so the previous site stays published.
 */
export class UnreviewedScriptError extends Error {
  override readonly name = 'UnreviewedScriptError';
  readonly scripts: readonly UnreviewedScript[];
  constructor(scripts: readonly UnreviewedScript[]) {
    const pages = new Set(scripts.map((script) => script.page));
    const listed = scripts.slice(0, 10).map((script) => `  ${script.page}, ${pageSource(script.page)}: <script>${script.excerpt}`);
    const more = scripts.length > listed.length ? [`  … and ${scripts.length - listed.length} more.`] : [];
    super(
      [
        `${pages.size} page${pages.size === 1 ? '' : 's'} of the built site carr${pages.size === 1 ? 'ies' : 'y'} an inline script that neither Astro bundled nor is on the reviewed list, and the Content-Security-Policy would have let it run:`,
        ...listed,
        ...more,
        "Such a script comes from content: remove it from the entry if it is MDX (MDX and set:html pass scripts through). From Markdown, an entry's fields, platform.yaml or governance.yaml it should have been sanitized or escaped: report that as a bug. If it is Starlight's or a component's after an update, review it and add its hash to src/build/reviewed-inline-scripts.ts as the comment there describes.",
      ].join('\n'),
    );
    this.scripts = scripts;
  }
}

/**
 * Completes each built page's Content-Security-Policy and moves it to the top of `<head>`.
 *
 * - Astro's `security.csp` hashes the scripts it bundles but not `is:inline` ones, and
 *   Starlight's theme, search-shortcut and sidebar scripts are `is:inline`. Their hashes come from
 *   a reviewed list (src/build/reviewed-inline-scripts.ts), never from the page: hashing whatever
 *   a page holds would also allow a script that content smuggled in. Any inline script that is on
 *   neither list stops the build with an UnreviewedScriptError naming the page and its entry.
 * - A `<meta>` policy only governs what the parser meets after it, and Astro writes it after the
 *   rest of the head (Starlight's theme script, and the print page's platform-named `<style>`,
 *   come first). It is moved to follow `<meta charset>`, which stays first because browsers only
 *   look for the encoding in the first 1024 bytes and the policy alone is longer.
 *
 * A page the pass completes is also written into Astro's cache of the pages it rendered
 * (`keepIn`), so that the next incremental build reuses the finished page. Which scripts are
 * reviewed is part of every page's cache key (src/site/page-keys.ts), so a kept page never carries
 * a hash the list no longer holds. With a ledger (src/build/kept-pages.ts), a page that is still
 * the very kept copy this pass completed and checked before is neither read nor checked again:
 * what the search step needs of it comes from the ledger, which the pass then writes anew.
 *
 * It also takes what the search step needs to know of each page as it is left (`searchPage`), so
 * no page is read twice. In a build, Astro's process has completed most pages as it wrote them
 * (src/build/policies-as-written.ts): those are taken as it recorded them, and not read at all.
 * A large site is read in two worker threads, one on each core, each taking half of the pages in
 * path order. Pages are replaced, never written in place (src/build/replace-file.ts); the build
 * writes into a staging folder that is discarded when this throws.
 */
export async function completeScriptHashes(siteDir: string, options: PolicyPassOptions = {}): Promise<PolicyPassResult> {
  const files = htmlFilesUnder(siteDir);
  const { keepIn, ledger } = options;
  const recorded = keepIn && ledger ? readLedger(ledger) : new Map<string, LedgerPage>();
  // Pages that are still their completed kept copy are taken as the ledger describes them; only
  // the others are read, in two workers when there are many.
  const reused = keepIn ? files.filter((page) => recorded.has(page) && isKeptCopy(join(siteDir, page), join(keepIn, page), recorded.get(page)!)) : [];
  const reusedSet = new Set(reused);
  // Pages completed as Astro wrote them (policies-as-written.ts) are taken as recorded.
  const asWritten = takeAsWritten(siteDir, files.filter((page) => !reusedSet.has(page)), options.asWritten ?? new Map(), keepIn);
  const toRead = asWritten.left;
  const workers = toRead.length >= (options.parallelFrom ?? PARALLEL_FROM) ? Math.min(2, availableParallelism()) : 1;
  const size = Math.ceil(toRead.length / workers);
  const parts = Array.from({ length: workers }, (_, i) => toRead.slice(i * size, (i + 1) * size));
  const job = (pages: readonly string[]): PagesJob => ({ siteDir, pages, keepIn });
  const read = workers === 1 ? [completePages(job(toRead))] : await Promise.all(parts.map((part) => inWorker(job(part))));
  const kept: PagesDone = {
    changed: 0,
    reused: reused.length,
    pages: reused.map((page) => ({ page, ...recorded.get(page)!.search })),
    unreviewed: [],
    ledger: reused.map((page) => [page, recorded.get(page)!] as const),
  };
  const done = [kept, asWritten.done, ...read];
  if (keepIn && ledger) writeLedger(ledger, new Map(done.flatMap((part) => part.ledger)));
  const unreviewed = done.flatMap((part) => part.unreviewed);
  if (unreviewed.length > 0) throw new UnreviewedScriptError(unreviewed);
  return {
    changed: done.reduce((sum, part) => sum + part.changed, 0),
    reused: done.reduce((sum, part) => sum + part.reused, 0),
    pages: inOrder(files, done.flatMap((part) => part.pages)),
  };
}

/** The pages in the order of `files`. */
function inOrder(files: readonly string[], pages: readonly SearchPage[]): SearchPage[] {
  const byPath = new Map(pages.map((page) => [page.page, page]));
  return files.map((file) => byPath.get(file)!);
}

export interface PolicyPassOptions {
  /** From how many pages on the pass runs in two worker threads. */
  readonly parallelFrom?: number;
  /** Astro's cache of the pages it rendered (`<cacheDir>/dist/`), where completed pages are kept too. */
  readonly keepIn?: string;
  /** The ledger of the kept pages (src/build/kept-pages.ts), read and written anew; used with `keepIn`. */
  readonly ledger?: string;
  /** The pages whose policy was completed as Astro wrote them (src/build/policies-as-written.ts). */
  readonly asWritten?: PagesAsWritten;
}

/** What the pass did: how many pages it rewrote and reused unread, and what the search step needs of every page, in path order. */
export interface PolicyPassResult {
  readonly changed: number;
  readonly reused: number;
  readonly pages: readonly SearchPage[];
}

/** One part of the pass: pages to read, by their paths in the site (forward slashes). */
export interface PagesJob {
  readonly siteDir: string;
  readonly pages: readonly string[];
  readonly keepIn?: string | undefined;
}

/** What one part of the pass found; the pass throws for all parts' unreviewed scripts at once. */
export interface PagesDone extends PolicyPassResult {
  readonly unreviewed: readonly UnreviewedScript[];
  /** The part's pages whose kept copy is now complete, as the next ledger records them. */
  readonly ledger: readonly (readonly [string, LedgerPage])[];
}

// Below this many pages, starting two workers (0.2–0.3 s) costs more than it saves.
const PARALLEL_FROM = 1_500;

/** Completes the policy of a part's pages. */
export function completePages(job: PagesJob): PagesDone {
  const unreviewed: UnreviewedScript[] = [];
  const seen: SearchPage[] = [];
  const ledger: (readonly [string, LedgerPage])[] = [];
  let changed = 0;
  for (const page of job.pages) {
    const file = join(job.siteDir, page);
    const kept = job.keepIn ? join(job.keepIn, page) : undefined;
    const completed = completePage(page, readFileSync(file));
    for (const excerpt of completed.unreviewed) unreviewed.push({ page, excerpt });
    const { search } = completed;
    seen.push(search);
    if (completed.changed) {
      replaceFile(file, completed.bytes);
      changed++;
    }
    if (!kept || completed.unreviewed.length > 0) continue;
    const stat = keepPage(file, kept, completed.bytes, completed.changed);
    if (stat) ledger.push([page, { size: stat.size, mtimeMs: stat.mtimeMs, search: { html: search.html, structure: search.structure, marked: search.marked } }]);
  }
  return { changed, reused: 0, pages: seen, unreviewed, ledger };
}

/**
 * The pages of `pages` whose policy was completed as Astro wrote them, as `asWritten` records them,
 * and those `left` to read: not recorded, of another size than recorded (written again since), or
 * with a kept copy that is not the page itself (Astro wrote it apart; reading the page makes the
 * copy a link to it).
 */
function takeAsWritten(siteDir: string, pages: readonly string[], asWritten: PagesAsWritten, keepIn: string | undefined): { done: PagesDone; left: string[] } {
  const left: string[] = [];
  const seen: SearchPage[] = [];
  const unreviewed: UnreviewedScript[] = [];
  const ledger: (readonly [string, LedgerPage])[] = [];
  let changed = 0;
  for (const page of pages) {
    const known = asWritten.get(page);
    const stat = known && keptStat(join(siteDir, page));
    const copy = known && keepIn ? keptStat(join(keepIn, page)) : undefined;
    if (!known || stat?.size !== known.size || (copy && copy.ino !== stat.ino)) {
      left.push(page);
      continue;
    }
    seen.push({ page, ...known.search });
    for (const excerpt of known.unreviewed) unreviewed.push({ page, excerpt });
    if (known.changed) changed++;
    if (copy && known.unreviewed.length === 0) ledger.push([page, { size: copy.size, mtimeMs: copy.mtimeMs, search: known.search }]);
  }
  return { done: { changed, reused: 0, pages: seen, unreviewed, ledger }, left };
}

/** Whether the page is its kept copy (one file, linked) and the copy is as the ledger recorded it. */
function isKeptCopy(file: string, kept: string, known: LedgerPage): boolean {
  const copy = keptStat(kept);
  return copy !== undefined && unchangedSince(known, copy) && keptStat(file)?.ino === copy.ino;
}

/**
 * Makes Astro's kept copy of a page, if it has one, the completed page, and returns the copy's
 * size and time once it is. The copy becomes a hard link to the page just completed (`file`), as
 * the pages an incremental build reuses are: neither read nor written again (at 30,000 entries,
 * 1.2 GB less to read or write). The link is made beside the copy and renamed over it, so another
 * build copying it reads one or the other. Where no link can be made (the site on another file
 * system), a changed page is written over the copy and an unchanged one compared with it. A copy
 * left as Astro wrote it is only slower: the pass completes it again next time.
 */
function keepPage(file: string, kept: string, page: Uint8Array, changed: boolean): { size: number; mtimeMs: number } | undefined {
  if (!existsSync(kept)) return undefined;
  try {
    if (!replaceWithLink(kept, file)) {
      if (changed) replaceFile(kept, page);
      else if (!readFileSync(kept).equals(page)) return undefined;
    }
    return keptStat(kept);
  } catch {
    return undefined;
  }
}

const WORKER = new URL('./csp-worker.ts', import.meta.url);

function inWorker(job: PagesJob): Promise<PagesDone> {
  return runWorker<PagesDone>(WORKER, job, "The policy pass's worker");
}

/** A page of the build completed from its bytes (`completePage`). */
export interface CompletedPage {
  /** The page to write: the bytes given when completing changed nothing. */
  readonly bytes: Uint8Array;
  readonly changed: boolean;
  /** The start of each inline script that may not run (see `completePolicy`). */
  readonly unreviewed: readonly string[];
  /** What the search step needs of the completed page. */
  readonly search: SearchPage;
}

/**
 * Completes the page at `page` (its path in the site) from its bytes, as the policy pass and
 * Astro's writes (policies-as-written.ts) both do, so that what one records is what the other
 * would have found. The page is read as its view (src/build/page-bytes.ts), never decoded.
 */
export function completePage(page: string, bytes: Uint8Array): CompletedPage {
  const view = pageView(bytes);
  const completed = completePolicy(view);
  const changed = completed.html !== view;
  const written = changed ? viewBytes(completed.html) : bytes;
  return { bytes: written, changed, unreviewed: completed.unreviewed, search: searchPage(page, completed.html, written) };
}

/** One page with its policy completed, and the start of each inline script that may not run. */
export interface CompletedPolicy {
  /** The completed page's view (src/build/page-bytes.ts), the same string when nothing changed. */
  readonly html: string;
  readonly unreviewed: readonly string[];
}

const REVIEWED = new Set(REVIEWED_INLINE_SCRIPTS.map((script) => script.hash));

/**
 * Completes one page's policy (see `completeScriptHashes`): the hashes of the reviewed scripts it
 * carries are added, and the policy moved to the top of `<head>`. Applying it to a completed page
 * changes nothing. Also lists, by their first 80 characters on one line, the inline scripts that
 * are neither hashed by Astro nor reviewed. The page is given, and returned, as its view
 * (src/build/page-bytes.ts); a page of ASCII alone is its own view.
 */
export function completePolicy(view: string): CompletedPolicy {
  const policy = META.exec(view)?.[1] ?? '';
  const bundled = new Set(/script-src ([^;]*)/.exec(policy)?.[1]?.trim().split(/\s+/) ?? []);
  const allowed = (hash: string) => bundled.has(hash) || REVIEWED.has(hash);
  // The quick reading of the page is enough when it finds nothing unexpected; otherwise the page
  // is parsed, because the text `<script>` may only be in an attribute (a title in og:title).
  const quick = inlineScripts(view);
  const scripts = quick.every((script) => allowed(script.hash)) ? quick : parsedInlineScripts(view);
  const missing = new Set<string>();
  const unreviewed: string[] = [];
  for (const script of scripts) {
    if (bundled.has(script.hash)) continue;
    if (REVIEWED.has(script.hash)) missing.add(script.hash);
    else {
      const excerpt = script.body.trim().replace(/\s+/g, ' ').slice(0, 80);
      if (!unreviewed.includes(excerpt)) unreviewed.push(excerpt);
    }
  }
  return { html: withPolicyFirst(view, missing), unreviewed };
}

/**
 * Returns the page with `hashes` added to its policy's `script-src` and the policy's `<meta>`
 * right after `<meta charset>` (or first in `<head>` without one). A page without a policy is
 * returned as it is.
 */
export function withPolicyFirst(html: string, hashes: ReadonlySet<string> = new Set()): string {
  const meta = META.exec(html);
  if (!meta) return html;
  const policy = meta[1] ?? '';
  const completed = hashes.size === 0 ? policy : policy.replace(/script-src ([^;]*)/, (_, sources: string) => `script-src ${sources.trim()} ${[...hashes].join(' ')}`);
  const element = meta[0].replace(policy, completed);
  const rest = html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
  const headEnd = rest.search(/<\/head>/i);
  const charset = CHARSET.exec(rest);
  const anchor = charset && (headEnd < 0 || charset.index < headEnd) ? charset : HEAD.exec(rest);
  if (!anchor) return html;
  const at = anchor.index + anchor[0].length;
  return rest.slice(0, at) + element + rest.slice(at);
}
