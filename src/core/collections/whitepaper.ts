import { WhitepaperChapterSchema, whitepaperReferences } from '../schemas/whitepaper.ts';
import { defineCollection } from './descriptor.ts';
import { targets, text } from './field-value.ts';

/** Narrative: the chapters of the whitepaper, in order. */
export const whitepaper = defineCollection({
  name: 'whitepaper',
  plane: 'narrative',
  label: 'Whitepaper',
  singular: 'Chapter',
  noun: 'whitepaper chapters',
  schema: WhitepaperChapterSchema,
  references: whitepaperReferences,
  source: { kind: 'folder', path: 'whitepaper' },
  card: [
    // Chapter 0 is front matter (an abstract), printed before chapter 1 without a number.
    { label: 'Chapter', covers: ['order'], value: (entry) => text(entry.data.order === 0 ? 'front matter' : String(entry.data.order)) },
    { label: 'Related documents', covers: ['related'], value: (entry, { graph }) => targets(graph, entry.key, ['related']) },
  ],
  index: {
    columns: [{ label: 'Chapter', value: (entry) => text(entry.data.order === 0 ? 'front matter' : String(entry.data.order)), sort: (entry) => entry.data.order }],
    group: () => 'Chapters',
  },
  scaffold: (context) => {
    const orders = context.siblings.flatMap((data) => (typeof data.order === 'number' ? [data.order] : []));
    return { order: { value: orders.length > 0 ? Math.max(...orders) + 1 : 1, note: 'After the last chapter.' } };
  },
});
