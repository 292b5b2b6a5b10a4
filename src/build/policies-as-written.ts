import fs, { writeFileSync } from 'node:fs';
import { localPath } from './astro-links.ts';
import { completePage } from './csp-step.ts';
import { pageRecordsText, readPageRecords } from './page-records.ts';
import type { SearchPage } from './search-pages.ts';

/**
 * Completes each page's Content-Security-Policy as Astro writes it, in Astro's process, instead of
 * after the build. The policy pass (csp-step.ts) read every page again once Astro was done, wrote
 * it anew beside itself and renamed it into place: at 3,000 pages some 2 s on both cores, after
 * everything else of the site, while the text was at hand as Astro wrote it. A page completed here
 * is written once, complete; the pass then only takes what this recorded of it.
 *
 * The pass still decides: what is recorded is what it would have found (`completePage` on the
 * same bytes), and a page not recorded here, or changed since (another size),
 * is read and completed by the pass as before. So an unreviewed script still stops the build
 * there, with every page that carries one.
 */

/** What the policy pass needs of a page whose policy was completed as it was written. */
export interface PageAsWritten {
  /** The size of the page written, in bytes: a page of another size was written again since. */
  readonly size: number;
  /** Whether completing the policy changed the page Astro rendered. */
  readonly changed: boolean;
  readonly search: Omit<SearchPage, 'page'>;
  /** The start of each inline script that is neither bundled by Astro nor reviewed. */
  readonly unreviewed: readonly string[];
}

export type PagesAsWritten = ReadonlyMap<string, PageAsWritten>;

/**
 * Has every HTML page written into `outDir` with `fs.promises.writeFile` (Astro's pages) written
 * with its policy completed, and returns what it records of each, by the page's path in `outDir`
 * (forward slashes), with the function that stops it. Installed before the other patches of
 * `writeFile` (astro-links.ts, prelinked-pages.ts), so that they see the text Astro rendered and
 * this one writes the completed page beneath them. `onPage` is told of each page once it is written.
 */
export function completePoliciesAsWritten(outDir: string, onPage?: (page: string, written: PageAsWritten) => void): { readonly pages: Map<string, PageAsWritten>; stop: () => void } {
  const root = `${outDir.replace(/\/+$/, '')}/`;
  const pages = new Map<string, PageAsWritten>();
  const { writeFile } = fs.promises;
  let stopped = false;
  fs.promises.writeFile = async function writeCompleted(file, data, options) {
    const path = localPath(file);
    const ours = !stopped && options === undefined && path !== undefined && path.startsWith(root) && path.endsWith('.html');
    // Only a page of the build is completed: any other file is written as it comes.
    const bytes = !ours ? undefined : typeof data === 'string' ? Buffer.from(data) : data instanceof Uint8Array ? data : undefined;
    if (path === undefined || bytes === undefined) return writeFile(file, data, options);
    const page = path.slice(root.length).split('\\').join('/');
    const completed = completePage(page, bytes);
    // Forgotten first: should the write fail, the pass reads the page itself.
    pages.delete(page);
    // Written in place, on Astro's thread, as its folder is made (folders-made-in-place.ts).
    writeFileSync(path, completed.bytes);
    const { page: _, ...search } = completed.search;
    const written = { size: completed.bytes.byteLength, changed: completed.changed, search, unreviewed: completed.unreviewed };
    pages.set(page, written);
    onPage?.(page, written);
  };
  return {
    pages,
    stop: () => {
      stopped = true;
    },
  };
}

// Bumped when what the file records changes.
const VERSION = 1;

/**
 * Writes what `completePoliciesAsWritten` recorded, for the build's process to read. A file cut
 * short (the process ended while writing) reads as empty, and the pass then reads every page.
 */
export function writePagesAsWritten(file: string, pages: PagesAsWritten): void {
  writeFileSync(file, pageRecordsText(VERSION, pages));
}

/** What `writePagesAsWritten` wrote; empty when there is no such file or it cannot be read (every page is then read by the pass). */
export function readPagesAsWritten(file: string): Map<string, PageAsWritten> {
  return readPageRecords<PageAsWritten>(file, VERSION);
}
