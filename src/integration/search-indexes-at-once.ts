import type { Plugin } from 'vite';
import { pagefindUiPatch } from './module-patch.ts';

/** Pagefind UI's loop that merges the further indexes, each awaited before the next is asked for. */
const MERGE_LOOP = /(\n[ \t]*)for \(const index of merge_index\) \{([^]*?)await imported_pagefind\.mergeIndex\(url, index\);(\s*)\}/;

/**
 * A Vite plugin that has the search box ask for all the indexes of a split search at once
 * (src/build/search-shards.ts).
 *
 * Pagefind UI merges them one after another, a round trip to Pagefind's worker and a request for
 * each index's entry file, then its metadata: at 10,000 entries, with eleven indexes, about 600 ms
 * before the first search could start, more than a reader takes to type a word. Pagefind keeps the
 * indexes in the order they were asked for, whatever order they load in, so the results are the same.
 */
export function searchIndexesAtOnce(): Plugin {
  return pagefindUiPatch({
    name: 'multiplane:search-indexes-at-once',
    file: 'src/integration/search-indexes-at-once.ts',
    what: 'merges its indexes',
    places: [MERGE_LOOP],
    patch: (code) => code.replace(MERGE_LOOP, '$1const merging = [];$1for (const index of merge_index) {$2merging.push(imported_pagefind.mergeIndex(url, index));$3}$1await Promise.all(merging);'),
  });
}
