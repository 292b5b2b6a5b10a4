import { OwnerSchema, ownerReferences } from '../schemas/owner.ts';
import { defineCollection } from './descriptor.ts';
import { badge, linkOrText, targets, text } from './field-value.ts';

/** Identity: the teams and people who own the platform. */
export const owners = defineCollection({
  name: 'owners',
  plane: 'identity',
  label: 'Owners',
  singular: 'Owner',
  singularOf: (entry) => (entry.data.kind === 'team' ? 'Team' : 'Person'),
  noun: 'owners',
  schema: OwnerSchema,
  references: ownerReferences,
  source: { kind: 'folder', path: 'owners' },
  kinds: ['team', 'person'],
  status: (entry) => ({ text: entry.data.kind, variant: 'default' }),
  card: [
    { label: 'Kind', covers: ['kind'], value: (entry) => badge(entry.data.kind) },
    { label: 'Role', covers: ['role'], value: (entry) => (entry.data.role ? text(entry.data.role) : undefined) },
    {
      label: 'Email',
      covers: ['contact.email'],
      value: (entry) => (entry.data.contact.email ? { kind: 'link', href: `mailto:${entry.data.contact.email}`, text: entry.data.contact.email } : undefined),
    },
    { label: 'Chat', covers: ['contact.chat'], value: (entry) => (entry.data.contact.chat ? text(entry.data.contact.chat) : undefined) },
    { label: 'Page', covers: ['contact.url'], value: (entry) => (entry.data.contact.url ? linkOrText(entry.data.contact.url) : undefined) },
    {
      label: 'Escalation',
      covers: ['escalation.route', 'escalation.url'],
      value: (entry) => {
        const escalation = entry.data.escalation;
        if (!escalation) return undefined;
        return escalation.url ? { kind: 'link', href: escalation.url, text: escalation.route } : text(escalation.route);
      },
    },
    { label: 'Escalates to', covers: ['escalation.next'], value: (entry, { graph }) => targets(graph, entry.key, ['escalation', 'next']) },
    // A person is part of the teams that list them as members, as well as of a team named as parent.
    {
      label: 'Part of',
      covers: ['parent'],
      value: (entry, { graph }) => ({ kind: 'entries', keys: partOf(entry.key, graph) }),
    },
    { label: 'Members', covers: ['members'], value: (entry, { graph }) => targets(graph, entry.key, ['members']) },
  ],
  index: {
    columns: [
      { label: 'Kind', value: (entry) => badge(entry.data.kind) },
      { label: 'Part of', value: (entry, { graph }) => ({ kind: 'entries', keys: partOf(entry.key, graph) }) },
      { label: 'Contact', value: (entry) => text(entry.data.contact.email ?? entry.data.contact.chat ?? entry.data.contact.url ?? '') },
      {
        label: 'Owns',
        value: (entry, { graph }) => text(String(graph.related(entry.key, 'owns').length)),
        sort: (entry, { graph }) => graph.related(entry.key, 'owns').length,
      },
    ],
    group: (entry) => (entry.data.kind === 'team' ? 'Teams' : 'People'),
    groupedBy: 'Kind',
    order: ['Teams', 'People'],
  },
  scaffold: (context) => ({
    kind: { value: context.kind ?? 'team' },
    'contact.chat': { value: `${context.todo}: chat channel or handle`, note: 'Give at least one of email, chat and url.' },
  }),
});

/** The teams an owner belongs to: its parent team, and the teams that list it as a member. */
function partOf(key: string, graph: import('../graph/build-graph.ts').PlatformGraph): string[] {
  const keys = [...graph.related(key, 'childOf'), ...graph.related(key, 'memberOf')].map((entry) => entry.key);
  return [...new Set(keys)];
}
