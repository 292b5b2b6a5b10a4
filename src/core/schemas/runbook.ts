import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { cadence, entryBase, isoDate, ref, refs } from './shared.ts';

export const RUNBOOK_KINDS = ['runbook', 'procedure', 'standard', 'architecture'] as const;
export type RunbookKind = (typeof RUNBOOK_KINDS)[number];

/** A piece of the Knowledge plane: a runbook, procedure, standard or architecture record. */
export const RunbookSchema = z.strictObject({
  ...entryBase,
  owner: ref().describe('ID of the owner who keeps the document current.'),
  kind: z.enum(RUNBOOK_KINDS).describe('runbook, procedure, standard or architecture; decides the required sections.'),
  order: z
    .int()
    .min(0)
    .optional()
    .describe('Position in the runbooks list, for documents kept in a navigation order (an imported MkDocs nav); those with an order come first, ascending. Optional.'),
  services: refs().describe('IDs of the services the document covers. Defaults to none.'),
  policies: refs().describe('IDs of the policies the document implements. Defaults to none.'),
  review: z
    .strictObject({
      cadence: cadence().describe('How often the document is reviewed: 90d, 6m, 1y.'),
      last: isoDate().describe('Day of the last review, YYYY-MM-DD.'),
    })
    .describe('Review cadence and the day of the last review.'),
  followUpOf: refs().describe(
    'IDs of incidents or case studies that led to this document or its last change. Defaults to none.',
  ),
});

export type Runbook = z.output<typeof RunbookSchema>;

export const runbookReferences: readonly ReferenceField[] = [
  { path: ['owner'], to: ['owners'], relation: 'ownedBy' },
  { path: ['services', '*'], to: ['services'], relation: 'covers' },
  { path: ['policies', '*'], to: ['policies'], relation: 'implements' },
  { path: ['followUpOf', '*'], to: ['incidents', 'case-studies'], relation: 'followUpOf' },
];
