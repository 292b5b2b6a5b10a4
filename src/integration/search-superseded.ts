import type { Plugin } from 'vite';
import { pagefindUiPatch } from './module-patch.ts';

/** The start of Pagefind UI's search, which each debounced keystroke calls. */
const SEARCH_START = /(\n[ \t]*)const search = async \(term, filters\) => \{/;
/** Where a search, past its waits, numbers itself and asks Pagefind. */
const SEARCH_ASKS = /(\n[ \t]*)const local_search_id = \+\+search_id;/;

/**
 * A Vite plugin that drops a search overtaken while it waited, before it reaches Pagefind.
 *
 * A search waits for Pagefind and its indexes to load (and for the filters,
 * src/integration/search-filters-first.ts). A reader who pauses longer than the debounce
 * mid-word starts a search for the half-typed word, which waits too, and on a large site it can
 * wait a second. Pagefind UI only ignores that search's results, after Pagefind's one worker has
 * run it: at 10,000 entries the worker ran "restor" (64–171 ms) before "restore". Now a search
 * that finds, once its waits are over, that a later one was started, or that the box no longer
 * holds its words (a later one is on its way), returns without asking Pagefind. The later one
 * ends the loading state.
 */
export function searchSuperseded(): Plugin {
  return pagefindUiPatch({
    name: 'multiplane:search-superseded',
    file: 'src/integration/search-superseded.ts',
    what: 'starts its searches',
    places: [SEARCH_START, SEARCH_ASKS, (code) => code.includes('let val = "";')],
    patch: (code) =>
      code
        .replace(SEARCH_START, '$1let searches_started = 0;$&$1  const started = ++searches_started;')
        .replace(SEARCH_ASKS, '$1if (started !== searches_started || (val && val !== search_term)) return;$&'),
  });
}
