import { reviewState } from '../governance/review-due.ts';
import { RUNBOOK_KINDS, type RunbookKind, RunbookSchema, runbookReferences } from '../schemas/runbook.ts';
import { defineCollection } from './descriptor.ts';
import { badge, date, targets, text } from './field-value.ts';

/** What one document of each kind is called, and several of them. */
const KIND_LABELS: Record<RunbookKind, { singular: string; plural: string }> = {
  runbook: { singular: 'Runbook', plural: 'Runbooks' },
  procedure: { singular: 'Procedure', plural: 'Procedures' },
  standard: { singular: 'Standard', plural: 'Standards' },
  architecture: { singular: 'Architecture record', plural: 'Architecture records' },
};

/** Knowledge: runbooks, procedures, standards and architecture records. */
export const runbooks = defineCollection({
  name: 'runbooks',
  plane: 'knowledge',
  label: 'Runbooks and standards',
  singular: 'Runbook',
  singularOf: (entry) => KIND_LABELS[entry.data.kind].singular,
  noun: 'runbooks and standards',
  schema: RunbookSchema,
  references: runbookReferences,
  source: { kind: 'folder', path: 'runbooks' },
  kinds: RUNBOOK_KINDS,
  status: (entry) => ({ text: entry.data.kind, variant: 'note' }),
  date: { label: 'Last review', recent: false, of: (entry) => entry.data.review.last },
  owner: { field: 'owner', relation: 'ownedBy' },
  ownerField: 'owner',
  // The position in the list is not a fact about the document.
  hidden: ['order'],
  card: [
    { label: 'Kind', covers: ['kind'], value: (entry) => badge(KIND_LABELS[entry.data.kind].singular.toLowerCase(), 'note') },
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
      { label: 'Kind', value: (entry) => badge(KIND_LABELS[entry.data.kind].singular.toLowerCase(), 'note') },
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
    group: (entry) => KIND_LABELS[entry.data.kind].plural,
    groupedBy: 'Kind',
    order: RUNBOOK_KINDS.map((kind) => KIND_LABELS[kind].plural),
  },
  scaffold: (context) => ({
    owner: context.owner,
    kind: { value: context.kind ?? 'runbook' },
    'review.cadence': { value: '6m' },
    'review.last': { value: context.today },
  }),
});
