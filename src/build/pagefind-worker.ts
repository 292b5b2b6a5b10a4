import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { linkPages } from './link-files.ts';
import { CLOSE } from './pagefind-workers.ts';
import { workerError } from './run-worker.ts';

/**
 * Pagefind runs, in a worker thread of their own (src/build/pagefind-workers.ts): Pagefind's Node
 * API drives one service process per module instance, and each worker loads its own, so two
 * indexes are written at once, one on each core. A worker takes one job at a time and keeps its
 * service for the next, each index deleted from it once written; the service ends with the worker.
 */

export interface PagefindJob {
  /** The built site. */
  readonly siteDir: string;
  /** The pages to index, by their paths in the site. */
  readonly pages: readonly string[];
  /** An empty folder to gather them in (as links), at their paths in the site. */
  readonly pagesDir: string;
  /** The pages are in `pagesDir` already: the caller linked them while the site could still change. */
  readonly gathered?: boolean;
  /** Where to write the index; without it the index is only read, for what it holds of each page. */
  readonly outputPath?: string;
  /**
   * The index is one the search box merges into the first (src/build/search-shards.ts): written
   * without Pagefind's scripts and engine, which only the first index's are loaded of.
   */
  readonly merged?: boolean;
}

/**
 * What a merged index leaves out: Pagefind's scripts and styles (its UI, its search worker) and
 * its engine (`wasm.<language>.pagefind`), about 0.6 MB in every index folder. The search box
 * loads them from the first index; a merged index only gives it its entry file, metadata, word,
 * filter and fragment chunks, and Pagefind UI fetches nothing else from it.
 */
const NOT_IN_MERGED_INDEX = /^(?:.+\.(?:js|css)|wasm\..+\.pagefind)$/;

/** Removes from a written index what a merged index needs none of (`NOT_IN_MERGED_INDEX`). */
function leaveOutScripts(indexDir: string): void {
  for (const entry of readdirSync(indexDir, { withFileTypes: true })) {
    if (entry.isFile() && NOT_IN_MERGED_INDEX.test(entry.name)) rmSync(join(indexDir, entry.name), { force: true });
  }
}

export interface PagefindJobResult {
  /** Pages the index holds (pages without `data-pagefind-body` are left out when any page has it). */
  readonly pages: number;
  /** For each indexed page, by its URL in the site (`/services/api/`), a digest of what Pagefind took from it. */
  readonly digests: Readonly<Record<string, string>>;
}

/** The signature Pagefind puts before the JSON of each compressed fragment. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * A page's fragment is everything Pagefind took from it: its text, anchors (headings with their
 * level), filters and metadata. Returns the page's URL and a digest of the fragment.
 */
export function fragmentDigest(compressed: Uint8Array): [url: string, digest: string] {
  const bytes = gunzipSync(compressed);
  const text = bytes.toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error('Pagefind wrote a fragment in a form this version of Multiplane does not read.');
  const { url } = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { url?: unknown };
  if (typeof url !== 'string') throw new Error('A Pagefind fragment names no page.');
  return [url, createHash('sha256').update(bytes).digest('base64url')];
}

/**
 * Writes one index. With `keepService`, Pagefind's service stays for the next job, the index
 * deleted from it; otherwise, and after any failure, the service is closed (a next job starts a
 * new one).
 */
export async function runPagefindJob(job: PagefindJob, keepService = false): Promise<PagefindJobResult> {
  const check = <T extends { errors: string[] }>(response: T): T => {
    if (response.errors.length > 0) throw new Error(`Pagefind: ${response.errors.join('; ')}`);
    return response;
  };
  let index: pagefind.PagefindIndex | undefined;
  let kept = false;
  try {
    index = check(await pagefind.createIndex()).index;
    if (!index) throw new Error('Pagefind did not create an index.');
    if (!job.gathered) linkPages(job.siteDir, job.pages, job.pagesDir);
    const { page_count: pages } = check(await index.addDirectory({ path: job.pagesDir }));
    const digests: Record<string, string> = {};
    if (job.outputPath) {
      const { outputPath } = check(await index.writeFiles({ outputPath: job.outputPath }));
      if (job.merged) leaveOutScripts(outputPath);
      const fragments = join(outputPath, 'fragment');
      for (const name of pages > 0 ? readdirSync(fragments) : []) {
        const [url, digest] = fragmentDigest(readFileSync(join(fragments, name)));
        digests[url] = digest;
      }
    } else {
      const { files } = check(await index.getFiles());
      for (const file of files) {
        if (!file.path.startsWith('fragment/')) continue;
        const [url, digest] = fragmentDigest(file.content);
        digests[url] = digest;
      }
    }
    if (keepService) {
      try {
        await index.deleteIndex();
        kept = true;
      } catch {
        // The index is written: the service is closed below, and the next job starts another.
      }
    }
    return { pages, digests };
  } finally {
    if (!kept) await pagefind.close();
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (message: PagefindJob | typeof CLOSE) => {
    if (message === CLOSE) {
      void pagefind.close().then(() => port.close());
      return;
    }
    runPagefindJob(message, true).then(
      (result) => port.postMessage({ result }),
      (error: unknown) => port.postMessage(workerError(error)),
    );
  });
}
