import fs from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { astroKeepsPagesAsExpected, localPath, warmKeptPages } from './astro-links.ts';
import { sameFile } from './replace-file.ts';
import { runWorker } from './run-worker.ts';
import { walkFolder } from './walk-folder.ts';

/**
 * Puts every kept page into the new build's folder, as a link, before Astro generates a page.
 *
 * Astro restores a page it can reuse one at a time as it generates pages: it looks for the page in
 * the new build, looks for its kept copy, makes its folder and copies it (a link here, see
 * astro-links.ts), on its one thread. That was 0.5 s of a one-entry change at 3,000 entries and
 * grows with the site. A page already in the new build is only looked for (Astro's "cached"), so
 * the kept pages are linked in beforehand, while Astro syncs the content, and Astro then finds
 * them there.
 *
 * Two things keep the result the site a clean build makes:
 * - a page Astro renders again is written afresh (`guardWrites`), never through the link into the
 *   kept copy and the last build's published page;
 * - a linked page that Astro neither kept nor wrote (its entry was deleted) is removed after the
 *   build (`removeUngenerated`), with the folders it leaves empty.
 *
 * Done only when Astro's page generation is seen to work that way (`generateWorksAsExpected`).
 */

/** Whether Astro's page generation looks for a page in the new build before restoring it, and writes a page whole. */
export function generateWorksAsExpected(): boolean {
  try {
    const read = (file: string) => fs.readFileSync(fileURLToPath(new URL(`./core/build/${file}`, import.meta.resolve('astro'))), 'utf8');
    const generate = read('generate.js');
    return (
      /const existsInDist = nodeFs\.existsSync\(outFile\);\s*const restored = !existsInDist && await cache\.restoreOutputFile\(/.test(generate) &&
      generate.includes('await nodeFs.promises.writeFile(result.outFile, result.body);') &&
      // Astro empties the build folder unless told not to, and only then.
      read('static-build.js').includes('if (settings.config?.vite?.build?.emptyOutDir !== false) {')
    );
  } catch {
    return false;
  }
}

/**
 * Links every file under `keptDir` into `outDir` at the same place (`linkKeptPagesInto`), and
 * returns the paths linked (relative to `outDir`). Stops at the first page that cannot be linked
 * (another file system, links not allowed): Astro then restores the rest itself.
 *
 * In a worker thread, one call after another: at 10,000 pages that is some 20,000 folders made and
 * files linked, 1 s alone; Node's asynchronous calls, sharing libuv's four threads with Astro's
 * content sync, took 4 s and held up the build.
 *
 * Runs before Astro writes anything into `outDir`: should the worker fail, the folder is emptied
 * again, so that no page linked before the failure goes unaccounted for, and Astro restores each
 * page itself.
 */
export async function prelinkKeptPages(keptDir: string, outDir: string): Promise<Set<string>> {
  try {
    return new Set(await runWorker<string[]>(WORKER, { keptDir, outDir }, 'Linking the kept pages'));
  } catch {
    fs.rmSync(outDir, { recursive: true, force: true });
    return new Set();
  }
}

const WORKER = new URL('./prelink-worker.ts', import.meta.url);

/** Kept pages being linked into a build's folder before the build's plan came (`startPrelink`). */
export interface EarlyPrelink {
  readonly keptDir: string;
  readonly outDir: string;
  /** What `prelinkKeptPages` resolves with; nothing is linked when Astro does not work as expected. */
  readonly linked: Promise<Set<string>>;
}

/**
 * Starts linking the kept pages of `keptDir` into `outDir` as soon as the build has made that
 * folder ready, while it checks the content: at 10,000 entries the links took 3 s, which Astro's
 * process otherwise spent waiting once its content sync was done.
 */
export function startPrelink(keptDir: string, outDir: string): EarlyPrelink {
  // Linking reads every folder of the kept pages, on its worker's thread. Without it, Astro looks
  // up each kept page itself, and the folders are read ahead for those lookups instead.
  const linked = astroKeepsPagesAsExpected() && generateWorksAsExpected() ? prelinkKeptPages(keptDir, outDir) : warmKeptPages(keptDir).then(() => new Set<string>());
  return { keptDir, outDir, linked };
}

/**
 * What `prelinkKeptPages` does, on the thread that calls it: makes `outDir` hold every kept page
 * of `keptDir`, at the same place, as a link to its kept copy, and nothing else. Not `linkTree`
 * (link-files.ts): that copies what it cannot link and remakes empty folders, and the kept pages'
 * folder keeps the empty folders of pages Astro pruned, which a clean build does not have.
 *
 * `outDir` may already hold a tree of folders: the output the last build replaced, put there for
 * this one (`prepareSiteFolders` in site-step.ts). Making a folder cost 0.1–0.2 ms on this file
 * system, a link a tenth of that, so 10,000 pages in as many folders took 2–7 s of a core (more
 * when the other core was busy) before the check was done; the tree's folders are kept instead.
 * Its files stay only where they are the kept copy itself (the same file: a page reused by the
 * last build); everything else (the search indexes, assets, a page since rendered again or gone)
 * goes, with every folder that holds no kept page.
 */
export function linkKeptPagesInto(keptDir: string, outDir: string): string[] {
  const pages = filesUnder(keptDir);
  if (!pages) {
    // Nothing kept: nothing of a tree put there may stay either.
    fs.rmSync(outDir, { recursive: true, force: true });
    return [];
  }
  const kept = new Set(pages);
  // Every folder a kept page is in, up to `outDir`.
  const needed = new Set<string>();
  for (const page of pages) {
    for (let folder = dirname(page); folder !== '.' && !needed.has(folder); folder = dirname(folder)) needed.add(folder);
  }
  const made = new Set<string>();
  const linked: string[] = [];
  // The tree there, walked only where a kept page may be: a folder that holds none goes whole,
  // unread. The last output's search indexes are half its files (a fragment a page), and reading
  // and removing them one by one was a third of this worker's time at 10,000 entries.
  const folders = fs.existsSync(outDir) ? [''] : [];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const item of fs.readdirSync(join(outDir, folder), { withFileTypes: true })) {
      const path = folder === '' ? item.name : `${folder}${sep}${item.name}`;
      if (item.isDirectory() && needed.has(path)) {
        made.add(path);
        folders.push(path);
      } else if (!(item.isFile() && kept.has(path) && sameFile(join(keptDir, path), join(outDir, path)))) {
        fs.rmSync(join(outDir, path), { recursive: true, force: true });
      } else {
        linked.push(path);
      }
    }
  }
  const there = new Set(linked);
  fs.mkdirSync(outDir, { recursive: true });
  for (const page of pages) {
    if (there.has(page)) continue;
    try {
      const folder = dirname(page);
      if (folder !== '.' && !made.has(folder)) {
        fs.mkdirSync(join(outDir, folder), { recursive: true });
        made.add(folder);
      }
      fs.linkSync(join(keptDir, page), join(outDir, page));
    } catch {
      // Astro restores the pages left unlinked itself.
      break;
    }
    linked.push(page);
  }
  return linked;
}

/**
 * The files under `folder` (`walkFolder`), by their paths relative to it; undefined when it cannot
 * be read (missing). Only files: the kept pages' folder also keeps the empty folders of pages Astro pruned.
 */
function filesUnder(folder: string): string[] | undefined {
  try {
    // Walked from its path without a trailing separator, which every path listed then starts with.
    const root = resolve(folder);
    const start = root.length + 1;
    return walkFolder(root)
      .filter((item) => item.isFile())
      .map((item) => `${item.parentPath}${sep}${item.name}`.slice(start));
  } catch {
    return undefined;
  }
}

/**
 * Has every file Astro writes into `outDir` with `fs.promises.writeFile` replace a page linked in
 * (`linked`, what `prelinkKeptPages` resolves with) instead of writing into it: a linked page is
 * also the kept copy and the last build's page. Returns the set that collects what was written
 * (paths relative to `outDir`) and the function that puts `writeFile` back. Other files are
 * written as they are: in a clean build, that is every page, and looking for each one first cost
 * 0.7 s of Astro's one thread at 3,000 entries.
 */
export function guardWrites(outDir: string, linked: Promise<ReadonlySet<string>>): { written: Set<string>; restore: () => void } {
  const root = `${outDir.replace(/\/+$/, '')}${sep}`;
  const written = new Set<string>();
  const { writeFile } = fs.promises;
  fs.promises.writeFile = async function writeReplacing(file, data, options) {
    const path = localPath(file);
    if (path !== undefined && path.startsWith(root)) {
      const page = path.slice(root.length);
      if ((await linked).has(page)) await fs.promises.rm(path, { force: true });
      written.add(page);
    }
    return writeFile(file, data, options);
  };
  return {
    written,
    restore: () => {
      fs.promises.writeFile = writeFile;
    },
  };
}

/**
 * Removes the linked pages that are not part of this build: neither kept by Astro (its manifest,
 * `manifestFile`, lists every page with a key) nor written by it. Removes the folders that leaves
 * empty, and returns how many pages it removed. Throws when the manifest cannot be read: without
 * it, a deleted entry's page could be published.
 */
export function removeUngenerated(outDir: string, linked: ReadonlySet<string>, written: ReadonlySet<string>, manifestFile: string): number {
  if (linked.size === 0) return 0;
  const kept = keptOutputs(outDir, manifestFile);
  let removed = 0;
  for (const page of linked) {
    if (written.has(page) || kept.has(page)) continue;
    fs.rmSync(join(outDir, page), { force: true });
    removed++;
    for (let folder = dirname(join(outDir, page)); folder.startsWith(`${outDir}${sep}`); folder = dirname(folder)) {
      try {
        fs.rmdirSync(folder);
      } catch {
        break;
      }
    }
  }
  return removed;
}

/** The pages Astro's manifest of this build lists, relative to `outDir`. */
function keptOutputs(outDir: string, manifestFile: string): Set<string> {
  let manifest: { routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read Astro's incremental build manifest ${manifestFile} after the build (${(error as Error).message}); build again.`);
  }
  // Astro records a page's place as a URL relative to the output folder (percent-encoded).
  const base = pathToFileURL(`${outDir}${sep}`);
  const pages = new Set<string>();
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const path of Object.values(route.paths ?? {})) {
      if (typeof path.outputFile === 'string') pages.add(relative(outDir, fileURLToPath(new URL(path.outputFile, base))));
    }
  }
  return pages;
}
