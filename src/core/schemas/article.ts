import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { entryBase, isoDate, ref, refs } from './shared.ts';

/** A Narrative article: a decision explained or a lesson learned. */
export const ArticleSchema = z.strictObject({
  ...entryBase,
  author: ref().describe('ID of the owner who wrote the article.'),
  date: isoDate().describe('Day of publication, YYYY-MM-DD.'),
  explains: refs().describe(
    'Entries the article explains, written collection/id (e.g. incidents/2026-02-cache-stampede). Defaults to none.',
  ),
  lessons: z.array(z.string().trim().min(1)).default([]).describe('The lessons learned, one line each. Defaults to none.'),
});

export type Article = z.output<typeof ArticleSchema>;

export const articleReferences: readonly ReferenceField[] = [
  { path: ['author'], to: ['owners'], relation: 'authoredBy' },
  { path: ['explains', '*'], to: 'any', relation: 'explains' },
];
