import type { Plugin } from 'vite';

/** Pagefind UI's module, as Starlight's search box imports it. */
const PAGEFIND_UI_MODULE = /[\\/]@pagefind[\\/]default-ui[\\/]npm_dist[\\/]mjs[\\/]ui-core\.mjs$/;
/** Where Pagefind UI, its indexes merged, declares Pagefind ready for searches and starts loading the filters. */
const API_READY = /(\n[ \t]*)pagefind = imported_pagefind;(\s*)loadFilters\(\);/;

/**
 * A Vite plugin that has the search box load every index's filters before its first search.
 *
 * Pagefind UI starts loading the filters once Pagefind is ready and searches at the same time.
 * A search counts only the filters whose data has arrived, and when it finishes first, the panel
 * shows those alone (say, collection and plane but no owner) until the reader types again: the
 * filters Pagefind loads afterwards are shown only if the panel has none. Seen in about one
 * search in twenty on a busy machine. Pagefind is declared ready only once its filters are all
 * loaded, so the first search counts every filter. The wait is short: the search dialog starts
 * loading them as it opens (src/components/Search.astro). A filter that fails to load is left out,
 * as before, rather than holding every search back.
 */
export function searchFiltersFirst(): Plugin {
  return {
    name: 'multiplane:search-filters-first',
    apply: 'build',
    transform(code, id) {
      if (!PAGEFIND_UI_MODULE.test(id.split('?')[0] ?? id)) return undefined;
      if (!API_READY.test(code)) {
        this.error('Pagefind UI no longer declares Pagefind ready as src/integration/search-filters-first.ts expects; update it.');
      }
      return { code: code.replace(API_READY, '$1await imported_pagefind.filters().catch(() => {});$1pagefind = imported_pagefind;$2loadFilters();'), map: null };
    },
  };
}
