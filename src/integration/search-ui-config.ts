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
// For Rolldown, which then calls the hook for that module only.
const STARLIGHT_PAGEFIND_CONFIG_ID = /^\0virtual:starlight\/pagefind-config$/;

export interface SearchUiOptions {
  readonly debounceMs?: number;
  /**
   * The site's base path (`/` or `/repo/`) and the folders, under it, of the search indexes
   * beside `pagefind/` that the search box searches as well (src/build/search-shards.ts).
   */
  readonly base?: string;
  readonly mergedIndexes?: readonly string[];
}

/**
 * A Vite plugin that completes the options Starlight passes to Pagefind UI: its debounce, and the
 * further indexes of a site whose search is split (Pagefind UI's `mergeIndex`).
 */
export function searchUiConfig(options: SearchUiOptions = {}): Plugin {
  const debounceMs = options.debounceMs ?? SEARCH_DEBOUNCE_MS;
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const merged = (options.mergedIndexes ?? []).map((folder) => ({ bundlePath: `${base}${folder}/` }));
  return {
    name: 'multiplane:search-ui-config',
    transform: {
      filter: { id: STARLIGHT_PAGEFIND_CONFIG_ID },
      handler(code, id) {
        if (id !== STARLIGHT_PAGEFIND_CONFIG) return undefined;
        if (!code.includes('export const pagefindUserConfig =')) {
          this.error('Starlight no longer exports pagefindUserConfig from virtual:starlight/pagefind-config; update src/integration/search-ui-config.ts.');
        }
        const lines = [code, `pagefindUserConfig.debounceTimeoutMs = ${JSON.stringify(debounceMs)};`];
        if (merged.length > 0) lines.push(`pagefindUserConfig.mergeIndex = [...(pagefindUserConfig.mergeIndex ?? []), ...${JSON.stringify(merged)}];`);
        return { code: `${lines.join('\n')}\n`, map: null };
      },
    },
  };
}
