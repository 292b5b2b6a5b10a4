import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCacheDir, checkContentAhead } from '../../../src/core/check/check-content.ts';
import { scratchFolders } from '../../helpers/scratch-files.ts';

const VALID = join(import.meta.dirname, '..', '..', 'fixtures', 'valid');
const scratch = scratchFolders('check-content-');

describe('the check answering ahead of its caches', () => {
  it('hands the content and the model on before it writes its caches, and writes them before the whole check ends', async () => {
    const root = scratch();
    cpSync(VALID, root, { recursive: true, filter: (source) => !source.includes('.cache') });
    const cache = checkCacheDir(root);
    const written = () => (existsSync(cache) ? readdirSync(cache).sort() : []);
    let atLoad: string[] | undefined;
    const { ahead, whole } = await checkContentAhead({ root, now: new Date('2026-11-26T00:00:00Z'), onLoaded: () => (atLoad = written()) });
    expect(atLoad).toEqual([]);
    // What a build does at once with `ahead` (it writes Astro's plan) comes before the caches.
    expect(written()).toEqual([]);
    expect((await whole).errors).toBe(ahead.errors);
    expect(written()).toEqual(expect.arrayContaining(['body-facts.json', 'frontmatter.v8']));
  });

  it('writes its caches before answering when no one is told the content, beside the secret scan', async () => {
    const root = scratch();
    cpSync(VALID, root, { recursive: true, filter: (source) => !source.includes('.cache') });
    const { whole } = await checkContentAhead({ root, now: new Date('2026-11-26T00:00:00Z') });
    expect(readdirSync(checkCacheDir(root))).toEqual(expect.arrayContaining(['body-facts.json', 'frontmatter.v8']));
    await whole;
  });
});
