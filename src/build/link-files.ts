import { copyFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { walkFolder } from './walk-folder.ts';

/**
 * Recreates a folder's files under `to` as hard links: no bytes are copied, and neither side is
 * ever written in place (Pagefind writes new files; builds replace whole folders). Where a link
 * cannot be made (another file system), the file is copied.
 */
export function linkTree(from: string, to: string): void {
  if (!existsSync(from)) throw new Error(`${from} does not exist.`);
  mkdirSync(to, { recursive: true });
  // Each folder is made once: a search index is some 500 files in four folders, and asking for
  // the folder again before every file cost as much as linking them.
  const made = new Set([to]);
  const folder = (path: string) => {
    if (made.has(path)) return;
    mkdirSync(path, { recursive: true });
    made.add(path);
  };
  for (const dirent of walkFolder(from)) {
    const source = join(dirent.parentPath, dirent.name);
    const target = join(to, relative(from, source));
    if (dirent.isDirectory()) {
      folder(target);
      continue;
    }
    if (!dirent.isFile()) continue;
    folder(dirname(target));
    linkFile(source, target);
  }
}

/** Links one file, or copies it where a link cannot be made. */
export function linkFile(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}

/**
 * Links pages of a site (`pages`, paths in `siteDir`) into `folder` at the same paths. Pagefind
 * reads a folder, and takes each page's URL from its path there, so the pages keep their paths.
 */
export function linkPages(siteDir: string, pages: readonly string[], folder: string): void {
  const made = new Set<string>();
  mkdirSync(folder, { recursive: true });
  for (const page of pages) {
    const target = join(folder, page);
    const parent = dirname(target);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    linkFile(join(siteDir, page), target);
  }
}
