import { IncidentSchema, incidentReferences } from '../schemas/incident.ts';
import { SEVERITIES } from '../schemas/shared.ts';
import { formatDuration } from '../text/dates.ts';
import { defineCollection } from './descriptor.ts';
import { badge, type BadgeVariant, date, targets, text } from './field-value.ts';

const severe = (severity: string) => severity === 'SEV1' || severity === 'SEV2';
const severityVariant = (severity: string): BadgeVariant => (severe(severity) ? 'danger' : 'caution');

/** Operations: what went wrong, who led the response and what followed. */
export const incidents = defineCollection({
  name: 'incidents',
  plane: 'operations',
  label: 'Incidents',
  singular: 'Incident',
  noun: 'incidents',
  schema: IncidentSchema,
  references: incidentReferences,
  source: { kind: 'folder', path: 'incidents' },
  status: (entry) => ({
    text: entry.data.status === 'resolved' ? 'resolved' : `open: ${entry.data.status}`,
    variant: entry.data.status === 'resolved' ? 'default' : severityVariant(entry.data.severity),
  }),
  date: { label: 'Started', recent: true, of: (entry) => entry.data.started },
  owner: { via: 'affects' },
  ownerField: 'commander',
  card: [
    { label: 'Severity', covers: ['severity'], value: (entry) => badge(entry.data.severity, severityVariant(entry.data.severity)) },
    {
      label: 'Status',
      covers: ['status'],
      value: (entry) => badge(entry.data.status === 'resolved' ? 'resolved' : `open: ${entry.data.status}`, entry.data.status === 'resolved' ? 'default' : severityVariant(entry.data.severity)),
    },
    { label: 'Services', covers: ['services'], value: (entry, { graph }) => targets(graph, entry.key, ['services']) },
    { label: 'Started', covers: ['started'], value: (entry) => date(entry.data.started, { time: true }) },
    {
      label: 'Resolved',
      covers: ['resolved'],
      value: (entry) => (entry.data.resolved ? date(entry.data.resolved, { time: true, note: formatDuration(entry.data.resolved.getTime() - entry.data.started.getTime()) }) : undefined),
    },
    { label: 'Commander', covers: ['commander'], value: (entry, { graph }) => targets(graph, entry.key, ['commander']) },
    { label: 'Runbooks used', covers: ['runbooks'], value: (entry, { graph }) => targets(graph, entry.key, ['runbooks']) },
    { label: 'Caused by', covers: ['causedBy'], value: (entry, { graph }) => targets(graph, entry.key, ['causedBy']) },
    { label: 'Follow-ups', covers: ['followUps'], value: (entry, { graph }) => targets(graph, entry.key, ['followUps']) },
    { label: 'Impact', covers: ['impact'], value: (entry) => (entry.data.impact ? text(entry.data.impact) : undefined) },
  ],
  index: {
    columns: [
      { label: 'Severity', value: (entry) => badge(entry.data.severity, severityVariant(entry.data.severity)) },
      {
        label: 'Status',
        value: (entry) => badge(entry.data.status === 'resolved' ? 'resolved' : `open: ${entry.data.status}`, entry.data.status === 'resolved' ? 'default' : severityVariant(entry.data.severity)),
      },
      { label: 'Started', value: (entry) => date(entry.data.started, { time: true }) },
      {
        label: 'Duration',
        value: (entry) => text(entry.data.resolved ? formatDuration(entry.data.resolved.getTime() - entry.data.started.getTime()) : 'ongoing'),
        sort: (entry) => (entry.data.resolved ? entry.data.resolved.getTime() - entry.data.started.getTime() : Number.MAX_SAFE_INTEGER),
      },
      { label: 'Services', value: (entry, { graph }) => targets(graph, entry.key, ['services']) },
    ],
    group: (entry) => (entry.data.status !== 'resolved' ? 'Open' : 'Resolved'),
    order: ['Open', 'Resolved'],
  },
  scaffold: (context) => {
    const duties = new Set([...context.governance.postmortem.severities, ...context.governance.loop.severities]);
    const severity = SEVERITIES.find((level) => !duties.has(level)) ?? 'SEV4';
    return {
      services: { value: [`${context.todo}-service`] },
      severity: { value: severity },
      status: { value: 'investigating' },
      started: { value: context.instant },
      // A person: the owner chosen, else a placeholder (npm run new never offers the trust anchor, a team).
      commander: context.owner,
    };
  },
});
