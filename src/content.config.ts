import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import type { EntryCollectionName } from './core/schemas/index.ts';
import { entryLoaders } from './integration/entry-collections.ts';

/**
 * One Astro collection per Markdown collection of the model. Their loader takes the entries of
 * the model the integration loaded and checked, so they carry no schema of their own: the data
 * was validated once, by the model's schemas, and is not parsed or validated a second time. The
 * integration hands the loaders over (src/integration/entry-collections.ts).
 */
const entryCollections = Object.fromEntries(Object.entries(entryLoaders()).map(([name, loader]) => [name, defineCollection({ loader })])) as Record<
  EntryCollectionName,
  ReturnType<typeof defineCollection>
>;

export const collections = {
  // The site's own hand-written pages: the model and the authoring guide.
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Wording of Starlight's interface, adjusted for pages generated from content.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  ...entryCollections,
};
