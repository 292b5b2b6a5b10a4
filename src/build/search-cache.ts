import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
const CACHE_VERSION = 3;
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
}

/** What the cache held when it was read. */
export interface KeptCache {
  readonly stamp: string;
  /** The usable indexes, by folder. */
  readonly indexes: KeptIndexes;
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
  for (const index of indexes) {
    const pages = manifest.indexes[index]!;
    const fragments = Object.values(pages).filter((page) => page.fragment !== undefined).length;
    if (indexedPages(join(cacheDir, index)) === fragments) usable[index] = pages;
  }
  return { stamp: manifest.stamp, indexes: usable };
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

/** Puts a kept index into the site: its files are linked, not copied. */
export function restoreIndex(cacheDir: string, index: string, siteDir: string): void {
  const target = join(siteDir, index);
  rmSync(target, { recursive: true, force: true });
  linkTree(join(cacheDir, index), target);
}

/**
 * Keeps the site's indexes (`indexes`, as now in `siteDir`) with their manifest, replacing what
 * was kept before. The new cache is assembled beside the old one and renamed into place, so a
 * reader sees either the old indexes with their manifest or the new ones with theirs. Keeping is a
 * saving, not part of the build: when it fails (another build of the same content replacing it at
 * the same moment), the build goes on and the next one writes its indexes again.
 */
export function keepIndexes(cacheDir: string, siteDir: string, indexes: KeptIndexes): void {
  const fresh = `${cacheDir}.new-${process.pid}`;
  const old = `${cacheDir}.old-${process.pid}`;
  try {
    rmSync(fresh, { recursive: true, force: true });
    for (const index of Object.keys(indexes)) linkTree(join(siteDir, index), join(fresh, index));
    const manifest: Manifest = { version: CACHE_VERSION, pagefind: PAGEFIND_VERSION, stamp: randomUUID(), indexes };
    writeFileSync(join(fresh, MANIFEST), JSON.stringify(manifest));
    mkdirSync(dirname(cacheDir), { recursive: true });
    // Renamed aside rather than deleted in place: a build linking files out of the old cache then
    // fails on a missing file, and writes that index itself, instead of linking half of it.
    if (existsSync(cacheDir)) renameSync(cacheDir, old);
    renameSync(fresh, cacheDir);
  } catch {
    // See above: the next build writes its indexes again.
  } finally {
    rmSync(fresh, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}
