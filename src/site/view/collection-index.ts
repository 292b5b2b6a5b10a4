import type { CheckReport } from '../../core/check/run-check.ts';
import type { CollectionDescriptor, FieldDisplay } from '../../core/collections/descriptor.ts';
import { descriptorOf, entryDate } from '../../core/collections/entry-facts.ts';
import { type FieldValue, textOf } from '../../core/collections/field-value.ts';
import type { AnyEntry, Entry } from '../../core/content/entry.ts';
import { type CollectionName, COLLECTIONS, type EntryCollectionName } from '../../core/schemas/index.ts';
import { formatMonth } from '../../core/text/dates.ts';
import { viewContext } from './view-context.ts';

export { levelVariant } from '../../core/collections/services.ts';

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

const EMPTY: FieldValue = { kind: 'text', text: '' };

// Made once per report and collection: a build asks for each index three times (the keys of its
// first page and of its further pages, then the first page itself), and a new report (the dev
// server's, after an edit) makes them again.
const indexes = new WeakMap<CheckReport, Map<EntryCollectionName, CollectionIndex>>();

/**
 * Returns a collection's index: its columns and its rows grouped as a reader expects (policies by
 * status, services by tier, deployments by month, incidents open first). Dated groups run newest
 * first; rows within a group run newest first when dated, else by title. The index is shared by
 * every caller with the same report, and never changed.
 */
export function collectionIndex(collection: EntryCollectionName, report: CheckReport): CollectionIndex {
  let byCollection = indexes.get(report);
  if (!byCollection) indexes.set(report, (byCollection = new Map()));
  let index = byCollection.get(collection);
  if (!index) byCollection.set(collection, (index = buildIndex(collection, report)));
  return index;
}

function buildIndex(collection: EntryCollectionName, report: CheckReport): CollectionIndex {
  const counts = findingCounts(report);
  const context = viewContext(report);
  const entries = [...report.graph.collection(collection)] as Entry[];
  if (entries.length === 0) return { columns: descriptorColumns(collection), groups: [] };
  const { index } = descriptorOf(entries[0]!);
  const columns = shownColumns(collection);
  const groups = new Map<string, IndexRow[]>();
  entries.sort((a, b) => compareRows(a as AnyEntry, b as AnyEntry));
  for (const entry of entries) {
    const label = index.group(entry, context);
    const rows = groups.get(label) ?? [];
    const count = counts.get(entry.key);
    const cells = columns.map((column): Cell => {
      const value = column.value(entry, context) ?? EMPTY;
      const sort = column.sort?.(entry, context) ?? (value.kind === 'date' ? value.date.toISOString() : textOf(value, report.graph).toLowerCase());
      return { value, sort };
    });
    rows.push({ key: entry.key, title: entry.title, cells, errors: count?.errors ?? 0, warnings: count?.warnings ?? 0 });
    groups.set(label, rows);
  }
  const order = index.order ?? [];
  const labels = [...groups.keys()].sort((a, b) => {
    const [ia, ib] = [order.indexOf(a), order.indexOf(b)];
    if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
    // Month and year labels sort newest first; other labels alphabetically.
    return /^\d{4}/.test(a) && /^\d{4}/.test(b) ? b.localeCompare(a) : a.localeCompare(b, undefined, { numeric: true });
  });
  return { columns: columns.map((column) => column.label), groups: labels.map((label) => ({ label, rows: groups.get(label) ?? [] })) };
}

/** The column labels of a collection's index. */
export function descriptorColumns(collection: EntryCollectionName): string[] {
  return shownColumns(collection).map((column) => column.label);
}

/** The index's columns but the one its grouping repeats (see the descriptor's `groupedBy`). */
function shownColumns(collection: EntryCollectionName): FieldDisplay<CollectionName>[] {
  const { index } = COLLECTIONS[collection] as unknown as CollectionDescriptor<CollectionName>;
  return index.columns.filter((column) => column.label !== index.groupedBy);
}

function compareRows(a: AnyEntry, b: AnyEntry): number {
  // Chapters, and runbooks kept in an imported navigation's order, list by `order`; entries
  // without one follow.
  const [oa, ob] = [orderOf(a), orderOf(b)];
  if (oa !== undefined || ob !== undefined) return (oa ?? Infinity) - (ob ?? Infinity) || a.title.localeCompare(b.title);
  const [da, db] = [entryDate(a), entryDate(b)];
  if (da && db && descriptorOf(a as Entry).date?.recent) return db.getTime() - da.getTime();
  return a.title.localeCompare(b.title);
}

function orderOf(entry: AnyEntry): number | undefined {
  return 'order' in entry.data && typeof entry.data.order === 'number' ? entry.data.order : undefined;
}

function findingCounts(report: CheckReport): Map<string, { errors: number; warnings: number }> {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const finding of report.findings) {
    if (!finding.entry) continue;
    const count = counts.get(finding.entry) ?? { errors: 0, warnings: 0 };
    if (finding.severity === 'error') count.errors++;
    else if (finding.severity === 'warning') count.warnings++;
    counts.set(finding.entry, count);
  }
  return counts;
}

/** How a group's label reads in headings and the table of contents: `2026-06` reads June 2026. */
export function groupTitle(label: string): string {
  return /^\d{4}-\d{2}$/.test(label) ? formatMonth(label) : label;
}

/** The anchor of a group's heading, stable across the pages a group spans. */
export function groupSlug(label: string): string {
  return `group-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

