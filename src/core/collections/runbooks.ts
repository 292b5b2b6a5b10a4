import { reviewState } from '../governance/review-due.ts';
import { RUNBOOK_KINDS, RunbookSchema, runbookReferences } from '../schemas/runbook.ts';
import { capitalize } from '../text/capitalize.ts';
import { defineCollection } from './descriptor.ts';
import { badge, date, targets, text } from './field-value.ts';

/** Knowledge: runbooks, procedures, standards and architecture records. */
export const runbooks = defineCollection({
  name: 'runbooks',
  plane: 'knowledge',
  label: 'Runbooks and standards',
  singular: 'Runbook',
  noun: 'runbooks and standards',
  schema: RunbookSchema,
  references: runbookReferences,
  source: { kind: 'folder', path: 'runbooks' },
  kinds: RUNBOOK_KINDS,
  status: (entry) => ({ text: entry.data.kind, variant: 'note' }),
  date: { label: 'Last review', recent: false, of: (entry) => entry.data.review.last },
  owner: { field: 'owner', relation: 'ownedBy' },
  ownerField: 'owner',
  card: [
    { label: 'Kind', covers: ['kind'], value: (entry) => badge(entry.data.kind, 'note') },
    { label: 'Owner', covers: ['owner'], value: (entry, { graph }) => targets(graph, entry.key, ['owner']) },
    { label: 'Covers', covers: ['services'], value: (entry, { graph }) => targets(graph, entry.key, ['services']) },
    { label: 'Implements', covers: ['policies'], value: (entry, { graph }) => targets(graph, entry.key, ['policies']) },
    { label: 'Last review', covers: ['review.last', 'review.cadence'], value: (entry) => date(entry.data.review.last, { note: `every ${entry.data.review.cadence}` }) },
    {
      label: 'Next review',
      value: (entry, { now }) => {
        const review = reviewState(entry.data.review, now);
        return date(review.due, { overdue: review.overdue });
      },
    },
    { label: 'Follow-up of', covers: ['followUpOf'], value: (entry, { graph }) => targets(graph, entry.key, ['followUpOf']) },
  ],
  index: {
    columns: [
      { label: 'Kind', value: (entry) => badge(entry.data.kind, 'note') },
      { label: 'Owner', value: (entry, { graph }) => targets(graph, entry.key, ['owner']) },
      { label: 'Covers', value: (entry) => text(String(entry.data.services.length)), sort: (entry) => entry.data.services.length },
      {
        label: 'Next review',
        value: (entry, { now }) => {
          const review = reviewState(entry.data.review, now);
          return date(review.due, { overdue: review.overdue });
        },
      },
    ],
    group: (entry) => `${capitalize(entry.data.kind)}s`,
    order: ['Runbooks', 'Procedures', 'Standards', 'Architectures'],
  },
  scaffold: (context) => ({
    owner: context.owner,
    kind: { value: context.kind ?? 'runbook' },
    'review.cadence': { value: '6m' },
    'review.last': { value: context.today },
  }),
});
