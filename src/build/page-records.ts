import { readFileSync } from 'node:fs';

/**
 * A file of records by page (the kept pages' ledger, the pages completed as Astro wrote them):
 * JSON holding a version and the records, by the page's path in the site. Bumping the version
 * makes every older file read as empty, which costs a build its savings and nothing else.
 */

/** The text of a records file. */
export function pageRecordsText<T>(version: number, pages: ReadonlyMap<string, T>): string {
  return JSON.stringify({ version, pages: Object.fromEntries(pages) });
}

/** The records of `file`, or none when it is missing, cut short, damaged or of another version. */
export function readPageRecords<T>(file: string, version: number): Map<string, T> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; pages?: Record<string, T> };
    if (parsed.version !== version || typeof parsed.pages !== 'object' || parsed.pages === null) return new Map();
    return new Map(Object.entries(parsed.pages));
  } catch {
    return new Map();
  }
}
