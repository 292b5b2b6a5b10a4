import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's `gc` of `--expose-gc`, with the options its extension takes. */
type Collect = (options?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async'; flavor?: 'regular' | 'last-resort' }) => void;

let collect: Collect | undefined;

/**
 * Collects the build process's garbage and hands the freed memory back to the system, before it
 * waits on another process (Astro's, Pagefind). V8 collects when the process allocates, and a
 * process that waits allocates next to nothing: at 10,000 entries the build process kept 870 MB
 * through the whole search index, most of it the check's garbage, beside Pagefind's 1.9 GiB.
 *
 * A plain full collection frees the objects but V8 keeps their pages for reuse: after checking
 * 30,000 entries, 580 MB resident with a 36 MB heap. The "last resort" collection (V8's
 * CollectAllAvailableGarbage, what it does before giving up on an allocation) also shrinks the
 * heap and releases those pages: 140 MB resident once the model is let go of.
 *
 * `gc` is only exposed with `--expose-gc`; set at run time, the flag applies to contexts created
 * after it, so the function is taken from a new one (as test runners do for their leak checks).
 *
 * Only worth it for a large process (`WORTH_RELEASING`, by its resident memory: V8's own count of
 * its heap drops with a plain collection while the pages stay resident). The collection takes its
 * time on the build's path or beside Astro's process whatever there is to give back: 0.1–0.2 s for
 * 55 MB in a one-entry build at 3,000 entries (220 MB resident), 0.1–0.4 s for 80 MB at 10,000
 * (330 MB). Returns whether it collected.
 */
export function releaseMemory(): boolean {
  if (process.memoryUsage.rss() < WORTH_RELEASING) return false;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  }
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return true;
}

/**
 * The resident memory, in bytes, below which the build process keeps what it has: a one-entry
 * build at 10,000 entries stays under it, and the check of 30,000 (580 MB) is well over.
 */
export const WORTH_RELEASING = 400 * 2 ** 20;
