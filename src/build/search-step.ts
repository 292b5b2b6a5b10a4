import { fileURLToPath, pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index of a built site into its `pagefind/` folder, as Starlight
 * would at the end of the Astro build, but in a process that no longer holds the site build's
 * memory. Pages index only their `data-pagefind-body` (the article), with the filters each
 * entry page declares. Returns the number of pages indexed.
 */
export async function searchStep(siteDir: string): Promise<number> {
  const site = pathToFileURL(`${siteDir}/`);
  try {
    const check = <T extends { errors: string[] }>(response: T): T => {
      if (response.errors.length > 0) throw new Error(`Pagefind: ${response.errors.join('; ')}`);
      return response;
    };
    const { index } = check(await pagefind.createIndex());
    if (!index) throw new Error('Pagefind did not create an index.');
    const { page_count } = check(await index.addDirectory({ path: fileURLToPath(site) }));
    check(await index.writeFiles({ outputPath: fileURLToPath(new URL('./pagefind/', site)) }));
    return page_count;
  } catch (cause) {
    throw new Error('The search index could not be built.', { cause });
  } finally {
    await pagefind.close();
  }
}
