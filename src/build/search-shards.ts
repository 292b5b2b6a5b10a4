import { hash } from 'node:crypto';
import { INDEX_PAGES_FOLDER } from '../core/content/entry-id.ts';
import { COLLECTIONS } from '../core/schemas/index.ts';

/**
 * How a built site's pages are split between search indexes.
 *
 * Pagefind cannot add or replace a page in an index it wrote, so one index over the whole site
 * is written again, whole, whenever any page's text changes: 6 s of a 3,000-entry build and most
 * of a one-entry change. Pagefind UI searches several indexes as one (`mergeIndex`), so a large
 * site gets several: one for the site's own pages (home, planes, collection indexes, the
 * dashboard), which show many entries and change with them, and entry pages spread over the others
 * by a hash of their path, so that a page stays in the same index from build to build. A change
 * to one entry then writes its own index again and the site pages', and takes the others from the
 * build cache (src/build/search-step.ts). Each index is also written in a process of its own, two
 * at a time, so no process ever holds the whole site's index.
 *
 * A site with no more entries than fit one index keeps one index, exactly as Starlight writes it.
 */

/**
 * Entry pages per index for a small site: smaller indexes are rewritten sooner when one page
 * changes (Pagefind takes about 2.5 ms a page, whatever the index's size), but each index costs
 * every search its own word chunks, and its metadata and filters (which come in one file for all
 * the indexes, src/build/search-pack.ts), and Pagefind's worker sets each one up and searches it.
 */
export const ENTRY_PAGES_PER_INDEX = 150;

/**
 * Past this many entry indexes, indexes grow instead of multiplying, up to
 * `MAX_ENTRY_PAGES_PER_INDEX` pages. The search box asks for every index at once
 * (src/integration/search-indexes-at-once.ts), but in a fresh browser Pagefind's worker sets up
 * each index (its entry file, metadata and filters) before it searches any: at 10,000 entries the
 * first search of "restore" showed its results in 221–311 ms with ten indexes, 236–335 ms with
 * fifteen and 297–475 ms with twenty (up to 741 ms in other runs), measured by turns in fresh
 * browsers on builds of the same pages (docs/performance.md). Fewer, larger indexes make a one-entry
 * change rewrite a larger one: its search step took 0.8–1.1 s with twenty of 150 pages at 3,000
 * entries against 1.4–1.8 s with ten of 300, and 2.0–2.6 s with twenty of 500 at 10,000 against
 * 3.2–3.6 s with ten of 1,000. Fifteen keeps the first search under 500 ms at a cost of a
 * third more pages to rewrite than twenty. (Measured before the search pack, when each index's
 * metadata and filters were requests of their own.)
 */
export const ENTRY_INDEXES_BEFORE_GROWING = 15;

/** The largest index the default layout makes: a Pagefind process holds about 200 MB per thousand pages, two at a time. */
export const MAX_ENTRY_PAGES_PER_INDEX = 3_000;

/**
 * Entry pages per index by default for a site of `entries` entries: 150 up to 2,250 entries, then
 * a fifteenth of the entries, up to three thousand. The number of indexes
 * never falls as a site grows (so pages move between indexes only when one is added).
 */
export function defaultEntryPagesPerIndex(entries: number): number {
  return Math.min(MAX_ENTRY_PAGES_PER_INDEX, Math.max(ENTRY_PAGES_PER_INDEX, Math.ceil(entries / ENTRY_INDEXES_BEFORE_GROWING)));
}

/** The folder of the index the search box loads first; Starlight's search UI expects it. */
export const PRIMARY_INDEX = 'pagefind';

/** Where the search indexes of a site with `entries` published entries go. */
export interface SearchLayout {
  /** The index folders, relative to the site's root; the first is `pagefind`. */
  readonly indexes: readonly string[];
}

/**
 * The layout for a site of `entries` published entries: one index up to `perIndex` entries, else
 * the site pages' index and `ceil(entries / perIndex)` entry indexes. It must be known before the
 * site is built, because the search box's code names every index.
 */
export function searchLayout(entries: number, perIndex: number = defaultEntryPagesPerIndex(entries)): SearchLayout {
  if (!Number.isInteger(perIndex) || perIndex < 1) throw new RangeError(`Entry pages per search index must be a positive whole number, not ${perIndex}.`);
  const entryIndexes = entries > perIndex ? Math.ceil(entries / perIndex) : 0;
  return { indexes: [PRIMARY_INDEX, ...Array.from({ length: entryIndexes }, (_, i) => `${PRIMARY_INDEX}-${i + 1}`)] };
}

/** The indexes beside the primary one, which the search box merges into its results. */
export function mergedIndexes(layout: SearchLayout): readonly string[] {
  return layout.indexes.filter(isMergedIndex);
}

/** Whether an index is one the search box merges into the primary one's results. */
export function isMergedIndex(index: string): boolean {
  return index !== PRIMARY_INDEX;
}

/** The collections whose entries each have a page (platform.yaml has none: it is the home page). */
export const ENTRY_COLLECTION_FOLDERS: ReadonlySet<string> = new Set(
  Object.values(COLLECTIONS)
    .filter((definition) => definition.source.kind === 'folder')
    .map((definition) => definition.name),
);

/**
 * The index a built page goes into, by its path in the site (`services/api/index.html`), before
 * `assignPages` fills empty indexes. An entry page is `<collection>/<id>/index.html`; every other
 * page (the collection's own index and its further pages under `page/`, home, planes, the
 * dashboard) is a site page.
 */
export function indexOfPage(layout: SearchLayout, page: string): string {
  if (layout.indexes.length === 1) return PRIMARY_INDEX;
  const [collection, second, ...rest] = page.split('/');
  const entryPage = collection !== undefined && ENTRY_COLLECTION_FOLDERS.has(collection) && second !== undefined && rest.length > 0 && second !== INDEX_PAGES_FOLDER;
  if (!entryPage) return PRIMARY_INDEX;
  const slot = hash('sha1', page, 'buffer').readUInt32BE(0) % (layout.indexes.length - 1);
  return layout.indexes[slot + 1]!;
}

/** The path in the site of an entry's page (`services/api/index.html`), as `indexOfPage` reads it. */
export function entryPagePath(collection: string, id: string): string {
  return `${collection}/${id}/index.html`;
}

/**
 * `items` (entry pages, each at `pathOf(item)`) index by index, each index's pages in path order.
 * Astro renders a route's pages in the order its `getStaticPaths` lists them: in this order it
 * finishes one index's pages before it starts the next's, and Pagefind can write that index while
 * Astro renders the rest (src/build/early-search.ts). The order changes no page.
 */
export function inIndexOrder<T>(layout: SearchLayout, items: readonly T[], pathOf: (item: T) => string): T[] {
  const keyed = items.map((item) => {
    const path = pathOf(item);
    return { item, path, index: layout.indexes.indexOf(indexOfPage(layout, path)) };
  });
  keyed.sort((a, b) => a.index - b.index || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return keyed.map(({ item }) => item);
}

/**
 * Splits the pages to index (paths in the site, in any order) between the layout's indexes.
 *
 * Pagefind UI fails every search when one of the indexes it merges holds no page, so none may be
 * empty. Hashing leaves one empty only when there are few entry pages for the indexes (a small
 * `--search-index-entries`); an empty index then takes the last page of the largest one. The
 * result depends only on the set of pages, so a build and a clean build of the same pages agree.
 */
export function assignPages(layout: SearchLayout, pages: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>(layout.indexes.map((index) => [index, []]));
  for (const page of [...pages].sort()) groups.get(indexOfPage(layout, page))!.push(page);
  if (layout.indexes.length === 1) return groups;
  for (const group of groups.values()) {
    if (group.length > 0) continue;
    const largest = [...groups.values()].reduce((a, b) => (b.length > a.length ? b : a));
    if (largest.length < 2) break;
    group.push(largest.pop()!);
  }
  return groups;
}
