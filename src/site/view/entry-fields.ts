import type { AnyEntry } from '../../core/content/entry.ts';
import type { PlatformGraph } from '../../core/graph/build-graph.ts';
import type { Governance } from '../../core/schemas/index.ts';
import { addCadence } from '../../core/schemas/shared.ts';
import { reviewState } from '../../core/governance/review-due.ts';
import { type BadgeVariant, entryStatus } from './entry-facts.ts';

/** One value of the metadata card, typed so the page renders each kind properly. */
export type FieldValue =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'date'; readonly date: Date; readonly time?: boolean; readonly note?: string; readonly overdue?: boolean }
  | { readonly kind: 'entries'; readonly keys: readonly string[]; readonly all?: string }
  | { readonly kind: 'badge'; readonly text: string; readonly variant: BadgeVariant }
  | { readonly kind: 'link'; readonly href: string; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] };

export interface Field {
  readonly label: string;
  readonly value: FieldValue;
}

const text = (value: string): FieldValue => ({ kind: 'text', text: value });
const entries = (collection: string, ids: readonly string[]): FieldValue => ({
  kind: 'entries',
  keys: ids.map((id) => `${collection}/${id}`),
});
const anyEntries = (keys: readonly string[]): FieldValue => ({ kind: 'entries', keys });
const linkOrText = (value: string): FieldValue => (/^(https?:\/\/|\/)/.test(value) ? { kind: 'link', href: value, text: value.replace(/^https?:\/\//, '') } : text(value));

/**
 * Returns the metadata card of an entry: its typed fields, in reading order, with references
 * resolved to entry keys and dates kept as dates. Empty fields are left out.
 */
export function entryFields(entry: AnyEntry, graph: PlatformGraph, governance: Governance, now: Date): Field[] {
  const fields: Field[] = [];
  const add = (label: string, value: FieldValue | undefined) => {
    if (!value) return;
    if (value.kind === 'entries' && value.keys.length === 0 && !value.all) return;
    if (value.kind === 'list' && value.items.length === 0) return;
    fields.push({ label, value });
  };
  const status = entryStatus(entry);
  switch (entry.collection) {
    case 'owners': {
      const data = entry.data;
      add('Kind', status && { kind: 'badge', ...status });
      if (data.role) add('Role', text(data.role));
      if (data.contact.email) add('Email', { kind: 'link', href: `mailto:${data.contact.email}`, text: data.contact.email });
      if (data.contact.chat) add('Chat', text(data.contact.chat));
      if (data.contact.url) add('Page', linkOrText(data.contact.url));
      if (data.escalation) {
        add('Escalation', data.escalation.url ? { kind: 'link', href: data.escalation.url, text: data.escalation.route } : text(data.escalation.route));
        if (data.escalation.next) add('Escalates to', entries('owners', [data.escalation.next]));
      }
      if (data.parent) add('Part of', entries('owners', [data.parent]));
      add('Members', entries('owners', data.members));
      break;
    }
    case 'policies': {
      const data = entry.data;
      const review = reviewState(data.review, now, governance.policyReview.errorAfterCadences);
      add('Status', status && { kind: 'badge', ...status });
      add('Owner', entries('owners', [data.owner]));
      add('Category', text(data.category));
      add('Effective', { kind: 'date', date: data.effective });
      add('Last review', { kind: 'date', date: data.review.last, note: `every ${data.review.cadence}` });
      add('Next review', { kind: 'date', date: review.due, overdue: data.status === 'active' && review.overdue });
      add('Applies to', data.appliesTo === 'all' ? { kind: 'entries', keys: [], all: 'All services' } : entries('services', data.appliesTo));
      add('Enforcement', text(`${data.enforcement.mode}: ${data.enforcement.mechanism}`));
      add('Supersedes', entries('policies', data.supersedes));
      add('Compliance', { kind: 'list', items: data.compliance.map((item) => `${item.framework}: ${item.criteria.join(', ')}`) });
      add('Follow-up of', anyEntries(data.followUpOf));
      break;
    }
    case 'runbooks': {
      const data = entry.data;
      const review = reviewState(data.review, now);
      add('Kind', status && { kind: 'badge', ...status });
      add('Owner', entries('owners', [data.owner]));
      add('Covers', entries('services', data.services));
      add('Implements', entries('policies', data.policies));
      add('Last review', { kind: 'date', date: data.review.last, note: `every ${data.review.cadence}` });
      add('Next review', { kind: 'date', date: review.due, overdue: review.overdue });
      add('Follow-up of', anyEntries(data.followUpOf));
      break;
    }
    case 'services': {
      const data = entry.data;
      const ops = data.operations;
      add('Lifecycle', status && { kind: 'badge', ...status });
      add('Tier', { kind: 'badge', text: `Tier ${data.tier}`, variant: data.tier === 1 ? 'danger' : data.tier === 2 ? 'caution' : 'default' });
      add('Owner', entries('owners', [data.owner]));
      add('On call', ops.onCall ? entries('owners', [ops.onCall]) : undefined);
      add('Depends on', entries('services', data.dependsOn));
      add('Monitoring', ops.monitoring ? linkOrText(ops.monitoring) : undefined);
      add('Alerting', ops.alerting ? text(ops.alerting) : undefined);
      add('Data', text(ops.dataClassification));
      if (ops.backups) {
        add('Backups', text(ops.backups.schedule));
        if (ops.backups.lastRestoreTest) {
          const due = addCadence(ops.backups.lastRestoreTest, governance.backups.restoreTestMaxAge);
          add('Last restore test', { kind: 'date', date: ops.backups.lastRestoreTest, overdue: due < now });
        }
      }
      add('Repository', ops.repository ? linkOrText(ops.repository) : undefined);
      break;
    }
    case 'deployments': {
      const data = entry.data;
      add('Outcome', status && { kind: 'badge', ...status });
      add('Service', entries('services', [data.service]));
      add('Version', text(data.version));
      add('Environment', { kind: 'badge', text: data.environment, variant: governance.productionEnvironments.includes(data.environment) ? 'note' : 'default' });
      add('Date', { kind: 'date', date: data.date, time: true });
      add('Pipeline', linkOrText(data.pipeline));
      add('Approver', data.approver ? entries('owners', [data.approver]) : undefined);
      add('Change policy', data.changePolicy ? entries('policies', [data.changePolicy]) : undefined);
      add('Change request', data.changeRequest ? linkOrText(data.changeRequest) : undefined);
      break;
    }
    case 'incidents': {
      const data = entry.data;
      add('Severity', { kind: 'badge', text: data.severity, variant: data.severity === 'SEV1' || data.severity === 'SEV2' ? 'danger' : 'caution' });
      add('Status', status && { kind: 'badge', ...status });
      add('Services', entries('services', data.services));
      add('Started', { kind: 'date', date: data.started, time: true });
      if (data.resolved) add('Resolved', { kind: 'date', date: data.resolved, time: true, note: formatDuration(data.resolved.getTime() - data.started.getTime()) });
      add('Commander', entries('owners', [data.commander]));
      add('Runbooks used', entries('runbooks', data.runbooks));
      add('Follow-ups', anyEntries(data.followUps.map((id) => qualify(id, graph, ['policies', 'runbooks']))));
      if (data.impact) add('Impact', text(data.impact));
      break;
    }
    case 'case-studies': {
      const data = entry.data;
      add('Owner', entries('owners', [data.owner]));
      add('Date', { kind: 'date', date: data.date });
      add('Services', entries('services', data.services));
      add('Deployments', entries('deployments', data.deployments));
      add('Follow-ups', anyEntries(data.followUps.map((id) => qualify(id, graph, ['policies', 'runbooks']))));
      break;
    }
    case 'articles': {
      const data = entry.data;
      add('Author', entries('owners', [data.author]));
      add('Published', { kind: 'date', date: data.date });
      add('Explains', anyEntries(data.explains));
      add('Tags', { kind: 'list', items: data.tags });
      break;
    }
    case 'whitepaper':
      add('Chapter', text(String(entry.data.order)));
      add('Related documents', anyEntries(entry.data.related));
      break;
    case 'platform':
      break;
  }
  return fields;
}

/** Resolves a bare ID of a multi-collection field to its `collection/id` key. */
function qualify(id: string, graph: PlatformGraph, collections: readonly string[]): string {
  if (collections.some((name) => id.startsWith(`${name}/`))) return id;
  return collections.map((name) => `${name}/${id}`).find((key) => graph.get(key)) ?? id;
}

/** Formats a duration in milliseconds as `1 h 30 min` or `2 d 4 h`. */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.round(milliseconds / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
