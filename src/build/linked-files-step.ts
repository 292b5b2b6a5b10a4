import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { filesLinkedBy } from '../core/content/linked-files.ts';
import type { EditionReport } from '../core/editions/edition-view.ts';

/** A file an entry links beside it, and where its link points from the entry's page. */
export interface LinkedFile {
  /** The file in the content folder. */
  readonly source: string;
  /** Its path in the site: `runbooks/restore/form.pdf`. */
  readonly sitePath: string;
}

/**
 * The files entries link beside them (`[the form](./form.pdf)`) that the site publishes: Astro
 * publishes the pictures an entry shows, but not other files. Each goes where its link points
 * from the entry's page (`/runbooks/restore/form.pdf` for a link `./form.pdf` in
 * content/runbooks/restore.md), only for entries the edition publishes, only from inside the
 * content folder. Listed before the site is built, so that the build holds only this list, not the
 * model, while Astro renders.
 */
export function linkedFilesToPublish(report: EditionReport, root: string, contentDir: string): LinkedFile[] {
  const content = resolve(root, contentDir) + sep;
  const files: LinkedFile[] = [];
  for (const entry of report.graph.entries.values()) {
    if (entry.collection === 'platform') continue;
    for (const file of filesLinkedBy(entry, root)) {
      if (file.where !== 'beside' || file.image) continue;
      if (!resolve(file.absolute).startsWith(content)) continue;
      files.push({ source: file.absolute, sitePath: posix.normalize(`/${entry.key}/${file.path}`) });
    }
  }
  return files;
}

/**
 * Copies the linked files (`linkedFilesToPublish`) into the built site, never over a file the
 * site already has nor outside it; a file missing by now is skipped (the check reports it).
 * Returns how many files were copied.
 */
export function publishLinkedFiles(files: readonly LinkedFile[], siteDir: string): number {
  const site = resolve(siteDir) + sep;
  let copied = 0;
  for (const file of files) {
    const target = resolve(join(siteDir, file.sitePath));
    if (!target.startsWith(site) || existsSync(target) || !existsSync(file.source)) continue;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file.source, target);
    copied++;
  }
  return copied;
}
