import { fileURLToPath, pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { indexedPages, keepSearchIndex, restoreSearchIndex } from './search-cache.ts';

/** What the search step did: how many pages the index holds, and whether it was kept from before. */
export interface SearchStepResult {
  readonly pages: number;
  readonly reused: boolean;
}

/**
 * Builds the Pagefind search index of a built site into its `pagefind/` folder, as Starlight
 * would at the end of the Astro build, but in a process that no longer holds the site build's
 * memory. Pages index only their `data-pagefind-body` (the article), with the filters each
 * entry page declares.
 *
 * With a `cache` (a folder and the key of the site's pages, src/build/search-cache.ts), an index
 * made from the very same pages is taken from the cache instead, and a new one is kept there.
 */
export async function searchStep(siteDir: string, cache?: { readonly dir: string; readonly key: string | undefined }): Promise<SearchStepResult> {
  if (cache?.key) {
    const pages = restoreSearchIndex(cache.dir, cache.key, siteDir);
    if (pages !== undefined) return { pages, reused: true };
  }
  const pages = await runPagefind(siteDir);
  if (cache?.key) keepSearchIndex(cache.dir, cache.key, siteDir);
  return { pages, reused: false };
}

async function runPagefind(siteDir: string): Promise<number> {
  const site = pathToFileURL(`${siteDir}/`);
  try {
    const check = <T extends { errors: string[] }>(response: T): T => {
      if (response.errors.length > 0) throw new Error(`Pagefind: ${response.errors.join('; ')}`);
      return response;
    };
    const { index } = check(await pagefind.createIndex());
    if (!index) throw new Error('Pagefind did not create an index.');
    check(await index.addDirectory({ path: fileURLToPath(site) }));
    const { outputPath } = check(await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', site)) }));
    return indexedPages(outputPath);
  } catch (cause) {
    throw new Error('The search index could not be built.', { cause });
  } finally {
    await pagefind.close();
  }
}
