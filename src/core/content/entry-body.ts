import { isAbsolute, join } from 'node:path';
import type { AnyEntry } from './entry.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { digestOf } from './parse-entry.ts';
import { readSource } from './read-source.ts';

/**
 * Reads an entry's body again from its file, for a model that was handed over without bodies
 * (`npm run build` leaves them out of the Astro process's plan: half its size, and only the
 * entries whose body changed are rendered). The file must still be the one the check read: a
 * body written since was never checked, and the build stops rather than publish it.
 */
export function readEntryBody(root: string, contentDir: string, entry: AnyEntry): string {
  const source = readSource(join(root, entry.file), isAbsolute(contentDir) ? contentDir : join(root, contentDir));
  if (!source.ok || digestOf(source.text) !== entry.digest) {
    throw new EntryChangedError(entry.file);
  }
  return splitFrontmatter(source.text).body;
}

/** An entry's file changed (or went) between the check and the rendering of its body. */
export class EntryChangedError extends Error {
  readonly file: string;

  constructor(file: string) {
    super(`${file} changed while the site was being built, after the check read it. Build again: the site shows only what was checked.`);
    this.name = 'EntryChangedError';
    this.file = file;
  }
}
