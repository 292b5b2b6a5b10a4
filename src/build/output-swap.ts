import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Everything a build leaves beside its output folder carries the builder's pid in its name, so
// the next build can tell a leftover of a dead process from the work of one still running (see
// output-recovery.ts).

/** A sibling folder to build into, so the live output is only replaced by a finished build. */
export function stagingFor(outDir: string, pid: number = process.pid): string {
  return join(dirname(outDir), `.${basename(outDir)}.staging-${pid}`);
}

/** Where the swap moves the previous output while the new one takes its place. */
export function movedAsideFor(outDir: string, pid: number = process.pid): string {
  return join(dirname(outDir), `.${basename(outDir)}.previous-${pid}`);
}

/** Where a replaced output is deleted from, after the swap: removed by the next build if still there, never restored. */
export function discardedFor(outDir: string, pid: number = process.pid): string {
  return join(dirname(outDir), `.${basename(outDir)}.discarded-${pid}`);
}

/**
 * The files handed to and from the Astro child (build plan, timing marks, the mark that every
 * diagram is drawn) and the search step's scratch folder, beside the folder the site is built into.
 */
export function sideFileFor(siteDir: string, kind: 'plan' | 'marks' | 'diagrams' | 'search', pid: number = process.pid): string {
  return join(dirname(siteDir), `.multiplane-${kind}-${pid}`);
}

/**
 * Replaces `target` with `staging` using renames, so readers never see a half-written folder.
 * Between the two renames there is no `target`; a build that dies there is repaired by the next
 * one, which moves the previous output back (output-recovery.ts).
 */
export function swapInto(staging: string, target: string): void {
  const previous = movedAsideFor(target);
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  if (!existsSync(previous)) return;
  // Renamed first: a moved-aside output is put back when the output is missing, and must never be
  // put back half deleted.
  const discarded = discardedFor(target);
  renameSync(previous, discarded);
  deleteInBackground(discarded);
}

// Run by `node -e` (CommonJS) with the folder to delete.
const DELETE = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })';

/**
 * Deletes a replaced output without making the build wait for it: the new site is already in
 * place, and deleting the old one's 6,000 files took 1.3 s of a 3,000-entry build. A detached
 * process deletes it; whatever that process does not finish, the next build deletes the same way
 * (output-recovery.ts).
 */
export function deleteInBackground(folder: string): void {
  try {
    spawn(process.execPath, ['-e', DELETE, folder], { detached: true, stdio: 'ignore' }).on('error', () => {}).unref();
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Counts the files and bytes of a folder. */
export function measureFolder(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const dirent of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!dirent.isFile()) continue;
    files++;
    bytes += statSync(join(dirent.parentPath, dirent.name)).size;
  }
  return { files, bytes };
}
