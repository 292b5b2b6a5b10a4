import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { entryBase, isoDate, ref, refs } from './shared.ts';

/** A measured outcome: one metric before and after. */
export const OutcomeSchema = z.strictObject({
  name: z.string().trim().min(1).describe('What was measured, e.g. p95 checkout latency.'),
  before: z.number().describe('Value before the change.'),
  after: z.number().describe('Value after the change.'),
  unit: z.string().trim().min(1).describe('Unit of both values, e.g. ms, %, minutes.'),
  better: z
    .enum(['lower', 'higher'])
    .default('lower')
    .describe('Whether a lower or a higher value is the improvement. Defaults to lower.'),
});

/** Evidence of the Proof plane: what was delivered and what it changed. */
export const CaseStudySchema = z.strictObject({
  ...entryBase,
  owner: ref().describe('ID of the owner who stands behind the results.'),
  date: isoDate().describe('Day the results were measured, YYYY-MM-DD.'),
  services: refs().describe('IDs of the services delivered or changed. Defaults to none.'),
  deployments: refs().describe('IDs of the deployments that delivered it. Defaults to none.'),
  outcomes: z.array(OutcomeSchema).default([]).describe('Measured outcomes. Defaults to none.'),
  followUps: refs().describe(
    'IDs of the policies and runbooks changed because of this work, as policies/<id> or runbooks/<id>. Defaults to none.',
  ),
});

export type CaseStudy = z.output<typeof CaseStudySchema>;
export type Outcome = z.output<typeof OutcomeSchema>;

export const caseStudyReferences: readonly ReferenceField[] = [
  { path: ['owner'], to: ['owners'], relation: 'ownedBy' },
  { path: ['services', '*'], to: ['services'], relation: 'delivers' },
  { path: ['deployments', '*'], to: ['deployments'], relation: 'delivers' },
  { path: ['followUps', '*'], to: ['policies', 'runbooks'], relation: 'followedUpBy' },
];
