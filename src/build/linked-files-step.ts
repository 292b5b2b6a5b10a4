import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, posix, resolve, sep } from 'node:path';
import { filesLinkedBy } from '../core/content/linked-files.ts';
import type { EditionReport } from '../core/editions/edition-view.ts';

/**
 * Publishes the files entries link beside them (`[the form](./form.pdf)`): Astro publishes the
 * pictures an entry shows, but not other files. Each is copied to where its link points from the
 * entry's page (`/runbooks/restore/form.pdf` for a link `./form.pdf` in content/runbooks/restore.md),
 * only for entries the edition publishes, only from inside the content folder, and never over a
 * file the site already has. Returns how many files were copied.
 */
export function publishLinkedFiles(report: EditionReport, root: string, contentDir: string, siteDir: string): number {
  const content = resolve(root, contentDir) + sep;
  const site = resolve(siteDir) + sep;
  let copied = 0;
  for (const entry of report.graph.entries.values()) {
    if (entry.collection === 'platform') continue;
    for (const file of filesLinkedBy(entry, root)) {
      if (file.where !== 'beside' || file.image) continue;
      if (!resolve(file.absolute).startsWith(content) || !existsSync(file.absolute)) continue;
      const target = resolve(join(siteDir, posix.normalize(`/${entry.key}/${file.path}`)));
      if (!target.startsWith(site) || existsSync(target)) continue;
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(file.absolute, target);
      copied++;
    }
  }
  return copied;
}
