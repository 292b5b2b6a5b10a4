import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { entryBase, isoDateTime, link, ref } from './shared.ts';

export const OUTCOMES = ['succeeded', 'failed', 'rolled-back'] as const;

/** One deployment of a service (Execution plane). */
export const DeploymentSchema = z.strictObject({
  ...entryBase,
  service: ref().describe('ID of the service deployed.'),
  version: z.string().trim().min(1).describe('Version or commit deployed.'),
  environment: z.string().trim().min(1).describe('Environment deployed to, e.g. production or staging.'),
  date: isoDateTime().describe('When the deployment finished, ISO 8601.'),
  pipeline: z.string().trim().min(1).describe('Pipeline or run that performed it; a name or a link.'),
  changePolicy: ref().optional().describe('ID of the change policy the deployment followed. Needed in production.'),
  approver: ref().optional().describe('ID of the person who approved it. Needed in production.'),
  outcome: z.enum(OUTCOMES).describe('succeeded, failed or rolled-back.'),
  changeRequest: link().optional().describe('Link to the pull request or change ticket. Optional.'),
  committed: isoDateTime()
    .optional()
    .describe('When the change was committed (or requested), ISO 8601; with `date` it gives the lead time for changes. Optional.'),
});

export type Deployment = z.output<typeof DeploymentSchema>;

export const deploymentReferences: readonly ReferenceField[] = [
  { path: ['service'], to: ['services'], relation: 'deploys' },
  { path: ['changePolicy'], to: ['policies'], relation: 'authorizedBy' },
  { path: ['approver'], to: ['owners'], relation: 'approvedBy' },
];
