import type { Loader } from 'astro/loaders';

/**
 * The loaders of the entry collections, handed from the integration to `src/content.config.ts`.
 *
 * Astro loads the content config through Vite's module runner, which transforms each module it
 * imports, one request after another. Imported there, the entry loader brought some sixty of
 * Multiplane's modules (the model's schemas, the diagrams, the site's state) into that chain on
 * every build and every start of the dev server. The integration, which Node loads directly,
 * already has them: it registers the loaders here when Astro sets it up, before the content config
 * is loaded, and the config takes them. The two copies of this module (Node's and the runner's)
 * share them through globalThis, as the site's state is shared (src/site/site-state.ts).
 */
const KEY = Symbol.for('multiplane.entry-loaders');

type Holder = typeof globalThis & { [KEY]?: Readonly<Record<string, Loader>> };

/** Called by the integration with one loader per entry collection. */
export function registerEntryLoaders(loaders: Readonly<Record<string, Loader>>): void {
  (globalThis as Holder)[KEY] = loaders;
}

/** The loaders the integration registered, by collection; throws when it has registered none. */
export function entryLoaders(): Readonly<Record<string, Loader>> {
  const loaders = (globalThis as Holder)[KEY];
  if (!loaders) {
    throw new Error(
      'The Multiplane entry collections have no loaders: the integration registers them when Astro starts. Keep multiplane() in astro.config.mjs and build with npm run build.',
    );
  }
  return loaders;
}
