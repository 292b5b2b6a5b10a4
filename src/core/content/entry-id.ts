import { slug } from 'github-slugger';

/**
 * The folder under a collection's address where a long index continues (`/deployments/page/2/`).
 * No entry ID may start with it (the reserved-id rule), so an index page never shadows an entry.
 */
export const INDEX_PAGES_FOLDER = 'page';

/**
 * Returns the ID of an entry from its path inside its collection folder: each folder and the file
 * name (without extension) slugged the way Astro's glob loader does, joined with `/`.
 * `Runbooks/Restore Database.md` becomes `runbooks/restore-database`.
 */
export function entryIdFromPath(relativePath: string): string {
  const withoutExtension = relativePath.replace(/\.(md|mdx)$/i, '');
  return withoutExtension
    .split(/[\\/]/)
    .map((segment) => slug(segment))
    .join('/');
}
