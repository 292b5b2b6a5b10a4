import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { type BaseSchema, defineCollection } from 'astro/content/config';
import type { Loader } from 'astro/loaders';
import type { EntryCollectionName } from '../core/schemas/index.ts';

/**
 * The site's content collections for `entryLoaders` (one loader per entry collection of the
 * model): the site's own hand-written pages (the model and the authoring guide) and the wording of
 * Starlight's interface, as Starlight defines them, then the entry collections. These carry no
 * schema of their own: their loader takes the entries the model already read and validated, which
 * are not parsed or validated a second time (src/integration/entry-loader.ts).
 *
 * Made by the integration, in Node, and handed to `src/content.config.ts` (content-collections.ts).
 */
export function siteCollections(entryLoaders: Readonly<Record<EntryCollectionName, Loader>>) {
  const entries = Object.fromEntries(Object.entries(entryLoaders).map(([name, loader]) => [name, defineCollection({ loader })]));
  return {
    docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
    // Wording of Starlight's interface, adjusted for pages generated from content.
    i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
    ...(entries as Record<EntryCollectionName, ReturnType<typeof defineCollection<BaseSchema, Loader>>>),
  };
}

export type SiteCollections = ReturnType<typeof siteCollections>;
