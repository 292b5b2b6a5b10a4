import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Replaces a file of the built site with new text: written beside it and renamed over it. A page
 * of the site may be a hard link to the copy Astro keeps for its next build (src/build/
 * astro-links.ts); writing it in place would change that copy too, and the next build would
 * publish whatever this one wrote into the page.
 */
export function replaceFile(file: string, text: string): void {
  const fresh = `${file}.${process.pid}.new`;
  try {
    writeFileSync(fresh, text);
    renameSync(fresh, file);
  } catch (error) {
    rmSync(fresh, { force: true });
    throw error;
  }
}
