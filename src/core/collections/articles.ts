import { ArticleSchema, articleReferences } from '../schemas/article.ts';
import { plural } from '../text/plural.ts';
import { defineCollection } from './descriptor.ts';
import { date, list, targets, text } from './field-value.ts';

/** Narrative: articles that explain decisions and lessons. */
export const articles = defineCollection({
  name: 'articles',
  plane: 'narrative',
  label: 'Articles',
  singular: 'Article',
  noun: 'articles',
  schema: ArticleSchema,
  references: articleReferences,
  source: { kind: 'folder', path: 'articles' },
  date: { label: 'Published', recent: true, of: (entry) => entry.data.date },
  owner: { field: 'author', relation: 'authoredBy', person: true },
  ownerField: 'author',
  card: [
    { label: 'Author', covers: ['author'], value: (entry, { graph }) => targets(graph, entry.key, ['author']) },
    { label: 'Published', covers: ['date'], value: (entry) => date(entry.data.date) },
    { label: 'Explains', covers: ['explains'], value: (entry, { graph }) => targets(graph, entry.key, ['explains']) },
    { label: 'Tags', covers: ['tags'], value: (entry) => list(entry.data.tags) },
    // Lessons have a section of their own on the page (ArticleLessons.astro) and on the lessons index.
    {
      label: 'Lessons',
      covers: ['lessons'],
      value: (entry) => (entry.data.lessons.length > 0 ? { kind: 'link', href: '#lessons', text: plural(entry.data.lessons.length, 'lesson') } : undefined),
    },
  ],
  index: {
    columns: [
      { label: 'Author', value: (entry, { graph }) => targets(graph, entry.key, ['author']) },
      { label: 'Date', value: (entry) => date(entry.data.date) },
      { label: 'Tags', value: (entry) => text(entry.data.tags.join(', ')) },
    ],
    group: (entry) => String(entry.data.date.getUTCFullYear()),
  },
  scaffold: (context) => ({ author: context.owner, date: { value: context.today } }),
});
