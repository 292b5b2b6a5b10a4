import { createHash, type Hash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from '../core/markdown/facts-cache.ts';

/**
 * The search index of a build whose pages are byte for byte those of an earlier build is that
 * build's index: Pagefind reads nothing but the pages, and writes the same files for the same
 * pages (the incremental-equals-clean test compares them). So the index is kept in the build
 * cache under a key made of every page's path and text, and a build with the same key takes it
 * from there instead of running Pagefind again, which costs a quarter to a third of a build with
 * nothing changed. Pagefind has no way to add or replace single pages in an index it wrote, so
 * any change to any page still means a whole new index.
 */

// Bumped when what goes into the key, or how the index is written, changes.
const CACHE_VERSION = 1;
const PAGEFIND_VERSION = packageVersion(fileURLToPath(import.meta.resolve('pagefind')));
const INDEX_FOLDER = 'pagefind';
const KEY_FILE = 'key';

/** Collects the key of a built site's search index from its pages, in the order they are read. */
export class SearchKey {
  readonly #hash: Hash = createHash('sha256').update(`${CACHE_VERSION}\0${PAGEFIND_VERSION}\0`);
  #pages = 0;

  /** Adds one page: its path in the site (forward slashes) and its finished HTML. */
  add(page: string, html: string): void {
    this.#hash.update(`${page}\0${html.length}\0`).update(html);
    this.#pages++;
  }

  /** The key; undefined when the site has no pages (nothing to index, nothing worth keeping). */
  digest(): string | undefined {
    return this.#pages === 0 ? undefined : this.#hash.digest('hex');
  }
}

/**
 * Puts the kept index into `siteDir/pagefind/` when it was made from the same pages (`key`), and
 * returns the number of pages it holds; returns undefined when there is no such index.
 */
export function restoreSearchIndex(cacheDir: string, key: string, siteDir: string): number | undefined {
  const kept = join(cacheDir, INDEX_FOLDER);
  try {
    if (readFileSync(join(cacheDir, KEY_FILE), 'utf8').trim() !== key) return undefined;
    const pages = indexedPages(kept);
    const target = join(siteDir, INDEX_FOLDER);
    rmSync(target, { recursive: true, force: true });
    linkTree(kept, target);
    // Another build may have replaced the kept index while this one linked it.
    if (readFileSync(join(cacheDir, KEY_FILE), 'utf8').trim() !== key) throw new Error('The kept index changed.');
    return pages;
  } catch {
    // No kept index, or a damaged one: building a new one is always right.
    rmSync(join(siteDir, INDEX_FOLDER), { recursive: true, force: true });
    return undefined;
  }
}

/** How many pages a written index holds (pages without `data-pagefind-body` are not among them). */
export function indexedPages(indexDir: string): number {
  const entry = JSON.parse(readFileSync(join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/**
 * Keeps the index just written into `siteDir/pagefind/` under `key`, replacing the one kept
 * before. The new one is assembled beside the old, with its key, and renamed into place, so a
 * reader sees either the old index with its key or the new one with its own. Keeping is a saving,
 * not part of the build: when it fails (another build of the same content replacing it at the
 * same moment), the build goes on and the next one indexes again.
 */
export function keepSearchIndex(cacheDir: string, key: string, siteDir: string): void {
  const fresh = `${cacheDir}.new-${process.pid}`;
  try {
    rmSync(fresh, { recursive: true, force: true });
    linkTree(join(siteDir, INDEX_FOLDER), join(fresh, INDEX_FOLDER));
    writeFileSync(join(fresh, KEY_FILE), `${key}\n`);
    rmSync(cacheDir, { recursive: true, force: true });
    mkdirSync(dirname(cacheDir), { recursive: true });
    renameSync(fresh, cacheDir);
  } catch {
    // See above: the next build indexes again.
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

/**
 * Recreates a folder's files under `to` as hard links: no bytes are copied, and neither side is
 * ever written in place (Pagefind writes new files; builds replace whole folders). Where a link
 * cannot be made (another file system), the file is copied.
 */
function linkTree(from: string, to: string): void {
  if (!existsSync(from)) throw new Error(`${from} does not exist.`);
  mkdirSync(to, { recursive: true });
  for (const dirent of readdirSync(from, { withFileTypes: true, recursive: true })) {
    const source = join(dirent.parentPath, dirent.name);
    const target = join(to, relative(from, source));
    if (dirent.isDirectory()) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    if (!dirent.isFile()) continue;
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

