import { cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { runScratchFolder } from '../helpers/scratch-root.ts';

export const REPO = join(import.meta.dirname, '..', '..');
/** The real-world corpora shared beside the repository (see its README). */
export const CORPUS = join(REPO, '..', 'shared', 'corpus');
export const COMPLY_CORPUS = join(CORPUS, 'comply-soc2');
export const PAGERDUTY_CORPUS = join(CORPUS, 'pagerduty-incident-response');
export const FIXTURES = join(REPO, 'tests', 'fixtures');

const scratch = runScratchFolder('import');
let count = 0;

/**
 * Returns a new, empty project root. With `platform`, its content/ holds the valid fixture's
 * platform.yaml and owners (trust anchor platform-team), so the check can run on what an
 * import writes next to them.
 */
export function scratchRoot(options: { platform?: boolean } = {}): string {
  const root = join(scratch, `root-${++count}`);
  mkdirSync(join(root, 'content'), { recursive: true });
  if (options.platform) {
    const valid = join(FIXTURES, 'valid', 'content');
    cpSync(join(valid, 'platform.yaml'), join(root, 'content', 'platform.yaml'));
    cpSync(join(valid, 'owners'), join(root, 'content', 'owners'), { recursive: true });
  }
  return root;
}

/** Every file under a folder, relative to it with `/`, sorted. */
export function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => relative(folder, join(dirent.parentPath, dirent.name)).split(sep).join('/'))
    .sort();
}

/** Reads a file as text. */
export function read(path: string): string {
  return readFileSync(path, 'utf8');
}
