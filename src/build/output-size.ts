import { readdirSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { walkFolder } from './walk-folder.ts';

/** How many files a folder holds and their bytes. */
export interface FolderSize {
  readonly files: number;
  readonly bytes: number;
}

/** Counts the files and bytes of a folder, or of the top-level entries of it that `include` takes. */
export function measureFolder(folder: string, include: (name: string) => boolean = () => true): FolderSize {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (!include(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isFile()) {
      files++;
      bytes += statSync(path).size;
      continue;
    }
    if (!entry.isDirectory()) continue;
    for (const dirent of walkFolder(path)) {
      if (!dirent.isFile()) continue;
      files++;
      bytes += statSync(join(dirent.parentPath, dirent.name)).size;
    }
  }
  return { files, bytes };
}

/** What `measureFinishedPages` counted, to complete once the site is published. */
export interface PagesSize extends FolderSize {
  /** The top-level names counted. */
  readonly counted: ReadonlySet<string>;
  /** Files counted apart, because they change after: their sizes are taken again at the end. */
  readonly later: readonly string[];
}

/**
 * Counts a built site while its search indexes are still being written, so that the count of
 * its files and bytes (21,000 files at 10,000 entries: 0.4 s) is not one more step after them.
 * Leaves out the top-level folders that are written after (`notYet`: the search indexes) and
 * the files that are changed after (`later`, relative to the site: the pages the PDF's size goes
 * into); `completeSize` counts those, and anything else added since, in the published site.
 */
export function measureFinishedPages(siteDir: string, notYet: readonly string[], later: readonly string[]): PagesSize {
  const skipped = new Set(notYet);
  const counted = new Set(readdirSync(siteDir).filter((name) => !skipped.has(name)));
  let { files, bytes } = measureFolder(siteDir, (name) => counted.has(name));
  const present: string[] = [];
  for (const file of later) {
    const size = sizeOf(join(siteDir, file));
    if (size === undefined || !counted.has(topLevelName(file))) continue;
    files--;
    bytes -= size;
    present.push(file);
  }
  return { files, bytes, counted, later: present };
}

/** The size of the published site `outDir`, from what `measureFinishedPages` counted of it before. */
export function completeSize(outDir: string, pages: PagesSize): FolderSize {
  const rest = measureFolder(outDir, (name) => !pages.counted.has(name));
  let files = pages.files + rest.files;
  let bytes = pages.bytes + rest.bytes;
  for (const file of pages.later) {
    const size = sizeOf(join(outDir, file));
    if (size === undefined) continue;
    files++;
    bytes += size;
  }
  return { files, bytes };
}

function sizeOf(path: string): number | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

function topLevelName(file: string): string {
  return normalize(file).split(sep)[0]!;
}
