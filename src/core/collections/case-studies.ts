import { CaseStudySchema, caseStudyReferences } from '../schemas/case-study.ts';
import { defineCollection } from './descriptor.ts';
import { date, targets, text } from './field-value.ts';
import { headline } from './outcomes.ts';
import { plural } from '../text/plural.ts';

/** Proof: what the work delivered, measured. */
export const caseStudies = defineCollection({
  name: 'case-studies',
  plane: 'proof',
  label: 'Case studies',
  singular: 'Case study',
  noun: 'case studies',
  schema: CaseStudySchema,
  references: caseStudyReferences,
  source: { kind: 'folder', path: 'case-studies' },
  date: { label: 'Date', recent: true, of: (entry) => entry.data.date },
  owner: { field: 'owner', relation: 'ownedBy' },
  ownerField: 'owner',
  card: [
    { label: 'Owner', covers: ['owner'], value: (entry, { graph }) => targets(graph, entry.key, ['owner']) },
    { label: 'Date', covers: ['date'], value: (entry) => date(entry.data.date) },
    { label: 'Services', covers: ['services'], value: (entry, { graph }) => targets(graph, entry.key, ['services']) },
    { label: 'Deployments', covers: ['deployments'], value: (entry, { graph }) => targets(graph, entry.key, ['deployments']) },
    { label: 'Follow-ups', covers: ['followUps'], value: (entry, { graph }) => targets(graph, entry.key, ['followUps']) },
    // Outcomes have a section of their own on the page (CaseStudyOutcomes.astro), marked improved or regressed.
    {
      label: 'Outcomes',
      covers: ['outcomes'],
      value: (entry) => (entry.data.outcomes.length > 0 ? { kind: 'link', href: '#outcomes', text: plural(entry.data.outcomes.length, 'measured outcome') } : undefined),
    },
  ],
  index: {
    columns: [
      { label: 'Owner', value: (entry, { graph }) => targets(graph, entry.key, ['owner']) },
      { label: 'Date', value: (entry) => date(entry.data.date) },
      {
        label: 'Headline outcome',
        value: (entry) => text(entry.data.outcomes[0] ? headline(entry.data.outcomes[0]) : 'none measured'),
      },
    ],
    group: (entry) => String(entry.data.date.getUTCFullYear()),
  },
  scaffold: (context) => ({ owner: context.owner, date: { value: context.today } }),
});
