import type { AnyEntry } from '../../core/content/entry.ts';
import type { CheckReport } from '../../core/check/run-check.ts';
import type { EntryCollectionName } from '../../core/schemas/index.ts';
import { reviewState } from '../../core/governance/review-due.ts';
import { capitalize } from '../../core/text/capitalize.ts';
import { type BadgeVariant, entryDate, entryStatus } from './entry-facts.ts';
import { type FieldValue, formatDuration } from './entry-fields.ts';

export interface Cell {
  readonly value: FieldValue;
  /** What the column sorts by; numbers sort numerically. */
  readonly sort: string | number;
}

export interface IndexRow {
  readonly key: string;
  readonly title: string;
  readonly cells: readonly Cell[];
  readonly errors: number;
  readonly warnings: number;
}

export interface IndexGroup {
  readonly label: string;
  readonly rows: readonly IndexRow[];
}

export interface CollectionIndex {
  readonly columns: readonly string[];
  readonly groups: readonly IndexGroup[];
}

const badge = (text: string, variant: BadgeVariant = 'default'): Cell => ({ value: { kind: 'badge', text, variant }, sort: text });
const textCell = (text: string): Cell => ({ value: { kind: 'text', text }, sort: text.toLowerCase() });
const entryCell = (key: string): Cell => ({ value: { kind: 'entries', keys: [key] }, sort: key });
const dateCell = (date: Date | undefined, time = false, overdue = false): Cell =>
  date ? { value: { kind: 'date', date, time, overdue }, sort: date.toISOString() } : textCell('');
const countCell = (count: number): Cell => ({ value: { kind: 'text', text: String(count) }, sort: count });

interface Layout {
  readonly columns: readonly string[];
  cells(entry: AnyEntry, report: CheckReport): Cell[];
  group(entry: AnyEntry): string;
  /** Group labels in display order; groups not listed follow in sorted order. */
  readonly order?: readonly string[];
}

const statusCell = (entry: AnyEntry): Cell => {
  const status = entryStatus(entry);
  return status ? badge(status.text, status.variant) : textCell('');
};

/** How each collection's index is laid out: its columns and how rows are grouped. */
const LAYOUTS: Record<EntryCollectionName, Layout> = {
  owners: {
    columns: ['Kind', 'Part of', 'Contact', 'Owns'],
    cells: (entry, { graph }) => {
      if (entry.collection !== 'owners') return [];
      const contact = entry.data.contact.email ?? entry.data.contact.chat ?? entry.data.contact.url ?? '';
      return [
        statusCell(entry),
        entry.data.parent ? entryCell(`owners/${entry.data.parent}`) : textCell(''),
        textCell(contact),
        countCell(graph.related(entry.key, 'owns').length),
      ];
    },
    group: (entry) => (entry.collection === 'owners' && entry.data.kind === 'team' ? 'Teams' : 'People'),
    order: ['Teams', 'People'],
  },
  policies: {
    columns: ['Status', 'Category', 'Owner', 'Next review'],
    cells: (entry, { now, content }) => {
      if (entry.collection !== 'policies') return [];
      const review = reviewState(entry.data.review, now, content.governance.policyReview.errorAfterCadences);
      return [statusCell(entry), textCell(entry.data.category), entryCell(`owners/${entry.data.owner}`), dateCell(review.due, false, entry.data.status === 'active' && review.overdue)];
    },
    group: (entry) => (entry.collection === 'policies' ? capitalize(entry.data.status) : ''),
    order: ['Active', 'Draft', 'Retired'],
  },
  runbooks: {
    columns: ['Kind', 'Owner', 'Covers', 'Next review'],
    cells: (entry, { now }) => {
      if (entry.collection !== 'runbooks') return [];
      const review = reviewState(entry.data.review, now);
      return [statusCell(entry), entryCell(`owners/${entry.data.owner}`), countCell(entry.data.services.length), dateCell(review.due, false, review.overdue)];
    },
    group: (entry) => (entry.collection === 'runbooks' ? `${capitalize(entry.data.kind)}s` : ''),
    order: ['Runbooks', 'Procedures', 'Standards', 'Architectures'],
  },
  services: {
    columns: ['Tier', 'Lifecycle', 'Owner', 'Level'],
    cells: (entry, { scores }) => {
      if (entry.collection !== 'services') return [];
      const score = scores.find((candidate) => candidate.key === entry.key);
      return [
        { ...badge(`Tier ${entry.data.tier}`), sort: entry.data.tier },
        statusCell(entry),
        entryCell(`owners/${entry.data.owner}`),
        { value: { kind: 'badge', text: score?.level ?? 'None', variant: levelVariant(score?.rank ?? -1) }, sort: score?.rank ?? -1 },
      ];
    },
    group: (entry) => (entry.collection === 'services' ? `Tier ${entry.data.tier}` : ''),
  },
  deployments: {
    columns: ['Service', 'Version', 'Environment', 'Date', 'Outcome'],
    cells: (entry) => {
      if (entry.collection !== 'deployments') return [];
      return [entryCell(`services/${entry.data.service}`), textCell(entry.data.version), textCell(entry.data.environment), dateCell(entry.data.date, true), statusCell(entry)];
    },
    group: (entry) => monthOf(entryDate(entry)),
  },
  incidents: {
    columns: ['Severity', 'Status', 'Started', 'Duration', 'Services'],
    cells: (entry) => {
      if (entry.collection !== 'incidents') return [];
      const { started, resolved, severity } = entry.data;
      return [
        badge(severity, severity === 'SEV1' || severity === 'SEV2' ? 'danger' : 'caution'),
        statusCell(entry),
        dateCell(started, true),
        resolved ? { value: { kind: 'text', text: formatDuration(resolved.getTime() - started.getTime()) }, sort: resolved.getTime() - started.getTime() } : textCell('ongoing'),
        { value: { kind: 'entries', keys: entry.data.services.map((id) => `services/${id}`) }, sort: entry.data.services.join(',') },
      ];
    },
    group: (entry) => (entry.collection === 'incidents' && entry.data.status !== 'resolved' ? 'Open' : 'Resolved'),
    order: ['Open', 'Resolved'],
  },
  'case-studies': {
    columns: ['Owner', 'Date', 'Outcomes'],
    cells: (entry) => {
      if (entry.collection !== 'case-studies') return [];
      return [entryCell(`owners/${entry.data.owner}`), dateCell(entry.data.date), countCell(entry.data.outcomes.length)];
    },
    group: (entry) => yearOf(entryDate(entry)),
  },
  articles: {
    columns: ['Author', 'Date', 'Tags'],
    cells: (entry) => {
      if (entry.collection !== 'articles') return [];
      return [entryCell(`owners/${entry.data.author}`), dateCell(entry.data.date), textCell(entry.data.tags.join(', '))];
    },
    group: (entry) => yearOf(entryDate(entry)),
  },
  whitepaper: {
    columns: ['Chapter'],
    cells: (entry) => (entry.collection === 'whitepaper' ? [countCell(entry.data.order)] : []),
    group: () => 'Chapters',
  },
};

/**
 * Returns a collection's index: its columns and its rows grouped as a reader expects (policies by
 * status, services by tier, deployments by month, incidents open first). Dated groups run newest
 * first; rows within a group run newest first when dated, else by title.
 */
export function collectionIndex(collection: EntryCollectionName, report: CheckReport): CollectionIndex {
  const layout = LAYOUTS[collection];
  const counts = findingCounts(report);
  const groups = new Map<string, IndexRow[]>();
  const entries = [...report.graph.collection(collection)] as AnyEntry[];
  entries.sort((a, b) => compareRows(a, b));
  for (const entry of entries) {
    const label = layout.group(entry);
    const rows = groups.get(label) ?? [];
    const count = counts.get(entry.key);
    rows.push({ key: entry.key, title: entry.title, cells: layout.cells(entry, report), errors: count?.errors ?? 0, warnings: count?.warnings ?? 0 });
    groups.set(label, rows);
  }
  const order = layout.order ?? [];
  const labels = [...groups.keys()].sort((a, b) => {
    const [ia, ib] = [order.indexOf(a), order.indexOf(b)];
    if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
    // Month and year labels sort newest first; other labels alphabetically.
    return /^\d{4}/.test(a) && /^\d{4}/.test(b) ? b.localeCompare(a) : a.localeCompare(b, undefined, { numeric: true });
  });
  return { columns: layout.columns, groups: labels.map((label) => ({ label, rows: groups.get(label) ?? [] })) };
}

function compareRows(a: AnyEntry, b: AnyEntry): number {
  if (a.collection === 'whitepaper' && b.collection === 'whitepaper') return a.data.order - b.data.order;
  const [da, db] = [entryDate(a), entryDate(b)];
  if (da && db && a.collection !== 'policies' && a.collection !== 'runbooks') return db.getTime() - da.getTime();
  return a.title.localeCompare(b.title);
}

function findingCounts(report: CheckReport): Map<string, { errors: number; warnings: number }> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const finding of report.findings) {
    if (!finding.entry) continue;
    const count = counts.get(finding.entry) ?? { errors: 0, warnings: 0 };
    if (finding.severity === 'error') count.errors++;
    else count.warnings++;
    counts.set(finding.entry, count);
  }
  return counts;
}

/** How a group's label reads in headings and the table of contents: `2026-06` reads June 2026. */
export function groupTitle(label: string): string {
  return /^\d{4}-\d{2}$/.test(label)
    ? new Date(`${label}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : label;
}

/** The anchor of a group's heading, stable across the pages a group spans. */
export function groupSlug(label: string): string {
  return `group-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** Badge colour of a scorecard level by its rank (-1 for none). */
export function levelVariant(rank: number): BadgeVariant {
  return rank < 0 ? 'danger' : rank === 0 ? 'caution' : rank === 1 ? 'note' : 'success';
}

function monthOf(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 7) : 'Undated';
}

function yearOf(date: Date | undefined): string {
  return date ? String(date.getUTCFullYear()) : 'Undated';
}
