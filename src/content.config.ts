import { registeredCollections } from './integration/content-collections.ts';

/**
 * The site's collections: Starlight's docs and i18n, and one per Markdown collection of the
 * platform model. The integration makes them (src/integration/site-collections.ts): this file
 * imports nothing else at run time, because Vite's module runner transforms every module it
 * imports, one after another, on every build.
 */
export const collections = registeredCollections();
