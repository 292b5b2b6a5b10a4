import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Collects the build process's garbage before it waits on another process (Astro's, Pagefind).
 * V8 collects when the process allocates, and a process that waits allocates next to nothing: at
 * 10,000 entries the build process kept 870 MB through the whole search index, most of it the
 * check's garbage, beside Pagefind's 1.9 GiB. Collected first, it keeps about 300 MB.
 *
 * `gc` is only exposed with `--expose-gc`; set at run time, the flag applies to contexts created
 * after it, so the function is taken from a new one (as test runners do for their leak checks).
 */
export function releaseMemory(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
