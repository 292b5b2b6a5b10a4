import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { COLLECTIONS, type EntryCollectionName } from './core/schemas/index.ts';
import { entryLoader } from './integration/entry-loader.ts';

/**
 * One Astro collection per Markdown collection of the model, read by the checker's own file
 * listing and validated by the same zod schema. The checker runs before Astro reads the files,
 * so these schemas only ever see content that already passed.
 */
function markdownCollection<N extends EntryCollectionName>(name: N) {
  return defineCollection({
    loader: entryLoader(name),
    schema: COLLECTIONS[name].schema as (typeof COLLECTIONS)[N]['schema'],
  });
}

export const collections = {
  // The site's own hand-written pages: the model and the authoring guide.
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  // Wording of Starlight's interface, adjusted for pages generated from content.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
  owners: markdownCollection('owners'),
  policies: markdownCollection('policies'),
  runbooks: markdownCollection('runbooks'),
  services: markdownCollection('services'),
  deployments: markdownCollection('deployments'),
  incidents: markdownCollection('incidents'),
  'case-studies': markdownCollection('case-studies'),
  articles: markdownCollection('articles'),
  whitepaper: markdownCollection('whitepaper'),
};
