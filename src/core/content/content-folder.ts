import { relative, resolve } from 'node:path';

/**
 * The content folder as the project names it: relative to the project root, without `./` or a
 * trailing slash. `content`, `./content/` and `/srv/site/content` are one folder, so they must
 * read the same files, report the same paths and share the same caches.
 */
export function contentFolder(root: string, contentDir: string | undefined): string {
  return relative(root, resolve(root, contentDir ?? 'content')) || '.';
}

/** A file-name-safe name for the content folder, for the caches kept per content folder. */
export function contentSlug(root: string, contentDir: string | undefined): string {
  return contentFolder(root, contentDir).replace(/[\\/]+/g, '__').replace(/[^\w.-]/g, '_');
}
