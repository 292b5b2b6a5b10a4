import type { Plugin } from 'vite';
import { pagefindUiPatch } from './module-patch.ts';

/** Where Pagefind UI, its indexes merged, declares Pagefind ready and starts loading the filters. */
const API_READY = /(\n[ \t]*)pagefind = imported_pagefind;(\s*)loadFilters\(\);/;
/** Pagefind UI's filter loading, before which the promise of its end is declared. */
const LOAD_FILTERS = /(\n[ \t]*)const loadFilters = async \(\) => \{/;
/** The start of a search, up to its wait for Pagefind to be ready. */
const SEARCH_START = /(\n[ \t]*const search = async \(term, filters\) => \{[^]*?\n([ \t]*)await waitForApiInit\(\);)/;

/**
 * A Vite plugin that has every search wait for every index's filters.
 *
 * Pagefind UI starts loading the filters once Pagefind is ready and searches at the same time.
 * A search counts only the filters whose data has arrived, and when it finishes first, the panel
 * shows those alone (say, collection and plane but no owner) until the reader types again: the
 * filters Pagefind loads afterwards are shown only if the panel has none. Seen in about one
 * search in twenty on a busy machine. A search now starts only once the filters are loaded, so it
 * counts every filter; while they load, Pagefind already fetches the words being typed
 * (`preload`). The wait is short: the search dialog starts loading them as it opens
 * (src/components/Search.astro). A filter that fails to load is left out, as before, rather than
 * holding every search back.
 */
export function searchFiltersFirst(): Plugin {
  return pagefindUiPatch({
    name: 'multiplane:search-filters-first',
    file: 'src/integration/search-filters-first.ts',
    what: 'loads its filters and searches',
    places: [API_READY, LOAD_FILTERS, SEARCH_START],
    patch: (code) =>
      code
        .replace(LOAD_FILTERS, '$1let filters_loaded;$&')
        .replace(API_READY, '$1pagefind = imported_pagefind;$2filters_loaded = loadFilters().catch(() => {});')
        .replace(SEARCH_START, '$1\n$2await filters_loaded;'),
  });
}
