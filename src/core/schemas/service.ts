import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { entryBase, isoDate, link, ref, refs } from './shared.ts';

export const LIFECYCLES = ['experimental', 'production', 'deprecated', 'retired'] as const;
export const DATA_CLASSES = ['none', 'public', 'internal', 'confidential', 'restricted'] as const;

/** A service delivered on the platform (Execution plane), with how it is run (Operations plane). */
export const ServiceSchema = z.strictObject({
  ...entryBase,
  owner: ref().describe('ID of the owner accountable for the service.'),
  tier: z
    .int()
    .min(1)
    .max(4)
    .describe('Criticality from 1 (most critical) to 4 (least).'),
  lifecycle: z.enum(LIFECYCLES).describe('experimental, production, deprecated or retired.'),
  system: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('Name of the system the service is part of: services that together deliver one capability, as Backstage groups components. Optional.'),
  dependsOn: refs().describe('IDs of the services this one needs. Defaults to none.'),
  governedBy: refs().describe(
    'IDs of policies that govern the service, besides those that apply to all services. Defaults to none.',
  ),
  operations: z
    .strictObject({
      monitoring: link().optional().describe('Dashboard or monitor that shows the service\'s health.'),
      alerting: z.string().trim().min(1).optional().describe('What pages and when, or a link to the alert rules.'),
      onCall: ref().optional().describe('ID of the owner (usually a team) that answers pages.'),
      backups: z
        .strictObject({
          schedule: z.string().trim().min(1).describe('When backups run, e.g. hourly snapshots, daily full.'),
          lastRestoreTest: isoDate()
            .optional()
            .describe('Day a restore from backup was last tested, YYYY-MM-DD.'),
        })
        .optional()
        .describe('Backups of the data the service holds. Needed when dataClassification is not none.'),
      dataClassification: z
        .enum(DATA_CLASSES)
        .default('none')
        .describe('Most sensitive data the service stores: none, public, internal, confidential, restricted. Defaults to none.'),
      repository: link().optional().describe('Source repository. Optional.'),
    })
    .default({ dataClassification: 'none' })
    .describe('How the service is run: monitoring, alerting, on-call, backups, data.'),
});

export type Service = z.output<typeof ServiceSchema>;

export const serviceReferences: readonly ReferenceField[] = [
  { path: ['owner'], to: ['owners'], relation: 'ownedBy' },
  { path: ['dependsOn', '*'], to: ['services'], relation: 'dependsOn' },
  { path: ['governedBy', '*'], to: ['policies'], relation: 'governedBy' },
  { path: ['operations', 'onCall'], to: ['owners'], relation: 'onCall' },
];
