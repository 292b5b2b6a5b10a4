import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { createFinding } from '../findings/create-finding.ts';
import type { Finding } from '../findings/finding.ts';
import type { AnyEntry } from './entry.ts';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const MARKDOWN = /\.(md|mdx)$/i;
/** A file name with an extension: what a link to a file (not to a page) ends with. */
const FILE = /\.[a-z0-9]{1,8}$/i;

export interface LinkedFiles {
  /** Images and files entries embed or link that do not exist, one finding each. */
  readonly findings: Finding[];
  /** Absolute paths of the files beside entries that some entry embeds or links. */
  readonly used: ReadonlySet<string>;
}

/** A file an entry shows or links by its path. */
export interface LinkedFile {
  /** The address as written. */
  readonly url: string;
  /** The path part of the address, decoded. */
  readonly path: string;
  /** Where the file is on disk. */
  readonly absolute: string;
  /** Where the file comes from: beside the entry (published with its page) or public/. */
  readonly where: 'beside' | 'public';
  readonly image: boolean;
  readonly line: number;
}

/**
 * The files an entry shows or links by a path: an image or file beside the entry
 * (`![Flow](./flow.png)`, `[the form](./form.pdf)`), or an image in `public/` (`/images/x.png`).
 * Links to entries and to pages of the site are `dangling-link`'s, not files.
 */
export function filesLinkedBy(entry: AnyEntry, root: string): LinkedFile[] {
  const linked: LinkedFile[] = [];
  for (const link of entry.facts.links) {
    const url = link.url.trim();
    if (url === '' || url.startsWith('#') || url.startsWith('//') || SCHEME.test(url)) continue;
    let path = url.replace(/[?#].*$/, '');
    try {
      path = decodeURIComponent(path);
    } catch {
      // A malformed escape is read as written.
    }
    if (MARKDOWN.test(path) || !FILE.test(path)) continue;
    const image = link.kind === 'image';
    if (path.startsWith('/')) {
      // From the site's root, only pictures are known to be files of public/; other addresses
      // (the PDF, the feed, the catalog) are made by the build.
      if (!image) continue;
      linked.push({ url, path, absolute: join(root, 'public', path), where: 'public', image, line: link.line });
    } else {
      linked.push({ url, path, absolute: join(root, dirname(entry.file), path), where: 'beside', image, line: link.line });
    }
  }
  return linked;
}

/**
 * Checks the files entries show or link (see `filesLinkedBy`). A missing image beside the entry
 * would stop Astro's build, which names neither the entry nor the line, so it is an error at the
 * image's line; any other missing file is a broken picture or link on the page, a warning. A
 * path that leaves the content folder (or public/) is an error: the build publishes only files
 * of the content folder, never others of the repository or the machine.
 */
export function linkedFiles(entries: readonly AnyEntry[], root: string, contentDir: string): LinkedFiles {
  const findings: Finding[] = [];
  const used = new Set<string>();
  const content = resolve(contentDir) + sep;
  const publicDir = resolve(root, 'public') + sep;
  for (const entry of entries) {
    for (const file of filesLinkedBy(entry, root)) {
      const shown = relative(root, file.absolute).split(sep).join('/');
      const where = { file: entry.file, line: file.line, entry: entry.key };
      if (!resolve(file.absolute).startsWith(file.where === 'public' ? publicDir : content)) {
        findings.push(createFinding(DIAGNOSTICS.fileOutsideContent, { target: shown, linked: true }, where));
        continue;
      }
      if (existsSync(file.absolute)) {
        used.add(file.absolute);
        continue;
      }
      const finding = createFinding(DIAGNOSTICS.fileMissing, { url: file.url, shown, image: file.image, where: file.where, folder: dirname(entry.file) }, where);
      // A Markdown image beside the entry is imported by Astro's build, which stops when it is
      // missing; anything else only breaks a picture or a link on the page.
      findings.push(file.image && file.where === 'beside' ? finding : { ...finding, severity: 'warning' });
    }
  }
  return { findings, used };
}
