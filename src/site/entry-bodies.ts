import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MarkdownHeading } from 'astro';

/**
 * The rendered HTML of Markdown entries is kept in files of its own, one per entry, and Astro's
 * content store keeps only where it is. Astro serializes the store whole after every sync, and a
 * build inlines it into its server bundle as one JSON string that is parsed again when the pages
 * load. With the bodies inside, 10,000 entries made that a 56 MB module: 3 s of bundling, and the
 * build's memory peaked there at 1.1 GiB above what rendering the pages needs. A page reads its
 * entry's body when it is rendered, and only then.
 *
 * Entries that Astro must still finish itself keep their HTML in the store: MDX (a module, not
 * HTML) and Markdown with local images (Astro resolves their optimized URLs when rendering).
 */

/** What Astro's store keeps of a rendered entry (`RenderedContent`), as far as it matters here. */
export interface StoredRendering {
  readonly html?: string;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

/** The key of `rendered.metadata` that holds the file of the entry's body. */
export const BODY_FILE_KEY = 'multiplaneBodyFile';

/**
 * The key of `rendered.metadata` that holds the headings of a body kept in a file, as JSON.
 *
 * A body kept in a file needs nothing else of what rendering it gave (no images, no frontmatter):
 * the store keeps only the file and the headings, and the headings as one string, not an object
 * per heading. Astro serializes the whole store once or twice a sync, and parses it when a build
 * starts and again when its pages load: at 10,000 entries, the rest of the metadata was half the
 * store's values (6.2 MB instead of 4.1), and made each serialization take 0.4–0.6 s instead of 0.15–0.2.
 */
export const HEADINGS_KEY = 'multiplaneHeadings';

/** What the store keeps of a body written to `file`, which rendered with `headings`. */
export function storedBodyFile(file: string, headings: readonly MarkdownHeading[]): { html: string; metadata: Record<string, unknown> } {
  return { html: '', metadata: { [BODY_FILE_KEY]: file, ...(headings.length > 0 ? { [HEADINGS_KEY]: JSON.stringify(headings) } : {}) } };
}

/** The headings of a stored entry's body: kept as JSON with a body file (`storedBodyFile`), else as Astro keeps them. */
export function storedHeadings(rendered: StoredRendering | undefined): MarkdownHeading[] {
  const metadata = rendered?.metadata;
  const json = metadata?.[HEADINGS_KEY];
  if (typeof json === 'string') return JSON.parse(json) as MarkdownHeading[];
  return Array.isArray(metadata?.headings) ? (metadata.headings as MarkdownHeading[]) : [];
}

/** The folder of one collection's bodies, in Astro's cache folder (`config.cacheDir`). */
export function bodyFolder(cacheDir: URL, collection: string): string {
  return join(fileURLToPath(cacheDir), 'entry-bodies', collection);
}

/**
 * The file of an entry's body. The name is a hash of the entry and of what the body was rendered
 * from (`digest`), so a changed entry gets a new file and a page never reads a body older than
 * its entry.
 */
export function bodyFile(folder: string, id: string, digest: string): string {
  return join(folder, `${createHash('sha256').update(`${id}\0${digest}`).digest('hex').slice(0, 32)}.html`);
}

/**
 * Writes a body to its file (`bodyFile`), beside it first and renamed into place, so a reader
 * (the dev server) sees the whole file or none. Asynchronous, so that Node's threads write while
 * the content sync renders the next bodies: written one by one, 3,000 bodies took 0.9 s of the
 * sync's one core.
 */
export async function writeBody(file: string, html: string): Promise<void> {
  const partial = `${file}.${process.pid}.${(partials += 1)}.partial`;
  try {
    // The folder is made only when missing: making it for every body (it is there for all but the
    // first of a collection) was 0.2 s of the content sync at 3,000 entries.
    await writeFile(partial, html).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(partial, html);
    });
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

// Two writes of one body may be under way at once (an entry edited twice in `astro dev`); each
// writes a partial file of its own.
let partials = 0;

/** The body file a stored entry's metadata names, if it names one. */
export function bodyFileOf(rendered: StoredRendering | undefined): string | undefined {
  const file = rendered?.metadata?.[BODY_FILE_KEY];
  return typeof file === 'string' ? file : undefined;
}

/**
 * Whether a stored entry's body can still be shown: it is in the store itself, or its file is
 * where the store says (a cleared or moved cache folder loses the files but may keep the store).
 * Given the files of the entry's body folder (`bodyFilesIn`), the file is looked for among them.
 */
export function bodyAvailable(rendered: StoredRendering | undefined, present?: ReadonlySet<string>): boolean {
  const file = bodyFileOf(rendered);
  return file === undefined || (present ? present.has(file) : existsSync(file));
}

/**
 * The files in a collection's body folder, by their paths as `bodyFile` makes them: one listing,
 * where asking for each stored entry's file was 10,000 calls of a sync at 10,000 entries.
 */
export function bodyFilesIn(folder: string): Set<string> {
  try {
    return new Set(readdirSync(folder).map((name) => join(folder, name)));
  } catch {
    return new Set();
  }
}

/** The HTML of an entry whose body is kept in a file; undefined when the store holds it itself. */
export function readBody(rendered: StoredRendering | undefined): string | undefined {
  const file = bodyFileOf(rendered);
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`The rendered body ${file} is missing; delete .cache/multiplane/ and build again.`, { cause });
  }
}

/**
 * Deletes the body files of a collection's folder that no stored entry names any more: those of
 * `listed` (`bodyFilesIn`, the folder as a sync found it, or as it is now) not in `kept`.
 */
export function pruneBodies(folder: string, kept: ReadonlySet<string>, listed: Iterable<string> = bodyFilesIn(folder)): void {
  for (const file of listed) {
    if (!kept.has(file)) rmSync(file, { force: true });
  }
}
