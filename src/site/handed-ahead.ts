import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { replaceFile } from '../build/replace-file.ts';

/**
 * What `npm run build` makes for the site in its own process and hands to Astro's: each entry
 * page's own key (`entryContentKey` in page-keys.ts) and the last commit date of every content file.
 *
 * Keying every entry page took Astro's process half a second at 10,000 entries, and `git log`
 * over the content's history a tenth more, on the one thread every build waits for, while the
 * build's own process sat idle with the very report the pages render from. The build now makes
 * them there, after handing Astro its plan, and writes them into a side file the plan names
 * (`BuildPlan.handedAheadFile`). The entry route's `getStaticPaths` waits for the file (written
 * seconds before Astro bundles the pages); the pages take the dates from it once it is read.
 * What the file does not hold (nothing, when making it failed; a date, before it is read) the site
 * makes itself, as in the dev server and a direct `astro build`, which have no such file.
 */
export interface HandedAhead {
  /** Each entry page's own key, by entry key (`services/api`). */
  readonly keys: ReadonlyMap<string, string>;
  /** The last commit date of each content file, by its path from the project root; none when making them failed. */
  readonly lastUpdated?: ReadonlyMap<string, Date>;
}

/** The file's form. */
interface HandedAheadFile {
  readonly keys: readonly (readonly [string, string])[];
  readonly lastUpdated?: readonly (readonly [string, string])[];
}

/** Writes `handed` into `file`, whole (through a rename), for Astro's process waiting for it (`handedAheadIn`). */
export function writeHandedAhead(file: string, handed: HandedAhead): void {
  const text = JSON.stringify({
    keys: [...handed.keys],
    ...(handed.lastUpdated ? { lastUpdated: [...handed.lastUpdated].map(([path, date]) => [path, date.toISOString()]) } : {}),
  } satisfies HandedAheadFile);
  // Written beside and renamed into place; a build killed in the middle leaves the file beside to
  // the next one (output-recovery.ts).
  replaceFile(file, text);
}

// Set in Astro's process by its build (src/build/astro-process.ts), read by the page modules Vite
// loads apart: on globalThis, as the site's state is (site-state.ts).
const AHEAD = Symbol.for('multiplane.handed-ahead');
interface Holder {
  handed?: Promise<HandedAhead>;
  /** The file's dates, once it is read. */
  lastUpdated?: ReadonlyMap<string, Date>;
}
const holder = (): Holder => {
  const scope = globalThis as typeof globalThis & { [AHEAD]?: Holder };
  scope[AHEAD] ??= {};
  return scope[AHEAD];
};

/** How often Astro's process looks for the file while it waits (it rarely has to). */
const POLL_MS = 25;

/** Tells the site that the build writes what it hands ahead into `file` (`writeHandedAhead`). */
export function handedAheadIn(file: string): void {
  const shared = holder();
  delete shared.lastUpdated;
  const handed = (async (): Promise<HandedAhead> => {
    // The build process ends this one when it fails, so the wait never outlives it.
    while (!existsSync(file)) await sleep(POLL_MS);
    const read = JSON.parse(readFileSync(file, 'utf8')) as HandedAheadFile;
    const lastUpdated = read.lastUpdated ? new Map(read.lastUpdated.map(([path, date]) => [path, new Date(date)])) : undefined;
    if (lastUpdated) shared.lastUpdated = lastUpdated;
    return { keys: new Map(read.keys), ...(lastUpdated ? { lastUpdated } : {}) };
  })();
  // Observed by the entry route; one that never asks leaves no unhandled rejection behind.
  handed.catch(() => {});
  shared.handed = handed;
}

/** The entry pages' own keys the build made, by entry key, or none (`handedAheadIn` was not told of any). */
export async function pageKeysAhead(): Promise<ReadonlyMap<string, string> | undefined> {
  return (await holder().handed)?.keys;
}

/** The content files' commit dates the build handed over, once their file is read; else none. */
export function commitDatesAhead(): ReadonlyMap<string, Date> | undefined {
  return holder().lastUpdated;
}
