import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { listCollectionFiles } from '../core/content/list-files.ts';
import { COLLECTIONS, type EntryCollectionName } from '../core/schemas/index.ts';
import { renderEntryFile } from './entry-file.ts';
import type { ImportedEntry, ImportedFile } from './import-result.ts';

/** One file the import will write. */
export interface PlannedFile {
  readonly entry: ImportedEntry;
  /** Where it goes. */
  readonly absolute: string;
  /** Its full text. */
  readonly text: string;
}

/** A file the import would overwrite or an entry it would duplicate. */
export interface Clash {
  /** The existing file. */
  readonly absolute: string;
  /** The imported source that would replace or duplicate it. */
  readonly source: string;
  /** True when the existing file is the very file the import writes, so `--force` may replace it. */
  readonly sameFile: boolean;
}

/**
 * Returns the files the entries become under the content folder, and every existing file they
 * clash with: the same path, or another file that already has the same ID (the checker would
 * then report a duplicate ID, which `--force` cannot fix by overwriting).
 */
export function planEntries(entries: readonly ImportedEntry[], contentDir: string): { files: PlannedFile[]; clashes: Clash[] } {
  const existing = new Map<EntryCollectionName, Map<string, string>>();
  const idsIn = (collection: EntryCollectionName) => {
    let ids = existing.get(collection);
    if (!ids) {
      ids = new Map();
      for (const file of listCollectionFiles(contentDir, collection)) if (file.markdown) ids.set(file.id, file.absolute);
      existing.set(collection, ids);
    }
    return ids;
  };
  const files: PlannedFile[] = [];
  const clashes: Clash[] = [];
  for (const entry of entries) {
    const absolute = join(contentDir, COLLECTIONS[entry.collection].source.path, `${entry.id}.md`);
    files.push({ entry, absolute, text: renderEntryFile(entry) });
    const sameId = idsIn(entry.collection).get(entry.id);
    if (existsSync(absolute)) clashes.push({ absolute, source: entry.source, sameFile: true });
    else if (sameId) clashes.push({ absolute: sameId, source: entry.source, sameFile: false });
  }
  return { files, clashes };
}

/** The carried files to copy, those already in place with the same bytes, and those in the way. */
export interface FilePlan {
  readonly copies: readonly (ImportedFile & { readonly destination: string })[];
  readonly present: readonly ImportedFile[];
  readonly clashes: Clash[];
}

/**
 * Plans copying the images and files entries show beside them. A file already there with the same
 * bytes is left alone (importing twice, or two sources sharing a picture); a different file at the
 * path clashes, like an entry would.
 */
export function planFiles(files: readonly ImportedFile[], contentDir: string): FilePlan {
  const copies: (ImportedFile & { destination: string })[] = [];
  const present: ImportedFile[] = [];
  const clashes: Clash[] = [];
  for (const file of files) {
    const destination = join(contentDir, file.target);
    if (existsSync(destination)) {
      if (readFileSync(destination).equals(readFileSync(file.absolute))) {
        present.push(file);
        continue;
      }
      clashes.push({ absolute: destination, source: file.source, sameFile: true });
    }
    copies.push({ ...file, destination });
  }
  return { copies, present, clashes };
}

/** Copies the planned files, each through a hidden temporary name like the entries. */
export function copyFiles(copies: FilePlan['copies']): void {
  for (const file of copies) {
    const temporary = join(dirname(file.destination), `.${basename(file.destination)}.import-tmp`);
    try {
      mkdirSync(dirname(file.destination), { recursive: true });
      copyFileSync(file.absolute, temporary);
      renameSync(temporary, file.destination);
    } catch (cause) {
      rmSync(temporary, { force: true });
      throw new Error(`Failed to copy ${file.source} to ${file.destination}.`, { cause });
    }
  }
}

/**
 * Writes the planned files. Each is written beside its target under a hidden name (which the
 * content loader ignores) and renamed into place, so no file is ever left half written.
 */
export function writeEntries(files: readonly PlannedFile[]): void {
  let written = 0;
  for (const file of files) {
    const temporary = join(dirname(file.absolute), `.${basename(file.absolute)}.import-tmp`);
    try {
      mkdirSync(dirname(file.absolute), { recursive: true });
      writeFileSync(temporary, file.text);
      renameSync(temporary, file.absolute);
      written++;
    } catch (cause) {
      rmSync(temporary, { force: true });
      throw new Error(`Failed to write ${file.absolute}; ${written} of ${files.length} imported files were written before it.`, { cause });
    }
  }
}
