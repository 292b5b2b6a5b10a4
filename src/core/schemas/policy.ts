import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { cadence, COLLECTION_NAMES, type CollectionName, entryBase, isoDate, ref, refs } from './shared.ts';

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

/** How hard a policy's checks bind: enforced checks fail the check, advisory ones warn. */
export const ENFORCEMENT_LEVELS = ['enforced', 'advisory'] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

/** Collections a policy check may inspect: every collection of entries (not the platform file). */
const CHECKED_COLLECTIONS = COLLECTION_NAMES.filter((name) => name !== 'platform') as Exclude<CollectionName, 'platform'>[];

/**
 * One check a policy carries: a CEL expression that must be true for every entry the policy
 * covers. The expression language and its variables are documented in the authoring guide
 * (/authoring/policy-checks/).
 */
export const PolicyCheckSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'a check name is lower-case letters, digits and hyphens, e.g. tier-one-on-call' })
    .describe('Name of the check, unique in the policy: lower-case letters, digits and hyphens. Findings use policy:<policy-id>/<name>.'),
  collections: z
    .array(z.enum(CHECKED_COLLECTIONS as [Exclude<CollectionName, 'platform'>, ...Exclude<CollectionName, 'platform'>[]]))
    .min(1)
    .default(['services'])
    .describe(
      'Collections whose entries are checked, narrowed by `appliesTo`: the services it names and the entries related to them. Defaults to [services].',
    ),
  when: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('A CEL expression choosing the entries the check applies to; for the others it is not applicable (n/a). Optional: every entry in scope.'),
  expression: z.string().trim().min(1).describe('A CEL expression that is true when the entry complies, e.g. `has(entry.operations.onCall)`.'),
  message: z.string().trim().min(1).describe('What the check requires, in one sentence; shown with every entry that fails it.'),
});

export type PolicyCheck = z.output<typeof PolicyCheckSchema>;

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
      level: z
        .enum(ENFORCEMENT_LEVELS)
        .default('enforced')
        .describe(
          'How hard its `checks` bind: enforced (a failing entry is an error) or advisory (a warning); `severity` in governance.yaml overrides either. Defaults to enforced.',
        ),
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
  checks: z
    .array(PolicyCheckSchema)
    .default([])
    .superRefine((checks, ctx) => {
      const seen = new Set<string>();
      checks.forEach((check, index) => {
        if (seen.has(check.name)) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `another check of this policy is already named "${check.name}"` });
        seen.add(check.name);
      });
    })
    .describe(
      'Checks the platform runs for this policy, each a CEL expression over an entry; entries that fail are findings `policy:<policy-id>/<name>`. Run only while the policy is active. Defaults to none.',
    ),
});

export type Policy = z.output<typeof PolicySchema>;

export const policyReferences: readonly ReferenceField[] = [
  { path: ['owner'], to: ['owners'], relation: 'ownedBy' },
  { path: ['appliesTo', '*'], to: ['services'], relation: 'governs', allowAll: true },
  { path: ['supersedes', '*'], to: ['policies'], relation: 'supersedes' },
  { path: ['followUpOf', '*'], to: ['incidents', 'case-studies'], relation: 'followUpOf' },
];
