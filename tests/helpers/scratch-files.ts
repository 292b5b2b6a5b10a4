import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Scratch folders holding the given files (by path), each removed after the test that made it.
 * Call at the top of a test file: it registers the clean-up.
 */
export function scratchFolders(prefix: string): (files?: Record<string, string | Uint8Array>) => string {
  let made: string[] = [];
  afterEach(() => {
    for (const folder of made) rmSync(folder, { recursive: true, force: true });
    made = [];
  });
  return (files = {}) => {
    const folder = mkdtempSync(join(tmpdir(), `multiplane-${prefix}-`));
    made.push(folder);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    return folder;
  };
}
