import { lstatSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pageRecordsText, readPageRecords } from './page-records.ts';
import type { SearchPage } from './search-pages.ts';
import { replaceFile } from './replace-file.ts';

/**
 * What the build knows of the pages Astro keeps for its next incremental build (`<cache>/dist/`).
 *
 * An unchanged page comes into the next build as a hard link to its kept copy (src/build/
 * astro-links.ts), so the published page and the kept copy are one file until a build replaces
 * the page. The policy pass completed and checked that copy when it was made; the ledger records,
 * per page, the copy's size and modification time then, and what the search step needs of the
 * page. A page of the new site that is the very file the ledger describes (the same inode, the
 * same size and time) needs neither reading nor checking again.
 *
 * Nothing the build does writes into a page in place (pages are replaced by a rename). Something
 * else might: a deploy script editing the published site writes through the link into the kept
 * copy. `forgetChangedCopies` finds such copies before the next build and removes them, so Astro
 * renders those pages afresh.
 */

/** One kept page as the ledger describes it. */
export interface LedgerPage {
  readonly size: number;
  readonly mtimeMs: number;
  readonly search: Omit<SearchPage, 'page'>;
}

export type Ledger = ReadonlyMap<string, LedgerPage>;

// Bumped when what the ledger records changes.
const LEDGER_VERSION = 1;

/** The ledger kept in `file`, or an empty one when there is none or it cannot be read. */
export function readLedger(file: string): Map<string, LedgerPage> {
  return readPageRecords<LedgerPage>(file, LEDGER_VERSION);
}

/** Writes the ledger beside `file` and renames it into place, so a reader sees one ledger or the other. */
export function writeLedger(file: string, ledger: Ledger): void {
  try {
    replaceFile(file, pageRecordsText(LEDGER_VERSION, ledger));
  } catch {
    // Only a saving: without a ledger the next build reads and checks every page again.
  }
}

/** A kept copy's size and modification time, or undefined when it is missing. */
export function keptStat(file: string): { ino: number; size: number; mtimeMs: number } | undefined {
  try {
    const stat = lstatSync(file);
    return stat.isFile() ? { ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the kept copy is still as the ledger recorded it. */
export function unchangedSince(recorded: LedgerPage, stat: { size: number; mtimeMs: number } | undefined): boolean {
  return stat !== undefined && stat.size === recorded.size && stat.mtimeMs === recorded.mtimeMs;
}

/**
 * Removes every kept copy (in `keptDir`) that changed after the ledger recorded it, and returns
 * how many it removed. Astro then renders those pages again instead of reusing what was written
 * into them. Copies the ledger does not know are left: the policy pass reads them as new pages.
 */
export function forgetChangedCopies(keptDir: string, ledger: Ledger): number {
  let removed = 0;
  for (const [page, recorded] of ledger) {
    const file = join(keptDir, page);
    const stat = keptStat(file);
    if (stat === undefined || unchangedSince(recorded, stat)) continue;
    rmSync(file, { force: true });
    removed++;
  }
  return removed;
}
