import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A new folder inside the run's scratch folder (tests/setup/scratch-root.ts), removed when the run ends. */
export function runScratchFolder(prefix: string): string {
  return mkdtempSync(join(inject('scratchRoot'), `${prefix}-`));
}
