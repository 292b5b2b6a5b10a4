import type { Plugin } from 'vite';

/** Pagefind UI's module, as Starlight's search box imports it. */
const PAGEFIND_UI_MODULE = /[\\/]@pagefind[\\/]default-ui[\\/]npm_dist[\\/]mjs[\\/]ui-core\.mjs$/;

export interface PagefindUiPatch {
  /** The plugin's name. */
  readonly name: string;
  /** The file that holds the patch, named in the error when Pagefind UI changed under it. */
  readonly file: string;
  /** What the patch changes, as the error says it: "merges its indexes". */
  readonly what: string;
  /** The places the patch changes, each of which must be found. */
  readonly places: readonly RegExp[];
  readonly patch: (code: string) => string;
}

/**
 * A Vite plugin that changes Pagefind UI's module in the site's build. When the installed
 * Pagefind UI no longer has a place the patch changes, the build fails and names the file to
 * update, rather than shipping a search box without the change.
 */
export function pagefindUiPatch({ name, file, what, places, patch }: PagefindUiPatch): Plugin {
  return {
    name,
    apply: 'build',
    transform(code, id) {
      if (!PAGEFIND_UI_MODULE.test(id.split('?')[0] ?? id)) return undefined;
      if (!places.every((place) => place.test(code))) this.error(`Pagefind UI no longer ${what} as ${file} expects; update it.`);
      return { code: patch(code), map: null };
    },
  };
}
