import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { entryIdFromPath } from './core/content/entry-id.ts';
import { COLLECTIONS, type EntryCollectionName } from './core/schemas/index.ts';
import { CONTENT_DIR } from './integration/paths.ts';

/**
 * One Astro collection per Markdown collection of the model, validated by the same zod schema the
 * checker uses and with IDs derived the same way. The checker runs before Astro reads the files,
 * so these schemas only ever see content that already passed.
 */
function markdownCollection<N extends EntryCollectionName>(name: N) {
  const definition = COLLECTIONS[name];
  return defineCollection({
    loader: glob({
      base: `./${CONTENT_DIR}/${definition.source.path}`,
      pattern: '**/[^_.]*.md',
      generateId: ({ entry }) => entryIdFromPath(entry),
    }),
    schema: definition.schema as (typeof COLLECTIONS)[N]['schema'],
  });
}

export const collections = {
  // The site's own hand-written pages: the model and the authoring guide.
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
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
