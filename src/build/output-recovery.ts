import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { escapeRegExp } from '../core/text/escape-regexp.ts';
import { deleteInBackground } from './output-swap.ts';

/** What the start of a build repaired after builds that died; empty when there was nothing. */
export interface Recovery {
  /** The moved-aside output put back in place of the missing output folder. */
  readonly restored: string | undefined;
  /** Leftovers of dead builds that were removed: staging folders, moved-aside outputs, plan, mark and diagram files, search scratch folders. */
  readonly removed: readonly string[];
}

/**
 * Repairs what builds killed before they could clean up left beside `outDir` (see the names in
 * output-swap.ts). A build that died in the middle of its swap left no output folder and the
 * previous output moved aside: that is moved back, so the site is never lost. Staging folders,
 * other moved-aside outputs, plan, mark and diagram files and search scratch folders of dead processes are removed; replaced outputs
 * whose deletion after a finished build is not complete are deleted in the background. Leftovers
 * of a process that is still running belong to a build in progress and are left alone.
 */
export function recoverInterruptedBuilds(outDir: string): Recovery {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return { restored: undefined, removed: [] };
  // `.staging-<pid>.previous` is where builds before the marker moved the old output aside.
  const leftover = new RegExp(`^(?:\\.${escapeRegExp(basename(outDir))}\\.(?<kind>staging|previous|discarded)|\\.multiplane-(?:plan|entries|ahead|marks|diagrams|policies|search))-(?<pid>\\d+)(?:(?<legacy>\\.previous)|\\.\\d+\\.new)?$`);
  const previous: string[] = [];
  const garbage: string[] = [];
  // Replaced outputs a finished build left to be deleted (output-swap.ts): not leftovers of a
  // stopped build, so removed without a word, and in the background as the build that replaced
  // them does (a build that follows at once would otherwise wait for its predecessor's deletion).
  const discarded: string[] = [];
  for (const name of readdirSync(parent)) {
    const match = leftover.exec(name);
    if (!match?.groups || isRunning(Number(match.groups.pid))) continue;
    const path = join(parent, name);
    if (match.groups.kind === 'previous' || match.groups.legacy) previous.push(path);
    else if (match.groups.kind === 'discarded') discarded.push(path);
    else garbage.push(path);
  }
  let restored: string | undefined;
  if (!existsSync(outDir) && previous.length > 0) {
    // More than one only if several builds of this folder died mid-swap together; the most
    // recently written of them is the newest site.
    restored = previous.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs).shift();
    renameSync(restored!, outDir);
  }
  const removed = [...previous, ...garbage];
  for (const path of removed) rmSync(path, { recursive: true, force: true });
  for (const path of discarded) deleteInBackground(path);
  return { restored, removed };
}

/** One line for the build's output, or undefined when nothing was recovered or removed. */
export function describeRecovery(recovery: Recovery, outDir: string, shown: string): string | undefined {
  const parts: string[] = [];
  if (recovery.restored) {
    parts.push(`Restored ${shown} from ${basename(recovery.restored)}, where a build that was stopped during its swap had moved it`);
  }
  if (recovery.removed.length > 0) {
    const names = recovery.removed.map((path) => basename(path)).join(', ');
    parts.push(`${parts.length > 0 ? 'removed' : 'Removed'} ${recovery.removed.length} leftover${recovery.removed.length === 1 ? '' : 's'} of stopped builds beside ${dirname(outDir)}/ (${names})`);
  }
  return parts.length > 0 ? `${parts.join('; ')}.` : undefined;
}

/**
 * Whether a process with this pid is alive (EPERM: alive, but another user's). Our own pid
 * counts as dead: this process has not built anything yet, so a leftover with its pid is from
 * an earlier process that had the same number.
 */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  // Not a pid any process could have had: not a leftover of ours, so not ours to remove.
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
