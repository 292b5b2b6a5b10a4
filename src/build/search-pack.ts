import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFile } from './replace-file.ts';
import { GUNZIP_RUNTIME, PAGEFIND_GZIPPED } from './search-gunzip.ts';
import { PRIMARY_INDEX, type SearchLayout } from './search-shards.ts';

/** The field of the primary index's `pagefind-entry.json` that names the pack, in the primary index's folder. */
export const PACK_FIELD = 'multiplane_pack';

/** Pagefind's worker's one fetch, which every file of every index goes through. */
const WORKER_FETCH = 'const response=await fetch(queued.input);';

/** The worker's fetch, through the pack: the files packed are answered from it. */
const PACKED_FETCH = 'const response=await multiplanePackedFetch(queued.input);';

/** A built site whose Pagefind no longer fetches its files as this module expects. */
export class SearchPackError extends Error {}

/** What `packSearchIndexes` did. */
export interface SearchPack {
  /** The pack's path in the site: `pagefind/multiplane-pack.<hash>.bin`. */
  readonly file: string;
  /** Files the pack holds, each a request fewer for the first search. */
  readonly files: number;
  readonly bytes: number;
}

/**
 * Packs the files every first search loads from every index into one file, and has Pagefind's
 * worker read them from there.
 *
 * Before Pagefind searches, it loads each index's entry file, its metadata and one file per
 * filter (src/build/search-shards.ts splits a large site into up to sixteen indexes): at 10,000
 * entries 92 small requests. A browser asks a host for six at a time over HTTP/1.1, each a few
 * milliseconds even on this machine, and the first search waited for the queue: 0.6–1.2 s from
 * the last keystroke (docs/performance.md). These files are loaded whole for every search, so one
 * request for all of them moves the same bytes. The word chunks and the result fragments, which
 * depend on the query, are still fetched one by one.
 *
 * The pack is named by a hash of its contents, so a browser may keep it; the primary index's
 * entry file, which Pagefind fetches fresh on each page view, names it (`PACK_FIELD`). Without a
 * pack, or when it fails to load, the worker fetches each file as before. Files are replaced, not
 * written in place: the indexes are hard links to the search cache's copies (src/build/search-cache.ts).
 */
export function packSearchIndexes(siteDir: string, layout: SearchLayout): SearchPack {
  const primary = join(siteDir, PRIMARY_INDEX);
  const worker = join(primary, 'pagefind-worker.js');
  const code = readFileSync(worker, 'utf8');
  if (!code.includes(WORKER_FETCH)) {
    throw new SearchPackError(`Pagefind's worker (${PRIMARY_INDEX}/pagefind-worker.js) no longer fetches its files as src/build/search-pack.ts expects; update it.`);
  }
  const files = layout.indexes.flatMap((index) => packedFiles(siteDir, index));
  const header = Buffer.from(JSON.stringify(files.map(({ path, bytes }) => [path, bytes.length])));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const pack = Buffer.concat([length, header, ...files.map(({ bytes }) => bytes)]);
  const name = `multiplane-pack.${createHash('sha256').update(pack).digest('hex').slice(0, 16)}.bin`;
  replaceFile(join(primary, name), pack);

  const entryFile = join(primary, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as Record<string, unknown>;
  replaceFile(entryFile, JSON.stringify({ ...entry, [PACK_FIELD]: name }));
  replaceFile(worker, `${PACK_RUNTIME}\n${code.replace(WORKER_FETCH, PACKED_FETCH)}`);
  return { file: `${PRIMARY_INDEX}/${name}`, files: files.length, bytes: pack.length };
}

/**
 * The files of an index a search loads whatever its query, by their path in the site, in a fixed
 * order: the entry file (but the primary index's, which names the pack), the metadata, the filters.
 */
function packedFiles(siteDir: string, index: string): { path: string; bytes: Buffer }[] {
  const folder = join(siteDir, index);
  const names = [
    ...(index === PRIMARY_INDEX ? [] : ['pagefind-entry.json']),
    ...readdirSync(folder).filter((name) => name.endsWith('.pf_meta')).sort(),
    ...(existsSync(join(folder, 'filter')) ? readdirSync(join(folder, 'filter')).filter((name) => name.endsWith('.pf_filter')).sort().map((name) => `filter/${name}`) : []),
  ];
  return names.map((name) => ({ path: `${index}/${name}`, bytes: readFileSync(join(folder, name)) }));
}

/**
 * The pack's reader, put before Pagefind's worker code. It runs in the worker, which Pagefind
 * loads from the primary index's folder, so the site's root is the folder above it. The primary
 * entry file is fetched once, for the pack's name; every packed file is then answered from the
 * pack, and any other (word chunks, fragments, a file the pack lacks) from the network. Whichever
 * way a file Pagefind stores compressed comes, the browser inflates it (src/build/search-gunzip.ts).
 */
export const PACK_RUNTIME = `${GUNZIP_RUNTIME}
var multiplanePackedFetch = (() => {
  const primary = new URL('./', self.location.href);
  const site = new URL('../', primary).pathname;
  const entry = new URL('pagefind-entry.json', primary).pathname;
  const packed = /(^|\\/)(pagefind-entry\\.json|[^/]+\\.pf_meta|filter\\/[^/]+\\.pf_filter)$/;
  let loading;
  const load = () => (loading ??= (async () => {
    const response = await fetch(entry + '?ts=' + Date.now());
    if (!response.ok) return undefined;
    const entryBytes = new Uint8Array(await response.arrayBuffer());
    const files = new Map([[entry, entryBytes]]);
    try {
      const name = JSON.parse(new TextDecoder().decode(entryBytes))[${JSON.stringify(PACK_FIELD)}];
      if (typeof name !== 'string') return files;
      const pack = await fetch(new URL(name, primary));
      if (!pack.ok) return files;
      const bytes = new Uint8Array(await pack.arrayBuffer());
      const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
      let offset = 4 + headerLength;
      const found = new Map();
      for (const [path, length] of JSON.parse(new TextDecoder().decode(bytes.subarray(4, offset)))) {
        found.set(site + path, bytes.subarray(offset, offset + length));
        offset += length;
      }
      if (offset !== bytes.length) return files;
      for (const [path, body] of found) files.set(path, body);
    } catch {
      // A pack that cannot be read is left aside: each file is fetched on its own.
    }
    return files;
  })().catch(() => undefined));
  const gzipped = ${PAGEFIND_GZIPPED};
  const inflated = async (path, bytes) => new Response(gzipped.test(path) ? await multiplaneGunzip(bytes) : bytes, { status: 200 });
  const fetched = async (input, url) => {
    const response = await fetch(input);
    if (!response.ok || !gzipped.test(url.pathname)) return response;
    return inflated(url.pathname, new Uint8Array(await response.arrayBuffer()));
  };
  return async (input) => {
    const url = new URL(input, self.location.href);
    if (url.origin !== self.location.origin || !packed.test(url.pathname)) return fetched(input, url);
    const body = (await load())?.get(url.pathname);
    return body ? inflated(url.pathname, body) : fetched(input, url);
  };
})();`;
