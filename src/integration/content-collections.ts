import type { SiteCollections } from './site-collections.ts';

/**
 * Hands the site's content collections from the integration to `src/content.config.ts`.
 *
 * Astro loads the content config through Vite's module runner, which transforms each module it
 * imports, one request after another, on every build and every start of the dev server. Imported
 * there, Starlight's loaders and schemas brought Astro's loaders, its error catalogue and its image
 * readers, `astro:content` brought Astro's whole server runtime, and the entry loader some sixty
 * of Multiplane's modules: about 130 modules and 2 s of every build, a one-entry change included.
 * The integration, which Node loads directly and which already has them, makes the collections
 * (site-collections.ts) when Astro sets it up, before the content config is loaded; the config
 * takes them from here. This module imports nothing at run time, so that the runner transforms
 * only it and the config. Its two copies (Node's and the runner's) share the collections through
 * globalThis, as the site's state is shared (src/site/site-state.ts).
 */
const KEY = Symbol.for('multiplane.content-collections');

type Holder = typeof globalThis & { [KEY]?: SiteCollections };

/** Called by the integration before Astro loads the content config. */
export function registerCollections(collections: SiteCollections): void {
  (globalThis as Holder)[KEY] = collections;
}

/** The collections the integration registered; throws when it has registered none. */
export function registeredCollections(): SiteCollections {
  const collections = (globalThis as Holder)[KEY];
  if (!collections) {
    throw new Error(
      'The Multiplane content collections are not registered: the integration registers them when Astro starts. Keep multiplane() in astro.config.mjs and build with npm run build.',
    );
  }
  return collections;
}
