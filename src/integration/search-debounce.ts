import type { Plugin } from 'vite';

/**
 * How long the search box waits after a keystroke before it searches. Pagefind UI waits 300 ms;
 * measured on a 10,000-entry site with typing at 120 ms a key, 150 ms shows results about 130 ms
 * sooner, while shorter waits let searches for half-typed words queue in Pagefind's worker ahead of
 * the finished word and are slower again (see docs/performance.md).
 */
export const SEARCH_DEBOUNCE_MS = 150;

/** Starlight hands its `pagefind` options to Pagefind UI through this module; it drops unknown keys. */
const STARLIGHT_PAGEFIND_CONFIG = '\0virtual:starlight/pagefind-config';

/** A Vite plugin that sets Pagefind UI's debounce in the options Starlight passes to it. */
export function searchDebounce(ms: number = SEARCH_DEBOUNCE_MS): Plugin {
  return {
    name: 'multiplane:search-debounce',
    transform(code, id) {
      if (id !== STARLIGHT_PAGEFIND_CONFIG) return undefined;
      if (!code.includes('export const pagefindUserConfig =')) {
        this.error('Starlight no longer exports pagefindUserConfig from virtual:starlight/pagefind-config; update src/integration/search-debounce.ts.');
      }
      return { code: `${code}\npagefindUserConfig.debounceTimeoutMs = ${JSON.stringify(ms)};\n`, map: null };
    },
  };
}
