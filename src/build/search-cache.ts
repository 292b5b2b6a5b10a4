import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../core/markdown/facts-cache.ts';
import { linkTree } from './link-files.ts';

/**
 * The search indexes of the last build, kept in the build cache with what each was made from, so
 * that the next build writes again only the indexes whose pages give Pagefind something new
 * (src/build/search-step.ts).
 *
 * For every page the cache records the digest of its HTML and the digest of its Pagefind fragment
 * (what Pagefind took from it: its text, headings, filters and title). An index is a function of
 * its pages' fragments, languages and headings (which weigh words): a page whose HTML changed but whose fragment did not (its relations, which
 * the index leaves out, name a renamed neighbour) leaves its index as it was.
 */

// Bumped when what the manifest records, or how the indexes are laid out, changes.
// 5: a merged index keeps none of Pagefind's scripts (src/build/pagefind-worker.ts).
const CACHE_VERSION = 5;
const PAGEFIND_VERSION = packageVersion(fileURLToPath(import.meta.resolve('pagefind')));
const MANIFEST = 'manifest.json';

/**
 * What the cache knows of one page of an index: the digests of its HTML, of what Pagefind reads of
 * it besides its fragment (language, headings, Pagefind attributes: `structureDigest` in
 * src/build/search-step.ts), and of its fragment when Pagefind indexed it.
 */
export interface KeptPage {
  readonly html: string;
  readonly structure: string;
  readonly fragment?: string;
}

/** The kept indexes: by index folder, by page path in the site. */
export type KeptIndexes = Readonly<Record<string, Readonly<Record<string, KeptPage>>>>;

interface Manifest {
  readonly version: number;
  readonly pagefind: string;
  /** Tells one kept cache from the next: a build that restored indexes checks it has not changed since. */
  readonly stamp: string;
  readonly indexes: KeptIndexes;
  /** Where each index is kept: a folder of the cache, named anew each time the index is written. */
  readonly folders: Readonly<Record<string, string>>;
}

/** What the cache held when it was read. */
export interface KeptCache {
  readonly stamp: string;
  /** The usable indexes, by folder. */
  readonly indexes: KeptIndexes;
  /** The cache folder of each usable index. */
  readonly folders: Readonly<Record<string, string>>;
}

/**
 * Reads what the cache holds for a layout of `indexes` (folder names), or undefined when it holds
 * nothing usable: no manifest, another version of the cache or of Pagefind, or other indexes.
 * An index whose folder is missing or damaged is left out, so it is written again.
 */
export function readKeptIndexes(cacheDir: string, indexes: readonly string[]): KeptCache | undefined {
  const manifest = readManifest(cacheDir);
  if (!manifest) return undefined;
  if (manifest.version !== CACHE_VERSION || manifest.pagefind !== PAGEFIND_VERSION) return undefined;
  const kept = Object.keys(manifest.indexes ?? {});
  if (kept.length !== indexes.length || !indexes.every((index) => kept.includes(index))) return undefined;
  const usable: Record<string, Readonly<Record<string, KeptPage>>> = {};
  const folders: Record<string, string> = {};
  for (const index of indexes) {
    const pages = manifest.indexes[index]!;
    const folder = manifest.folders?.[index];
    if (typeof folder !== 'string' || !isKeptFolderName(folder)) continue;
    const fragments = Object.values(pages).filter((page) => page.fragment !== undefined).length;
    if (indexedPages(join(cacheDir, folder)) !== fragments) continue;
    usable[index] = pages;
    folders[index] = folder;
  }
  return { stamp: manifest.stamp, indexes: usable, folders };
}

/** The stamp of what the cache holds now; another build may have replaced it since it was read. */
export function keptStamp(cacheDir: string): string | undefined {
  return readManifest(cacheDir)?.stamp;
}

function readManifest(cacheDir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(cacheDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** How many pages a written index holds; undefined when it cannot be read. */
export function indexedPages(indexDir: string): number | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
    return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
  } catch {
    return undefined;
  }
}

/** Puts a kept index (`kept.folders[index]`) into the site: its files are linked, not copied. */
export function restoreIndex(cacheDir: string, kept: KeptCache, index: string, siteDir: string): void {
  const target = join(siteDir, index);
  rmSync(target, { recursive: true, force: true });
  linkTree(join(cacheDir, kept.folders[index]!), target);
}

/** The kept indexes, linked ahead into a folder of the build's own while the site is built (`restoreAhead`). */
export interface IndexesAhead {
  /** What the cache held when it was read. */
  readonly kept: KeptCache | undefined;
  /** Where each index linked ahead is, as `<folder>/<index>`. */
  readonly folder: string;
  /** The indexes linked ahead, once all are; never rejects. */
  readonly linked: Promise<ReadonlySet<string>>;
}

/**
 * Reads the cache for a layout of `indexes` and links every usable kept index into `folder`, one
 * index per turn of the event loop, while Astro's process builds the site and this one waits. The
 * search step then moves in, by a rename, those of them its pages let it take: linking them there,
 * beside the Pagefind runs of the indexes that changed, took 1.2 s of a one-entry change at
 * 10,000 entries, on the cores those runs needed. Whatever is not taken goes with `folder`.
 *
 * The cache may be replaced before the search step by another build of the same content: the step
 * checks the cache's stamp as it does for indexes it restores itself (src/build/search-step.ts).
 */
export function restoreAhead(cacheDir: string, indexes: readonly string[], folder: string): IndexesAhead {
  const kept = readKeptIndexes(cacheDir, indexes);
  const linked = new Set<string>();
  const link = async (): Promise<ReadonlySet<string>> => {
    for (const index of Object.keys(kept?.folders ?? {})) {
      await new Promise((resolve) => setImmediate(resolve));
      try {
        restoreIndex(cacheDir, kept!, index, folder);
        linked.add(index);
      } catch {
        // Replaced meanwhile, or the folder could not be made: the search step restores it itself.
        rmSync(join(folder, index), { recursive: true, force: true });
      }
    }
    return linked;
  };
  return { kept, folder, linked: link().catch(() => linked) };
}

/** Moves an index linked ahead (`restoreAhead`) into the site. */
export function moveAheadIndex(ahead: IndexesAhead, index: string, siteDir: string): void {
  const target = join(siteDir, index);
  rmSync(target, { recursive: true, force: true });
  renameSync(join(ahead.folder, index), target);
}

/**
 * Keeps the site's indexes (`indexes`, as now in `siteDir`) with their manifest, replacing what
 * was kept before. An index taken from the cache by this build (`restored`, from the cache as
 * `kept`) stays in its folder; the others are linked from the site into new folders. The manifest
 * is replaced whole, by a rename, so a reader sees either the old manifest or the new one, each
 * naming folders that hold what it says; folders no manifest names any more are removed after.
 *
 * Keeping is a saving, not part of the build: when it fails (another build of the same content
 * replacing it at the same moment), the build goes on and the next one writes its indexes again.
 */
export function keepIndexes(cacheDir: string, siteDir: string, indexes: KeptIndexes, restored: readonly string[] = [], kept?: KeptCache): void {
  const made: string[] = [];
  const written = join(cacheDir, `${MANIFEST}.${process.pid}`);
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Restored from the folders the cache names now: another build may have replaced them since.
    const current = readManifest(cacheDir);
    const unchanged = kept !== undefined && current?.stamp === kept.stamp;
    const folders: Record<string, string> = {};
    for (const index of Object.keys(indexes)) {
      if (unchanged && restored.includes(index) && kept.folders[index] !== undefined) {
        folders[index] = kept.folders[index];
        continue;
      }
      const folder = keptFolderName(index);
      made.push(folder);
      linkTree(join(siteDir, index), join(cacheDir, folder));
      folders[index] = folder;
    }
    const manifest: Manifest = { version: CACHE_VERSION, pagefind: PAGEFIND_VERSION, stamp: randomUUID(), indexes, folders };
    writeFileSync(written, JSON.stringify(manifest));
    renameSync(written, join(cacheDir, MANIFEST));
    made.length = 0;
    // What no manifest names any more: the indexes this build wrote again, older layouts. (A
    // folder another build is filling at this moment goes too: that build's keeping fails, and
    // the next build writes the index again.) Another build's manifest, about to be renamed, stays.
    const named = new Set(Object.values(folders));
    for (const name of readdirSync(cacheDir)) {
      if (name === MANIFEST || named.has(name) || name.startsWith(`${MANIFEST}.`)) continue;
      rmSync(join(cacheDir, name), { recursive: true, force: true });
    }
  } catch {
    // See above: the next build writes its indexes again.
    for (const folder of made) rmSync(join(cacheDir, folder), { recursive: true, force: true });
    rmSync(written, { force: true });
  }
}

/** A new folder name for an index in the cache: `pagefind-2` is kept as `pagefind-2~<id>`. */
function keptFolderName(index: string): string {
  return `${index}~${randomUUID().slice(0, 8)}`;
}

function isKeptFolderName(name: string): boolean {
  return /^[\w-]+~[0-9a-f]{8}$/.test(name);
}
