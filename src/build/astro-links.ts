import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Has Astro's incremental build put each unchanged page into the new build as a hard link to its
 * kept copy, instead of a copy. At 10,000 pages that is 400 MB neither read nor written; on a
 * machine whose file cache was emptied in between, copying them takes seconds more than linking.
 *
 * Astro copies a kept page with `fs.promises.copyFile(keptCopy, page)` and writes a new kept copy
 * with `fs.promises.writeFile(keptCopy, body)` (astro/dist/core/build/incremental.js). In this
 * process, the first is made a link, and the second first removes the kept copy: once linked, the
 * kept copy is also the published page of the last build, and writing it in place would change
 * that site before this build has replaced it. Both are only done when Astro's code is seen to use
 * them that way; otherwise pages are copied as Astro does, and nothing is shared.
 *
 * Astro writes a page it rendered twice, into the build (`outDir`) and then, the same text, as its
 * kept copy. The kept copy is made a link to the page just written instead (the page with its
 * policy completed, policies-as-written.ts): at 3,000 pages that was 100 MB written a second time
 * from Astro's one thread, for a copy the policy pass then replaced with a link to the page anyway.
 *
 * Returns whether kept pages are linked.
 */
export function linkKeptPages(keptDir: string, outDir?: string): boolean {
  if (!astroKeepsPagesAsExpected()) return false;
  const kept = `${keptDir.replace(/\/+$/, '')}/`;
  const out = outDir === undefined ? undefined : `${outDir.replace(/\/+$/, '')}/`;
  // With nothing kept (a clean build), no kept copy is there to remove before it is written.
  const anyKept = keptAnyPage(keptDir);
  const within = (file: unknown) => localPath(file)?.startsWith(kept) ?? false;
  const { copyFile, writeFile, link, rm } = fs.promises;
  // The text of the pages last written into the build, by their path in it, until their kept copy
  // is written. Astro writes the copy right after the page, with at most `build.concurrency`
  // pages under way; a page Astro keeps no copy of is forgotten as later pages come.
  const justWritten = new Map<string, unknown>();
  fs.promises.copyFile = async function copyOrLink(source, destination, mode) {
    if (within(source) && mode === undefined) {
      try {
        return await link(source, destination);
      } catch {
        // Another file system, or links not allowed: copied below.
      }
    }
    return copyFile(source, destination, mode);
  };
  fs.promises.writeFile = async function writeAfresh(file, data, options) {
    const path = localPath(file);
    if (path?.startsWith(kept)) {
      if (anyKept) await rm(path, { force: true });
      const page = path.slice(kept.length);
      const same = justWritten.has(page) && justWritten.get(page) === data;
      justWritten.delete(page);
      if (same && out !== undefined) {
        try {
          // In place, as the page itself was written (folders-made-in-place.ts).
          return fs.linkSync(out + page, path);
        } catch {
          // Another file system, or the page gone: written below.
        }
      }
      return writeFile(file, data, options);
    }
    await writeFile(file, data, options);
    if (out !== undefined && path?.startsWith(out)) {
      const page = path.slice(out.length);
      justWritten.delete(page);
      justWritten.set(page, data);
      if (justWritten.size > REMEMBERED_PAGES) justWritten.delete(justWritten.keys().next().value!);
    }
  };
  return true;
}

// Far more than Astro's `build.concurrency` (src/integration/index.ts), so a page's kept copy
// always finds the page's text.
const REMEMBERED_PAGES = 32;

/**
 * Whether Astro kept any page (`keptDir`, its cache of rendered pages) to reuse: not in a clean
 * build, whose pages are all rendered afresh. A missing folder kept none.
 */
export function keptAnyPage(keptDir: string): boolean {
  try {
    return fs.readdirSync(keptDir).length > 0;
  } catch {
    return false;
  }
}

/** The path a file argument of `fs` names (a string or a `file:` URL), or undefined for any other. */
export function localPath(file: unknown): string | undefined {
  return typeof file === 'string' ? file : file instanceof URL && file.protocol === 'file:' ? fileURLToPath(file) : undefined;
}

/**
 * Reads the folders of the kept pages, so that the file system has them at hand when Astro looks
 * up each kept page (twice per page: is it in the new site, is it kept). With the folders out of
 * the machine's cache, those lookups took 6.7 s for 10,000 pages, against 0.04 s once the folders
 * were read (4 s). Started while the build checks the content, when the kept pages are not linked
 * in ahead (linking reads the folders itself, on another thread: src/build/prelinked-pages.ts); a
 * folder that cannot be read is simply not warmed.
 */
export function warmKeptPages(keptDir: string): Promise<void> {
  return fs.promises.readdir(keptDir, { recursive: true }).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * The calls Astro's incremental build makes on the file system (astro/dist/core/build/incremental.js),
 * as `linkKeptPages` expects them: kept pages are only ever copied out (`copyFile`), written
 * whole (`writeFile`) or removed; the rest is its manifest and folders.
 */
export const ASTRO_FILE_CALLS = [
  'fs.existsSync',
  'fs.mkdirSync',
  'fs.promises.copyFile',
  'fs.promises.mkdir',
  'fs.promises.rm',
  'fs.promises.writeFile',
  'fs.readFileSync',
  'fs.writeFileSync',
] as const;

/** Whether Astro's incremental build still makes exactly these calls, kept pages copied and written as above. */
export function astroKeepsPagesAsExpected(): boolean {
  try {
    const source = fs.readFileSync(fileURLToPath(new URL('./core/build/incremental.js', import.meta.resolve('astro'))), 'utf8');
    const calls = [...new Set(source.match(/\bfs\.[\w.]+(?=\()/g) ?? [])].sort();
    return (
      calls.join() === [...ASTRO_FILE_CALLS].join() &&
      source.includes('fs.promises.copyFile(cachedOutputFile, destination)') &&
      source.includes('fs.promises.writeFile(cachedOutputFile, body)')
    );
  } catch {
    return false;
  }
}
