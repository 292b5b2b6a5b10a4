import { z } from 'zod';
import type { ReferenceField } from './reference-field.ts';
import { entryBase, isoDateTime, ref, refs, SEVERITIES } from './shared.ts';

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

/** An incident of the Operations plane; its postmortem is a section of the body. */
export const IncidentSchema = z
  .strictObject({
    ...entryBase,
    services: z.array(ref()).min(1).describe('IDs of the services affected.'),
    severity: z.enum(SEVERITIES).describe('SEV1 (most severe) to SEV4.'),
    status: z
      .enum(INCIDENT_STATUSES)
      .describe('investigating, identified, monitoring or resolved. Anything but resolved counts as open.'),
    started: isoDateTime().describe('When impact began, ISO 8601.'),
    resolved: isoDateTime().optional().describe('When impact ended, ISO 8601. Needed once status is resolved.'),
    commander: ref().describe('ID of the person who commanded the response.'),
    runbooks: refs().describe('IDs of runbooks used during the response. Defaults to none.'),
    causedBy: refs().describe(
      'IDs of the deployments that caused this incident, when a change did; the change failure rate counts them. Defaults to none.',
    ),
    followUps: refs().describe(
      'IDs of the policies and runbooks changed because of this incident, as policies/<id> or runbooks/<id>. Defaults to none.',
    ),
    impact: z.string().trim().optional().describe('One line on what users saw. Optional.'),
  })
  .superRefine((incident, ctx) => {
    if (incident.status === 'resolved' && !incident.resolved) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolved'],
        message: 'a resolved incident needs the time it was resolved',
      });
    }
    if (incident.resolved && incident.resolved < incident.started) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolved'],
        message: 'the incident cannot be resolved before it started',
      });
    }
  });

export type Incident = z.output<typeof IncidentSchema>;

export const incidentReferences: readonly ReferenceField[] = [
  { path: ['services', '*'], to: ['services'], relation: 'affects' },
  { path: ['commander'], to: ['owners'], relation: 'commandedBy' },
  { path: ['runbooks', '*'], to: ['runbooks'], relation: 'usedRunbook' },
  { path: ['causedBy', '*'], to: ['deployments'], relation: 'causedBy' },
  { path: ['followUps', '*'], to: ['policies', 'runbooks'], relation: 'followedUpBy' },
];
