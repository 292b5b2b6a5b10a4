import { z } from 'zod';
import { RUNBOOK_KINDS } from './runbook.ts';
import { LIFECYCLES } from './service.ts';
import { cadence, SEVERITIES } from './shared.ts';
import { HistorySettingsSchema, MetricsSettingsSchema } from './metrics-settings.ts';

const severitySetting = z.enum(['error', 'warning', 'off']);
export type SeveritySetting = z.output<typeof severitySetting>;

/**
 * A scorecard check: a rule that must report nothing for the service (or for entries related to
 * it). A rule ID is a built-in rule or a policy's own check, `policy:<policy-id>/<check-name>`.
 */
const scorecardCheck = z.union([
  z.string().trim().min(1),
  z.strictObject({
    rule: z.string().trim().min(1).describe('ID of the rule that must pass: a built-in rule, or policy:<policy-id>/<check-name>.'),
    via: z
      .string()
      .trim()
      .min(1)
      .describe('Relation from the service to the entries checked instead, e.g. coveredBy for its runbooks.'),
  }),
]);

/** Environments known not to be production unless governance.yaml lists others. */
const DEFAULT_NON_PRODUCTION = ['development', 'test', 'staging'] as const;

/** Service lifecycles whose services earn scorecard levels; the others are shown by their lifecycle. */
const DEFAULT_RATED = ['production'] as const;

const DEFAULT_LEVELS = [
  { name: 'Bronze', checks: ['owner-exists', 'service-governed', 'service-operations'] },
  {
    name: 'Silver',
    checks: ['service-runbook', 'service-backups', 'dangling-reference', 'dependency-cycle'],
  },
  {
    name: 'Gold',
    checks: [
      'deprecated-dependency',
      { rule: 'runbook-review-overdue', via: 'coveredBy' },
      { rule: 'deployment-approval', via: 'deployedBy' },
      { rule: 'incident-postmortem', via: 'affectedBy' },
    ],
  },
];

/**
 * Governance settings, kept as content in `content/governance.yaml` so that changing governance
 * goes through the same review as any other change. Every setting has a default.
 */
export const GovernanceSchema = z.strictObject({
  severity: z
    .record(z.string(), severitySetting)
    .default({})
    .describe('Severity per rule ID: error, warning or off. Rules not listed keep their default.'),
  productionEnvironments: z
    .array(z.string().trim().min(1))
    .min(1)
    .default(['production'])
    .describe('Deployment environments that count as production, letter case ignored. Defaults to [production].'),
  nonProductionEnvironments: z
    .array(z.string().trim().min(1))
    .default([...DEFAULT_NON_PRODUCTION])
    .describe(
      'Deployment environments known not to be production, letter case ignored; an environment in neither list is a warning (environment-name). Defaults to [development, test, staging].',
    ),
  policyReview: z
    .strictObject({
      errorAfterCadences: z
        .number()
        .min(1)
        .default(2)
        .describe('An overdue review becomes an error after this many cadences since the last review. Defaults to 2.'),
    })
    .default({ errorAfterCadences: 2 })
    .describe('How overdue policy reviews escalate.'),
  runbookRequiredTiers: z
    .array(z.int().min(1).max(4))
    .default([1, 2])
    .describe('Service tiers whose production services need a runbook. Defaults to [1, 2].'),
  backups: z
    .strictObject({
      restoreTestMaxAge: cadence()
        .default('90d')
        .describe('Longest time since the last restore test. Defaults to 90d.'),
    })
    .default({ restoreTestMaxAge: '90d' })
    .describe('Backup expectations for services that hold data.'),
  postmortem: z
    .strictObject({
      severities: z.array(z.enum(SEVERITIES)).default(['SEV1', 'SEV2']).describe('Severities that need a postmortem once resolved.'),
      heading: z.string().trim().min(1).default('Postmortem').describe('Heading of the postmortem section in the body.'),
    })
    .default({ severities: ['SEV1', 'SEV2'], heading: 'Postmortem' })
    .describe('Which incidents need a postmortem and how it is found.'),
  loop: z
    .strictObject({
      severities: z
        .array(z.enum(SEVERITIES))
        .default(['SEV1', 'SEV2'])
        .describe('Resolved incidents of these severities must be closed into the loop.'),
    })
    .default({ severities: ['SEV1', 'SEV2'] })
    .describe('Which incidents must feed back into governance.'),
  runbookSections: z
    .partialRecord(z.enum(RUNBOOK_KINDS), z.array(z.string().trim().min(1)))
    .default({
      runbook: ['Symptoms', 'Diagnosis', 'Remediation', 'Escalation'],
      procedure: ['Purpose', 'Steps'],
      standard: ['Scope', 'Requirements'],
      architecture: ['Context', 'Decision', 'Consequences'],
    })
    .describe('Body headings each kind of knowledge document must have.'),
  scorecard: z
    .strictObject({
      levels: z
        .array(
          z.strictObject({
            name: z.string().trim().min(1).describe('Name of the level, e.g. Bronze.'),
            checks: z.array(scorecardCheck).min(1).describe('Rules a service must pass to reach the level.'),
          }),
        )
        .min(1)
        .default(DEFAULT_LEVELS)
        .describe('Levels from lowest to highest; each requires every check of the levels below that applies to the service.'),
      lifecycles: z
        .array(z.enum(LIFECYCLES))
        .min(1)
        .default([...DEFAULT_RATED])
        .describe(
          'Lifecycles whose services earn levels; services of the others (experimental, deprecated, retired) are shown by their lifecycle instead of a level. Defaults to [production].',
        ),
      expected: z
        .partialRecord(z.enum(['1', '2', '3', '4']), z.string().trim().min(1))
        .default({})
        .describe(
          'The level each tier is expected to reach, e.g. `1: Gold`; a rated service below it is a warning (scorecard-level). Defaults to no expectation.',
        ),
    })
    .default({ levels: DEFAULT_LEVELS, lifecycles: [...DEFAULT_RATED], expected: {} })
    .superRefine((scorecard, ctx) => {
      // A level name is known only here, next to the levels, so it is checked here.
      const names = scorecard.levels.map((level) => level.name);
      for (const [tier, level] of Object.entries(scorecard.expected)) {
        if (level !== undefined && !names.includes(level)) {
          ctx.addIssue({
            code: 'custom',
            input: level,
            path: ['expected', tier],
            message: `"${level}" is not a scorecard level; use one of ${names.join(', ')}`,
          });
        }
      }
    })
    .describe('Service scorecard levels, which lifecycles earn them, and the level expected per tier.'),
  /** Delivery metrics (see metrics-settings.ts): a 90-day window, a 12-month trend, DORA 2023 bands by default. */
  metrics: MetricsSettingsSchema,
  /** Governance history (see metrics-settings.ts): 26 weeks by default. */
  history: HistorySettingsSchema,
});

export type Governance = z.output<typeof GovernanceSchema>;
export type ScorecardCheck = z.output<typeof scorecardCheck>;
export type ExpectedTier = keyof Governance['scorecard']['expected'];
