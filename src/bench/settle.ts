import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { discardedBeside } from '../build/output-swap.ts';

/** How long a background deletion may take before the bench goes on without it. */
const LONGEST_WAIT_MS = 5 * 60_000;
const POLL_MS = 100;

/**
 * Waits until no replaced output of `outDir` is still being deleted in the background (a build
 * leaves its previous output to a detached process, src/build/output-swap.ts). A deletion that
 * overlaps the next timed run slows it, whichever side that is, and one that overlaps a search
 * probe slows the browser: neither belongs to what is measured. Returns how long it waited.
 */
export async function backgroundDeletionsDone(outDir: string, log: (line: string) => void, longest: number = LONGEST_WAIT_MS): Promise<number> {
  const started = Date.now();
  while (discardedBeside(outDir).length > 0) {
    if (Date.now() - started > longest) {
      log(`  (still deleting ${discardedBeside(outDir).join(', ')} after ${Math.round(longest / 1000)} s; going on)`);
      break;
    }
    await sleep(POLL_MS);
  }
  return Date.now() - started;
}

/**
 * Writes every file the last run left in memory to the disk (`sync`), so that the next run does
 * not pay for it: plain Starlight's default build leaves some 1.4 GB of pages at 3,000 entries,
 * which the kernel would otherwise write back while the run after it (the one-link build) goes.
 */
export function pendingWritesFlushed(): void {
  spawnSync('sync', { stdio: 'ignore' });
}
