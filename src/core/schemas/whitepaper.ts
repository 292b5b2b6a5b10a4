import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { entryBase, refs } from './shared.ts';

/** A chapter of the whitepaper; chapters print in `order`. */
export const WhitepaperChapterSchema = z.strictObject({
  ...entryBase,
  order: z.int().min(0).describe('Position of the chapter; chapters print in ascending order.'),
  related: refs().describe('Entries the chapter draws on, written collection/id. Defaults to none.'),
});

export type WhitepaperChapter = z.output<typeof WhitepaperChapterSchema>;

export const whitepaperReferences: readonly ReferenceField[] = [
  { path: ['related', '*'], to: 'any', relation: 'cites' },
];
