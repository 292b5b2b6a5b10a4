import { reviewState } from '../governance/review-due.ts';
import { POLICY_CATEGORIES, PolicySchema, policyReferences } from '../schemas/policy.ts';
import { capitalize } from '../text/capitalize.ts';
import { defineCollection } from './descriptor.ts';
import { badge, date, list, mostCommon, targets, text } from './field-value.ts';

/** Control: the policies that define how work enters the platform. */
export const policies = defineCollection({
  name: 'policies',
  plane: 'control',
  label: 'Policies',
  singular: 'Policy',
  noun: 'policies',
  schema: PolicySchema,
  references: policyReferences,
  source: { kind: 'folder', path: 'policies' },
  status: (entry) => ({ text: entry.data.status, variant: entry.data.status === 'active' ? 'success' : entry.data.status === 'draft' ? 'caution' : 'default' }),
  date: { label: 'Last review', recent: false, of: (entry) => entry.data.review.last },
  owner: { field: 'owner', relation: 'ownedBy' },
  ownerField: 'owner',
  card: [
    { label: 'Status', covers: ['status'], value: (entry) => badge(entry.data.status, entry.data.status === 'active' ? 'success' : entry.data.status === 'draft' ? 'caution' : 'default') },
    { label: 'Owner', covers: ['owner'], value: (entry, { graph }) => targets(graph, entry.key, ['owner']) },
    { label: 'Category', covers: ['category'], value: (entry) => text(entry.data.category) },
    { label: 'Effective', covers: ['effective'], value: (entry) => date(entry.data.effective) },
    { label: 'Last review', covers: ['review.last', 'review.cadence'], value: (entry) => date(entry.data.review.last, { note: `every ${entry.data.review.cadence}` }) },
    {
      label: 'Next review',
      value: (entry, { now, governance }) => {
        const review = reviewState(entry.data.review, now, governance.policyReview.errorAfterCadences);
        return date(review.due, { overdue: entry.data.status === 'active' && review.overdue });
      },
    },
    {
      label: 'Applies to',
      covers: ['appliesTo'],
      value: (entry, { graph }) => (entry.data.appliesTo === 'all' ? { kind: 'entries', keys: [], all: 'All services' } : targets(graph, entry.key, ['appliesTo'])),
    },
    {
      label: 'Enforcement',
      covers: ['enforcement.mode', 'enforcement.mechanism', 'enforcement.level'],
      value: (entry) => text(`${entry.data.enforcement.mode}: ${entry.data.enforcement.mechanism} (${entry.data.enforcement.level})`),
    },
    // The checks themselves, with what they found, are the page's Compliance section.
    { label: 'Checks', covers: ['checks'], value: (entry) => list(entry.data.checks.map((check) => `${check.name}: ${check.message}`)) },
    { label: 'Supersedes', covers: ['supersedes'], value: (entry, { graph }) => targets(graph, entry.key, ['supersedes']) },
    { label: 'Compliance', covers: ['compliance'], value: (entry) => list(entry.data.compliance.map((item) => `${item.framework}: ${item.criteria.join(', ')}`)) },
    { label: 'Follow-up of', covers: ['followUpOf'], value: (entry, { graph }) => targets(graph, entry.key, ['followUpOf']) },
  ],
  index: {
    columns: [
      { label: 'Status', value: (entry) => badge(entry.data.status, entry.data.status === 'active' ? 'success' : entry.data.status === 'draft' ? 'caution' : 'default') },
      { label: 'Category', value: (entry) => text(entry.data.category) },
      { label: 'Owner', value: (entry, { graph }) => targets(graph, entry.key, ['owner']) },
      {
        label: 'Next review',
        value: (entry, { now, governance }) => {
          const review = reviewState(entry.data.review, now, governance.policyReview.errorAfterCadences);
          return date(review.due, { overdue: entry.data.status === 'active' && review.overdue });
        },
      },
    ],
    group: (entry) => capitalize(entry.data.status),
    groupedBy: 'Status',
    order: ['Active', 'Draft', 'Retired'],
  },
  scaffold: (context) => ({
    owner: context.owner,
    status: { value: 'draft', note: 'Draft until reviewed: an active policy governs services and must be reviewed on time.' },
    category: { value: mostCommon(context.siblings, 'category', POLICY_CATEGORIES) },
    effective: { value: context.today },
    'review.cadence': { value: '1y' },
    'review.last': { value: context.today },
    'enforcement.mode': { value: 'manual' },
    'enforcement.mechanism': { value: `${context.todo}: how the policy is enforced` },
  }),
});
