import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The output file exists and the caller did not ask to replace it. */
export class OutputExistsError extends Error {
  override readonly name = 'OutputExistsError';
  readonly path: string;
  constructor(path: string) {
    super(`${path} already exists.`);
    this.path = path;
  }
}

/**
 * Writes an export's file, creating its folder. Without `force` it refuses to replace an
 * existing file, checked by the open itself (`wx`) so that nothing written in between is lost.
 */
export function writeOutput(path: string, text: string, force: boolean): void {
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, text, { flag: force ? 'w' : 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputExistsError(path);
    throw new Error(`Could not write ${path}.`, { cause });
  }
}
