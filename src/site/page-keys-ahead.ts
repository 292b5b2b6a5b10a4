import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EditionReport } from '../core/editions/edition-view.ts';
import { entryContentKey } from './page-keys.ts';
import { ENTRY_COLLECTIONS } from './routes.ts';
import { siteDataOf } from './site-data.ts';

/**
 * The entry pages' own keys (`entryContentKey`), made by `npm run build` in its own process.
 *
 * Keying every entry page took Astro's process half a second at 10,000 entries, on the one thread
 * every build waits for, while the build's own process sat idle with the very report the pages
 * render from. The build now makes them there, after handing Astro its plan, and writes them into
 * a side file the plan names (`BuildPlan.pageKeysFile`); the entry route's `getStaticPaths` waits
 * for the file (written seconds before Astro bundles the pages), then adds the site's key to each.
 * An entry the file does not key (none, when making them failed) is keyed by the route itself,
 * as in the dev server and a direct `astro build`, which have no such file.
 */

/** The file's form: each entry's key (`services/api`) with its page's own key. */
interface PageKeysFile {
  readonly keys: readonly (readonly [string, string])[];
}

/**
 * Keys the page of every entry of `report` that has one and writes the keys into `file`, whole
 * (through a rename), for Astro's process waiting for it (`pageKeysBeside`). `root` and
 * `contentDir` are the site's, whose commit dates the pages show. Writes the file even when
 * keying fails, with no keys, so that the route keys its pages itself and the wait never hangs.
 */
export function writePageKeysAhead(file: string, report: EditionReport, root: string, contentDir: string): void {
  let keys: [string, string][] = [];
  try {
    const site = siteDataOf(report, root, contentDir);
    keys = ENTRY_COLLECTIONS.flatMap((collection) => report.graph.collection(collection).map((entry): [string, string] => [entry.key, entryContentKey(report, entry, site)]));
  } catch {
    // The route keys the pages, and reports what failed as any page of the site would.
    keys = [];
  }
  // A build killed in the middle leaves the partial file to the next one (output-recovery.ts).
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, JSON.stringify({ keys } satisfies PageKeysFile));
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

// Set in Astro's process by its build (src/build/astro-process.ts), read by the page modules Vite
// loads apart: on globalThis, as the site's state is (site-state.ts).
const AHEAD = Symbol.for('multiplane.page-keys-ahead');
const holder = globalThis as typeof globalThis & { [AHEAD]?: Promise<ReadonlyMap<string, string>> };

/** How often Astro's process looks for the file while it waits (it rarely has to). */
const POLL_MS = 25;

/** Tells the entry route that the build writes its pages' own keys into `file` (`writePageKeysAhead`). */
export function pageKeysBeside(file: string): void {
  const keys = (async () => {
    // The build process ends this one when it fails, so the wait never outlives it.
    while (!existsSync(file)) await sleep(POLL_MS);
    const { keys } = JSON.parse(readFileSync(file, 'utf8')) as PageKeysFile;
    return new Map(keys);
  })();
  // Observed by the route; one that never asks leaves no unhandled rejection behind.
  keys.catch(() => {});
  holder[AHEAD] = keys;
}

/** The entry pages' own keys the build made, by entry key, or none (`pageKeysBeside` was not told of any). */
export async function pageKeysAhead(): Promise<ReadonlyMap<string, string> | undefined> {
  return holder[AHEAD];
}
