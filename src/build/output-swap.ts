import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A sibling folder to build into, so the live output is only replaced by a finished build. */
export function stagingFor(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.staging-${process.pid}`);
}

/** Replaces `target` with `staging` using renames, so readers never see a half-written folder. */
export function swapInto(staging: string, target: string): void {
  const previous = `${staging}.previous`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}

/** Counts the files and bytes of a folder. */
export function measureFolder(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const dirent of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!dirent.isFile()) continue;
    files++;
    bytes += statSync(join(dirent.parentPath, dirent.name)).size;
  }
  return { files, bytes };
}
