import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { searchPage } from '../../src/build/search-pages.ts';
import { searchStep } from '../../src/build/search-step.ts';
import type { SearchLayout } from '../../src/build/search-shards.ts';

/** What the search step is handed for a site as it is now: every page, as the policy pass reads it. */
export function searchPagesOf(site: string) {
  return readdirSync(site, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .sort()
    .map((path) => searchPage(path, readFileSync(join(site, path), 'utf8')));
}

/** Every file of a site's search indexes, by its path in the site, with its bytes (base64). */
export function indexFiles(site: string, layout: SearchLayout): Map<string, string> {
  const files = new Map<string, string>();
  for (const index of layout.indexes) {
    for (const dirent of readdirSync(join(site, index), { withFileTypes: true, recursive: true })) {
      if (dirent.isFile()) files.set(relative(site, join(dirent.parentPath, dirent.name)), readFileSync(join(dirent.parentPath, dirent.name), 'base64'));
    }
  }
  return files;
}

/**
 * The indexes the search step writes, with no cache and nothing written ahead, for a copy of
 * `site` made in `scratch` (an empty folder): what every index a build writes otherwise must equal.
 */
export async function cleanIndexes(site: string, layout: SearchLayout, scratch: string): Promise<Map<string, string>> {
  const copy = join(scratch, 'site');
  cpSync(site, copy, { recursive: true });
  for (const index of layout.indexes) rmSync(join(copy, index), { recursive: true, force: true });
  await searchStep(copy, { layout, pages: searchPagesOf(copy), workDir: join(scratch, 'work') });
  return indexFiles(copy, layout);
}
