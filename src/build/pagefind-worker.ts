import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { linkPages } from './link-files.ts';
import { workerError } from './run-worker.ts';

/**
 * One Pagefind run, in a worker thread of its own: Pagefind's Node API drives one service process
 * per module instance, and each worker loads its own, so two indexes are written at once, one on
 * each core, and each service process exits with its index.
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

export async function runPagefindJob(job: PagefindJob): Promise<PagefindJobResult> {
  const check = <T extends { errors: string[] }>(response: T): T => {
    if (response.errors.length > 0) throw new Error(`Pagefind: ${response.errors.join('; ')}`);
    return response;
  };
  try {
    const { index } = check(await pagefind.createIndex());
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
    return { pages, digests };
  } finally {
    await pagefind.close();
  }
}

if (parentPort) {
  const port = parentPort;
  runPagefindJob(workerData as PagefindJob).then(
    (result) => port.postMessage({ result }),
    (error: unknown) => port.postMessage(workerError(error)),
  );
}
