import { type ServiceScore, scoreLabel } from '../governance/scorecard.ts';
import { addCadence } from '../schemas/shared.ts';
import { ServiceSchema, serviceReferences } from '../schemas/service.ts';
import { formatList } from '../text/closest.ts';
import { defineCollection } from './descriptor.ts';
import { badge, type BadgeVariant, date, linkOrText, targets, text } from './field-value.ts';

const lifecycleVariant = (lifecycle: string): BadgeVariant => (lifecycle === 'production' ? 'success' : lifecycle === 'experimental' ? 'note' : 'caution');
// A tier classifies a service, it is not a state to alarm about: every tier has the one colour,
// wherever its badge is shown.
const tierVariant = (_tier: number): BadgeVariant => 'note';

/** Badge colour of a scorecard level by its rank (-1 for none). */
export function levelVariant(rank: number): BadgeVariant {
  return rank < 0 ? 'danger' : rank === 0 ? 'caution' : rank === 1 ? 'note' : 'success';
}

/**
 * The badge of a service's scorecard: its level, or for a service that is not rated (experimental,
 * deprecated) its lifecycle, in neutral colours, never a level it did not earn.
 */
export function scoreBadge(score: ServiceScore | undefined): { text: string; variant: BadgeVariant } {
  if (!score) return { text: 'None', variant: levelVariant(-1) };
  return { text: scoreLabel(score), variant: score.rated ? levelVariant(score.rank) : 'default' };
}

/** Execution: the services the platform delivers. */
export const services = defineCollection({
  name: 'services',
  plane: 'execution',
  label: 'Services',
  singular: 'Service',
  noun: 'services',
  schema: ServiceSchema,
  references: serviceReferences,
  source: { kind: 'folder', path: 'services' },
  status: (entry) => ({ text: entry.data.lifecycle, variant: lifecycleVariant(entry.data.lifecycle) }),
  owner: { field: 'owner', relation: 'ownedBy' },
  ownerField: 'owner',
  card: [
    { label: 'Lifecycle', covers: ['lifecycle'], value: (entry) => badge(entry.data.lifecycle, lifecycleVariant(entry.data.lifecycle)) },
    { label: 'Tier', covers: ['tier'], value: (entry) => badge(`Tier ${entry.data.tier}`, tierVariant(entry.data.tier)) },
    { label: 'Owner', covers: ['owner'], value: (entry, { graph }) => targets(graph, entry.key, ['owner']) },
    { label: 'System', covers: ['system'], value: (entry) => (entry.data.system ? text(entry.data.system) : undefined) },
    { label: 'On call', covers: ['operations.onCall'], value: (entry, { graph }) => targets(graph, entry.key, ['operations', 'onCall']) },
    { label: 'Depends on', covers: ['dependsOn'], value: (entry, { graph }) => targets(graph, entry.key, ['dependsOn']) },
    { label: 'Governed by', covers: ['governedBy'], value: (entry, { graph }) => targets(graph, entry.key, ['governedBy']) },
    { label: 'Monitoring', covers: ['operations.monitoring'], value: (entry) => (entry.data.operations.monitoring ? linkOrText(entry.data.operations.monitoring) : undefined) },
    { label: 'Alerting', covers: ['operations.alerting'], value: (entry) => (entry.data.operations.alerting ? text(entry.data.operations.alerting) : undefined) },
    { label: 'Data', covers: ['operations.dataClassification'], value: (entry) => text(entry.data.operations.dataClassification) },
    { label: 'Backups', covers: ['operations.backups.schedule'], value: (entry) => (entry.data.operations.backups ? text(entry.data.operations.backups.schedule) : undefined) },
    {
      label: 'Last restore test',
      covers: ['operations.backups.lastRestoreTest'],
      value: (entry, { governance, now }) => {
        const tested = entry.data.operations.backups?.lastRestoreTest;
        return tested ? date(tested, { overdue: addCadence(tested, governance.backups.restoreTestMaxAge) < now }) : undefined;
      },
    },
    { label: 'Repository', covers: ['operations.repository'], value: (entry) => (entry.data.operations.repository ? linkOrText(entry.data.operations.repository) : undefined) },
  ],
  index: {
    columns: [
      { label: 'Tier', value: (entry) => badge(`Tier ${entry.data.tier}`, tierVariant(entry.data.tier)), sort: (entry) => entry.data.tier },
      { label: 'Lifecycle', value: (entry) => badge(entry.data.lifecycle, lifecycleVariant(entry.data.lifecycle)) },
      { label: 'Owner', value: (entry, { graph }) => targets(graph, entry.key, ['owner']) },
      {
        label: 'Level',
        value: (entry, { scores }) => {
          const { text, variant } = scoreBadge(scores.get(entry.key));
          return badge(text, variant);
        },
        sort: (entry, { scores }) => scores.get(entry.key)?.rank ?? -1,
      },
    ],
    group: (entry) => `Tier ${entry.data.tier}`,
    groupedBy: 'Tier',
  },
  scaffold: (context) => {
    const required = context.governance.runbookRequiredTiers;
    const tier = [1, 2, 3, 4].find((candidate) => !required.includes(candidate)) ?? 4;
    return {
      owner: context.owner,
      tier: { value: tier, note: `In production, tiers ${formatList(required.map(String), 'and') || 'none'} need a runbook.` },
      lifecycle: { value: 'experimental', note: 'Production services must be governed, monitored, alerted and on call.' },
    };
  },
});
