import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EarlySearch, wholePage } from '../../src/build/early-search.ts';
import { searchStep } from '../../src/build/search-step.ts';
import { assignPages, entryPagePath, indexOfPage, searchLayout } from '../../src/build/search-shards.ts';
import { cleanIndexes, indexFiles, searchPagesOf } from '../helpers/search-indexes.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1 id="_top">${title}</h1><p>${body}</p></main></body></html>\n`;

const folderWith = scratchFolders('early');

// Eight services in two entry indexes, and the home page in the site pages' index.
const LAYOUT = searchLayout(8, 4);
const ENTRY_PAGES = Array.from({ length: 8 }, (_, i) => entryPagePath('services', `service-${i}`));
const [FIRST, SECOND] = [...assignPages(LAYOUT, ['index.html', ...ENTRY_PAGES])].filter(([index]) => index !== 'pagefind');

function write(site: string, path: string, html: string): void {
  mkdirSync(join(site, path, '..'), { recursive: true });
  writeFileSync(join(site, path), html);
}

const entryHtml = (path: string) => page(path.split('/')[1]!, `Restores ${path} from the nightly snapshot.`);

const HOME = { 'index.html': page('Home', 'The platform.') };

/** A site being built, holding `entryPages` and the `other` pages (by path), and the build's scratch folder beside it. */
function builtSite(entryPages: readonly string[], other: Record<string, string> = {}): { site: string; work: string } {
  const pages = { ...Object.fromEntries(entryPages.map((path) => [path, entryHtml(path)])), ...other };
  const root = folderWith(Object.fromEntries(Object.entries(pages).map(([path, html]) => [join('site', path), html])));
  return { site: join(root, 'site'), work: join(root, 'work') };
}




/** Waits until the early runs of `indexes` have all ended (each index written, its gathered pages gone). */
async function written(work: string, indexes: readonly string[]): Promise<void> {
  await vi.waitFor(
    () => {
      for (const index of indexes) expect(existsSync(join(work, 'early', 'indexes', index, 'pagefind-entry.json')), index).toBe(true);
      expect(existsSync(join(work, 'early', 'pages')) ? readdirSync(join(work, 'early', 'pages')) : []).toEqual([]);
    },
    { timeout: 30_000, interval: 20 },
  );
}

describe('writing search indexes while the site is built', () => {
  it('writes an entry index once its pages are all whole, and the search step takes it as the index it would write', async () => {
    // With a site page the search leaves out (404.html: nothing in it is marked for the index).
    const { site, work } = builtSite(FIRST![1], { ...HOME, '404.html': '<!doctype html><html lang="en"><body><p>Not found</p></body></html>' });
    // The second index's pages: one whole, one still being written.
    write(site, SECOND![1][0]!, entryHtml(SECOND![1][0]!));
    write(site, SECOND![1][1]!, entryHtml(SECOND![1][1]!).slice(0, 80));
    const early = new EarlySearch(site, LAYOUT, ENTRY_PAGES, join(work, 'early')).start(10);
    await written(work, [FIRST![0]]);
    expect(existsSync(join(work, 'early', 'indexes', SECOND![0]))).toBe(false);
    expect(existsSync(join(work, 'early', 'indexes', 'pagefind'))).toBe(false);
    // The rest of the pages, then Astro ends: the second index and the site pages' are written
    // beside the policy pass.
    for (const path of SECOND![1].slice(1)) write(site, path, entryHtml(path));
    early.siteMoved(site);
    await written(work, [SECOND![0], 'pagefind']);
    const result = await searchStep(site, { layout: LAYOUT, pages: searchPagesOf(site), workDir: work, early });
    expect(result).toEqual({ pages: 9, indexes: 3, written: 3, early: 3 });
    expect(indexFiles(site, LAYOUT)).toEqual(await cleanIndexes(site, LAYOUT, folderWith()));
    // The scratch folder went with the search step's.
    expect(existsSync(work)).toBe(false);
  });

  it('leaves an index to the search step when a page changed after it was found whole', async () => {
    const { site, work } = builtSite(ENTRY_PAGES, HOME);
    const early = new EarlySearch(site, LAYOUT, ENTRY_PAGES, join(work, 'early')).start(10);
    // Both indexes are found whole at once and their pages gathered; the first is written, the
    // second waits for it.
    await vi.waitFor(() => expect(existsSync(join(work, 'early', 'pages', SECOND![0]))).toBe(true), { timeout: 30_000, interval: 2 });
    const changed = SECOND![1][0]!;
    write(site, changed, page('Changed', 'Written again after it was found whole, in place.'));
    early.siteMoved(site);
    // The second index is written from the changed page, but not taken: it is not the page found whole.
    await written(work, [FIRST![0], SECOND![0], 'pagefind']);
    const result = await searchStep(site, { layout: LAYOUT, pages: searchPagesOf(site), workDir: work, early });
    expect(result).toEqual({ pages: 9, indexes: 3, written: 3, early: 2 });
    expect(indexFiles(site, LAYOUT)).toEqual(await cleanIndexes(site, LAYOUT, folderWith()));
  });

  it('leaves an index to the search step when its pages are not the ones foreseen', async () => {
    const { site, work } = builtSite(ENTRY_PAGES, HOME);
    // One entry page more than the build foresaw, in the first index, which is written first.
    const extra = Array.from({ length: 50 }, (_, i) => entryPagePath('services', `unforeseen-${i}`)).find((path) => indexOfPage(LAYOUT, path) === FIRST![0])!;
    const early = new EarlySearch(site, LAYOUT, ENTRY_PAGES, join(work, 'early')).start(10);
    write(site, extra, entryHtml(extra));
    early.siteMoved(site);
    await written(work, [FIRST![0], SECOND![0], 'pagefind']);
    const result = await searchStep(site, { layout: LAYOUT, pages: searchPagesOf(site), workDir: work, early });
    // The first index is not taken; the second and the site pages' are.
    expect(result).toEqual({ pages: 10, indexes: 3, written: 3, early: 2 });
    expect(indexFiles(site, LAYOUT)).toEqual(await cleanIndexes(site, LAYOUT, folderWith()));
  });

  it('starts nothing once stopped, and leaves no run behind', async () => {
    const { site, work } = builtSite(ENTRY_PAGES);
    const early = new EarlySearch(site, LAYOUT, ENTRY_PAGES, join(work, 'early'));
    early.stop();
    early.siteMoved(site);
    await early.settled();
    expect(existsSync(work)).toBe(false);
    expect(await early.take(FIRST![0], FIRST![1].map((page) => ({ page })))).toBeUndefined();
  });
});

describe('a whole page', () => {
  it('is one that ends with its closing html tag', () => {
    const dir = folderWith();
    const file = join(dir, 'index.html');
    expect(wholePage(file)).toBeUndefined();
    writeFileSync(file, '<!doctype html><html><body><p>Half');
    expect(wholePage(file)).toBeUndefined();
    writeFileSync(file, '<!doctype html><html><body><p>Whole</p></body></HTML>\r\n\n');
    expect(wholePage(file)).toMatchObject({ size: 56 });
    writeFileSync(file, '');
    expect(wholePage(file)).toBeUndefined();
  });
});
