import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { capitalize } from '../core/text/capitalize.ts';
import type { UnmappedItem } from './import-result.ts';

/** The files of a folder to import, and what was skipped. */
export interface SourceFiles {
  /** Every file, relative to the folder, with `/` separators, sorted. */
  readonly files: string[];
  /** Files and folders not read, each with the report line that says so. */
  readonly skipped: UnmappedItem[];
}

/**
 * Lists every file under a folder. Hidden entries (`.git`, `.DS_Store`, editor state) and
 * installed dependencies (`node_modules`) are not descended into but returned as report lines,
 * so the import names them instead of dropping them silently.
 */
export function listSourceFiles(folder: string): SourceFiles {
  const files: string[] = [];
  const skipped: UnmappedItem[] = [];
  const walk = (directory: string) => {
    for (const dirent of readdirSync(directory, { withFileTypes: true })) {
      const absolute = join(directory, dirent.name);
      const inside = relative(folder, absolute).split(sep).join('/');
      const source = dirent.isDirectory() ? `${inside}/` : inside;
      if (dirent.name.startsWith('.')) {
        skipped.push({ source, what: `the whole hidden ${dirent.isDirectory() ? 'folder' : 'file'}`, why: 'not read: hidden entries hold tool state, not documents' });
      } else if (dirent.isDirectory() && dirent.name === 'node_modules') {
        skipped.push({ source, what: 'the whole folder', why: 'not read: installed dependencies, not documents' });
      } else if (dirent.isDirectory()) {
        walk(absolute);
      } else {
        files.push(inside);
      }
    }
  };
  walk(folder);
  const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return { files: files.sort(byPath), skipped: skipped.sort((a, b) => byPath(a.source, b.source)) };
}

/** Returns a title from a file name: `post_mortem_template.md` becomes `Post mortem template`. */
export function titleFromFileName(path: string): string {
  const name = (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return name === '' ? 'Untitled' : capitalize(name);
}

/** Returns a file's name without folders and extension: `procedures/patch.md` becomes `patch`. */
export function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.[^.]+$/, '');
}
