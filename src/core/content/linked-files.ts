import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
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

/**
 * Checks the files entries embed or link by path: an image or file beside the entry
 * (`![Flow](./flow.png)`, `[the form](./form.pdf)`), or an image in `public/` (`/images/x.png`).
 * A missing image beside the entry would stop Astro's build, which names neither the entry nor
 * the line, so it is an error at the image's line; any other missing file is a broken picture or
 * link on the page, a warning. Links to entries and
 * to pages of the site are `dangling-link`'s.
 */
export function linkedFiles(entries: readonly AnyEntry[], root: string): LinkedFiles {
  const findings: Finding[] = [];
  const used = new Set<string>();
  for (const entry of entries) {
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
      let absolute: string;
      if (path.startsWith('/')) {
        // From the site's root, only pictures are known to be files of public/; other addresses
        // (the PDF, the feed, the catalog) are made by the build.
        if (link.kind !== 'image') continue;
        absolute = join(root, 'public', path);
      } else {
        absolute = join(root, dirname(entry.file), path);
      }
      if (existsSync(absolute)) {
        used.add(absolute);
        continue;
      }
      const shown = relative(root, absolute).split(sep).join('/');
      const finding = createFinding(
        DIAGNOSTICS.fileMissing,
        { url, shown, image: link.kind === 'image', where: path.startsWith('/') ? 'public' : 'beside', folder: dirname(entry.file) },
        { file: entry.file, line: link.line, entry: entry.key },
      );
      // A Markdown image beside the entry is imported by Astro's build, which stops when it is
      // missing; anything else only breaks a picture or a link on the page.
      findings.push(link.kind === 'image' && !path.startsWith('/') ? finding : { ...finding, severity: 'warning' });
    }
  }
  return { findings, used };
}
