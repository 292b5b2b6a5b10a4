import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
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

/** The replaced outputs of `outDir` still being deleted beside it (`deleteInBackground`), by any build. */
export function discardedBeside(outDir: string): string[] {
  const prefix = `.${basename(outDir)}.discarded-`;
  try {
    return readdirSync(dirname(outDir)).filter((name) => name.startsWith(prefix)).map((name) => join(dirname(outDir), name));
  } catch {
    return [];
  }
}

/**
 * The files handed to and from the Astro child (build plan, the entries handed over ahead of it,
 * what the site is handed after it, timing marks, the mark that every
 * diagram is drawn, the pages whose policy it completed) and the search step's scratch folder,
 * beside the folder the site is built into.
 */
export function sideFileFor(siteDir: string, kind: 'plan' | 'entries' | 'ahead' | 'marks' | 'diagrams' | 'policies' | 'search', pid: number = process.pid): string {
  return join(dirname(siteDir), `.multiplane-${kind}-${pid}`);
}

/**
 * Replaces `target` with `staging` using renames, so readers never see a half-written folder.
 * Between the two renames there is no `target`; a build that dies there is repaired by the next
 * one, which moves the previous output back (output-recovery.ts).
 *
 * The previous output is then moved to `spare`, when given and free, for the next build to make
 * its folder of (`prepareSiteFolders` in site-step.ts); else it is deleted.
 */
export function swapInto(staging: string, target: string, spare?: string): void {
  const previous = movedAsideFor(target);
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  if (!existsSync(previous)) return;
  if (spare !== undefined && moveToSpare(previous, spare)) return;
  // Renamed first: a moved-aside output is put back when the output is missing, and must never be
  // put back half deleted.
  const discarded = discardedFor(target);
  renameSync(previous, discarded);
  deleteInBackground(discarded);
}

/** Moves `folder` to `spare` unless something is there already or it cannot (another file system); returns whether it did. */
function moveToSpare(folder: string, spare: string): boolean {
  if (existsSync(spare)) return false;
  try {
    mkdirSync(dirname(spare), { recursive: true });
    renameSync(folder, spare);
    return true;
  } catch {
    return false;
  }
}

// Run by `node -e` (CommonJS) with the folder to delete, named `<name>-<pid>`. The process first
// renames the folder after its own pid: a build that starts meanwhile then sees a living process
// behind it and leaves it alone (output-recovery.ts) instead of starting a second deletion of the
// same files, and the lowest priority leaves both cores to that build. Deleting the 21,000 files
// of a 10,000-entry site takes seconds of a core; a build that follows at once is slower by
// whatever of them it has to share.
const DELETE = `const fs = require("node:fs");
try { require("node:os").setPriority(19); } catch {}
let folder = process.argv[1];
const own = folder.replace(/-\\d+$/, "-" + process.pid);
try { fs.renameSync(folder, own); folder = own; } catch {}
fs.rmSync(folder, { recursive: true, force: true });`;

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
