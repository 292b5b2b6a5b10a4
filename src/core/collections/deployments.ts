import { DeploymentSchema, deploymentReferences, OUTCOMES } from '../schemas/deployment.ts';
import { formatDuration } from '../text/dates.ts';
import { isProduction } from '../governance/environments.ts';
import { defineCollection } from './descriptor.ts';
import { badge, type BadgeVariant, date, linkOrText, mostCommon, targets, text } from './field-value.ts';

const outcomeVariant = (outcome: string): BadgeVariant => (outcome === 'succeeded' ? 'success' : outcome === 'failed' ? 'danger' : 'caution');

/** Execution: every change put into an environment. */
export const deployments = defineCollection({
  name: 'deployments',
  plane: 'execution',
  label: 'Deployments',
  singular: 'Deployment',
  noun: 'deployments',
  schema: DeploymentSchema,
  references: deploymentReferences,
  source: { kind: 'folder', path: 'deployments' },
  status: (entry) => ({ text: entry.data.outcome, variant: outcomeVariant(entry.data.outcome) }),
  date: { label: 'Date', recent: true, of: (entry) => entry.data.date },
  owner: { via: 'deploys' },
  card: [
    { label: 'Outcome', covers: ['outcome'], value: (entry) => badge(entry.data.outcome, outcomeVariant(entry.data.outcome)) },
    { label: 'Service', covers: ['service'], value: (entry, { graph }) => targets(graph, entry.key, ['service']) },
    { label: 'Version', covers: ['version'], value: (entry) => text(entry.data.version) },
    {
      label: 'Environment',
      covers: ['environment'],
      value: (entry, { governance }) => badge(entry.data.environment, isProduction(entry.data.environment, governance) ? 'note' : 'default'),
    },
    { label: 'Date', covers: ['date'], value: (entry) => date(entry.data.date, { time: true }) },
    { label: 'Pipeline', covers: ['pipeline'], value: (entry) => linkOrText(entry.data.pipeline) },
    { label: 'Approver', covers: ['approver'], value: (entry, { graph }) => targets(graph, entry.key, ['approver']) },
    { label: 'Change policy', covers: ['changePolicy'], value: (entry, { graph }) => targets(graph, entry.key, ['changePolicy']) },
    { label: 'Change request', covers: ['changeRequest'], value: (entry) => (entry.data.changeRequest ? linkOrText(entry.data.changeRequest) : undefined) },
    // The backlink of an incident's causedBy: a deployment that caused one counts as a change failure.
    { label: 'Incidents caused', value: (entry, { graph }) => ({ kind: 'entries', keys: graph.related(entry.key, 'caused').map((incident) => incident.key) }) },
    {
      label: 'Committed',
      covers: ['committed'],
      value: (entry) => (entry.data.committed ? date(entry.data.committed, { time: true, note: `${formatDuration(entry.data.date.getTime() - entry.data.committed.getTime())} before it was deployed` }) : undefined),
    },
  ],
  index: {
    columns: [
      { label: 'Service', value: (entry, { graph }) => targets(graph, entry.key, ['service']) },
      { label: 'Version', value: (entry) => text(entry.data.version) },
      { label: 'Environment', value: (entry) => text(entry.data.environment) },
      { label: 'Date', value: (entry) => date(entry.data.date, { time: true }) },
      { label: 'Outcome', value: (entry) => badge(entry.data.outcome, outcomeVariant(entry.data.outcome)) },
    ],
    group: (entry) => entry.data.date.toISOString().slice(0, 7),
  },
  scaffold: (context) => {
    // A new deployment starts outside production, in the first environment governance.yaml names as such.
    const environment = context.governance.nonProductionEnvironments.find((name) => !isProduction(name, context.governance)) ?? `${context.todo}-environment`;
    return {
      service: { value: `${context.todo}-service` },
      version: { value: context.todo },
      environment: { value: environment, note: `Production environments (${context.governance.productionEnvironments.join(', ')}) need an approver and a change policy.` },
      date: { value: context.instant },
      pipeline: { value: `${context.todo}: pipeline name or link` },
      outcome: { value: mostCommon(context.siblings, 'outcome', OUTCOMES) },
    };
  },
});
