import { slug } from 'github-slugger';

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
