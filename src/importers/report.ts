import { COLLECTIONS, type EntryCollectionName } from '../core/schemas/index.ts';
import type { ImportResult, UnmappedItem } from './import-result.ts';
import type { Clash } from './write-entries.ts';

/** What the report needs besides the import result; paths are already shortened for display. */
export interface ReportContext {
  /** The imported folder. */
  readonly sourceDir: string;
  /** The content folder written to. */
  readonly contentDir: string;
  readonly dryRun: boolean;
  /** The command that checks the written content, e.g. `npm run check -- --root /tmp/x`. */
  readonly checkCommand: string;
  /** Extra sentences about the target (placeholder owner, missing platform.yaml). */
  readonly notes: readonly string[];
  /** Files carried beside the entries: how many were (or would be) copied, and how many already were there. */
  readonly files?: { readonly copied: number; readonly present: number; readonly skipped: boolean };
}

/**
 * Returns the human report of an import: how many files went into each collection, the values
 * filled in, then every item that could not be mapped as `source: what, why`, then what to run
 * next.
 */
export function formatImportReport(result: ImportResult, context: ReportContext): string {
  const counts = new Map<EntryCollectionName, number>();
  for (const entry of result.entries) counts.set(entry.collection, (counts.get(entry.collection) ?? 0) + 1);
  const total = result.entries.length;
  const lines = [
    `${context.dryRun ? 'Would import' : 'Imported'} ${total} file${total === 1 ? '' : 's'} from ${result.format} ${context.sourceDir} into ${context.contentDir}:`,
  ];
  const width = Math.max(...[...counts.keys()].map((name) => name.length));
  for (const [collection, count] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${collection.padEnd(width)}  ${String(count).padStart(3)}  ${context.contentDir}/${COLLECTIONS[collection].source.path}/`);
  }
  const files = context.files;
  if (files && files.copied + files.present > 0) {
    const total = files.copied + files.present;
    const verb = files.skipped ? 'not copied (--no-assets)' : context.dryRun ? 'would be copied' : 'copied';
    lines.push(
      `  and ${total} image${total === 1 ? '' : 's'} and file${total === 1 ? '' : 's'} the entries show or link, beside them: ${files.copied} ${verb}${files.present > 0 ? `, ${files.present} already there` : ''}.`,
    );
  }
  const notes = [...context.notes, ...result.notes];
  if (notes.length > 0) lines.push('', ...notes);
  lines.push('', ...formatUnmapped(result.unmapped));
  if (context.dryRun) lines.push('', 'Dry run: nothing was written. Run again without --dry-run to write the files.');
  else lines.push('', `Next: run ${context.checkCommand} to see what the import left open.`);
  return `${lines.join('\n')}\n`;
}

/**
 * The "Not mapped" section: every field, file and construct left out or left as it was, as
 * `file: what, why`, or `file:line: what, why` for what sits inside a page's body. Sorted by
 * source file, then line; report order kept otherwise.
 */
export function formatUnmapped(items: readonly UnmappedItem[]): string[] {
  if (items.length === 0) return ['Not mapped: nothing; every field, file and construct was carried over.'];
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      if (a.item.source !== b.item.source) return a.item.source < b.item.source ? -1 : 1;
      return (a.item.line ?? 0) - (b.item.line ?? 0) || a.index - b.index;
    })
    .map(({ item }) => `  ${item.source}${item.line === undefined ? '' : `:${item.line}`}: ${item.what}, ${item.why}`);
  return [`Not mapped (${items.length}):`, ...sorted];
}

/** The message for an import that would overwrite or duplicate existing entries. */
export function formatClashes(clashes: readonly Clash[], force: boolean, display: (absolute: string) => string): string {
  const lines = [`Refusing to import: ${clashes.length} existing file${clashes.length === 1 ? '' : 's'} would be overwritten or duplicated. Nothing was written.`];
  for (const clash of clashes) {
    lines.push(
      clash.sameFile
        ? `  ${display(clash.absolute)} exists (would be replaced by ${clash.source})`
        : `  ${display(clash.absolute)} already has the ID that ${clash.source} would get`,
    );
  }
  const sameFile = clashes.some((clash) => clash.sameFile);
  const duplicate = clashes.some((clash) => !clash.sameFile);
  if (sameFile && !force) lines.push('Pass --force to overwrite existing files, import into another folder with --out, or beside them with --prefix <folder>.');
  if (duplicate) lines.push('--force only replaces files of the same name: rename or remove the files with the same ID, import into another folder with --out, or beside them with --prefix <folder>.');
  return `${lines.join('\n')}\n`;
}
