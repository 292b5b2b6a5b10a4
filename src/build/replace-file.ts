import { linkSync, lstatSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Replaces a file of the built site with new text: written beside it and renamed over it. A page
 * of the site may be a hard link to the copy Astro keeps for its next build (src/build/
 * astro-links.ts); writing it in place would change that copy too, and the next build would
 * publish whatever this one wrote into the page.
 */
export function replaceFile(file: string, content: string | Uint8Array): void {
  replaceWith(file, (fresh) => {
    writeFileSync(fresh, content);
    return true;
  });
}

/**
 * Replaces a file with a hard link to `source`, made beside it and renamed over it, so a reader
 * sees the one file or the other. False, the file untouched, when no link can be made there
 * (another file system). A file that already is `source` is left as it is: renaming a link over
 * another link to the same file does nothing, and would leave the new link beside it.
 */
export function replaceWithLink(file: string, source: string): boolean {
  if (sameFile(file, source)) return true;
  return replaceWith(file, (fresh) => {
    try {
      linkSync(source, fresh);
      return true;
    } catch {
      return false;
    }
  });
}

/** Makes the new file beside `file` (`make` answers whether it did) and renames it over `file`. */
function replaceWith(file: string, make: (fresh: string) => boolean): boolean {
  const fresh = `${file}.${process.pid}.new`;
  try {
    if (!make(fresh)) return false;
    renameSync(fresh, file);
    return true;
  } catch (error) {
    rmSync(fresh, { force: true });
    throw error;
  }
}

/** Whether `a` and `b` are the same regular file (two links to it). */
export function sameFile(a: string, b: string): boolean {
  try {
    const [first, second] = [lstatSync(a), lstatSync(b)];
    return first.isFile() && second.isFile() && first.ino === second.ino && first.dev === second.dev;
  } catch {
    return false;
  }
}
