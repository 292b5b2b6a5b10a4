import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { cadence, entryBase, isoDate, ref, refs } from './shared.ts';

export const POLICY_CATEGORIES = [
  'access',
  'routing',
  'change',
  'security',
  'data',
  'availability',
  'incident',
  'vendor',
  'privacy',
  'compliance',
] as const;

/** A governance policy of the Control plane. */
export const PolicySchema = z.strictObject({
  ...entryBase,
  owner: ref().describe('ID of the owner accountable for the policy.'),
  status: z.enum(['draft', 'active', 'retired']).describe('Lifecycle of the policy: draft, active or retired.'),
  category: z.enum(POLICY_CATEGORIES).describe('What the policy governs.'),
  effective: isoDate().describe('Day the policy took or takes effect, YYYY-MM-DD.'),
  review: z
    .strictObject({
      cadence: cadence().describe('How often the policy is reviewed: 90d, 6m, 1y.'),
      last: isoDate().describe('Day of the last review, YYYY-MM-DD.'),
    })
    .describe('Review cadence and the day of the last review.'),
  appliesTo: z
    .union([z.literal('all'), z.array(ref()).min(1)])
    .default('all')
    .describe('IDs of the services the policy governs, or `all`. Defaults to all.'),
  enforcement: z
    .strictObject({
      mode: z.enum(['manual', 'automated']).describe('Whether a person or a machine enforces the policy.'),
      mechanism: z
        .string()
        .trim()
        .min(1)
        .describe('How it is enforced, e.g. a CI check, an admission controller, a review.'),
    })
    .describe('How the policy is enforced.'),
  supersedes: refs().describe('IDs of policies this one replaces. Defaults to none.'),
  compliance: z
    .array(
      z.strictObject({
        framework: z.string().trim().min(1).describe('Framework name, e.g. SOC 2.'),
        criteria: z.array(z.string().trim().min(1)).min(1).describe('Criteria satisfied, e.g. CC6.1.'),
      }),
    )
    .default([])
    .describe('Compliance criteria the policy satisfies. Defaults to none.'),
  followUpOf: refs().describe(
    'IDs of incidents or case studies that led to this policy or its last change, as incidents/<id> or case-studies/<id>. Defaults to none.',
  ),
});

export type Policy = z.output<typeof PolicySchema>;

export const policyReferences: readonly ReferenceField[] = [
  { path: ['owner'], to: ['owners'], relation: 'ownedBy' },
  { path: ['appliesTo', '*'], to: ['services'], relation: 'governs', allowAll: true },
  { path: ['supersedes', '*'], to: ['policies'], relation: 'supersedes' },
  { path: ['followUpOf', '*'], to: ['incidents', 'case-studies'], relation: 'followUpOf' },
];
