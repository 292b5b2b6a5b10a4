import type { Plugin } from 'vite';

/** Pagefind UI's module, as Starlight's search box imports it. */
const PAGEFIND_UI_MODULE = /[\\/]@pagefind[\\/]default-ui[\\/]npm_dist[\\/]mjs[\\/]ui-core\.mjs$/;

export interface ModulePatch {
  /** The plugin's name. */
  readonly name: string;
  /** The module the patch changes, by its path. */
  readonly module: RegExp;
  /** Whose module it is, as the error says it: "Starlight". */
  readonly owner: string;
  /** The file that holds the patch, named in the error when the module changed under it. */
  readonly file: string;
  /** What the patch changes, as the error says it: "merges its indexes". */
  readonly what: string;
  /** The places the patch changes, each of which must be found (a pattern, or a test of the code). */
  readonly places: readonly (RegExp | ((code: string) => boolean))[];
  readonly patch: (code: string) => string;
  /** Only in `astro build` (Vite's `apply`); by default in the dev server too. */
  readonly apply?: 'build';
}

/**
 * A Vite plugin that changes one module of a dependency (Astro, Starlight, Pagefind UI) in the
 * site's code. When the installed module no longer has a place the patch changes, the build
 * fails and names the file to update, rather than shipping the site without the change.
 */
export function modulePatch({ name, module, owner, file, what, places, patch, apply }: ModulePatch): Plugin {
  return {
    name,
    ...(apply ? { apply } : {}),
    transform: {
      // Rolldown calls the hook only for the module, instead of handing every module of the site
      // to JavaScript for each of the patches.
      filter: { id: withQuery(module) },
      handler(code, id) {
        if (!module.test(id.split('?')[0] ?? id)) return undefined;
        const found = (place: ModulePatch['places'][number]) => (place instanceof RegExp ? place.test(code) : place(code));
        if (!places.every(found)) this.error(`${owner} no longer ${what} as ${file} expects; update it.`);
        return { code: patch(code), map: null };
      },
    },
  };
}

/** `path`, a pattern ending with `$`, allowing a query after the path (`ui-core.mjs?v=1a2b`). */
function withQuery(path: RegExp): RegExp {
  return new RegExp(`${path.source.replace(/\$$/, '')}(?:\\?.*)?$`, path.flags);
}

/** A patch of Pagefind UI's module, in `astro build` only (the dev server has no search index). */
export function pagefindUiPatch(options: Omit<ModulePatch, 'module' | 'owner' | 'apply'>): Plugin {
  return modulePatch({ ...options, module: PAGEFIND_UI_MODULE, owner: 'Pagefind UI', apply: 'build' });
}
