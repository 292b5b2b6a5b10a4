import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for the scratch copies shared helpers make (tests/helpers/scratch-root.ts), removed after the run. */
    scratchRoot: string;
  }
}

/**
 * Global setup of every test project: one scratch folder for the run, removed when it ends.
 * Unit files share a module graph per worker (vitest.config.ts), so a helper module that made its
 * own folder and registered `afterAll` to remove it would remove it after the first file that
 * imported it and leave the one later files made in its place behind.
 */
export default function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'multiplane-tests-'));
  project.provide('scratchRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
