import { appendFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PagefindWorkers } from '../../src/build/pagefind-workers.ts';
import { IndexesRewrittenAhead } from '../../src/build/rewritten-ahead.ts';
import { readKeptIndexes } from '../../src/build/search-cache.ts';
import { searchPage } from '../../src/build/search-pages.ts';
import { searchStep } from '../../src/build/search-step.ts';
import { assignPages, entryPagePath, searchLayout } from '../../src/build/search-shards.ts';
import { cleanIndexes, indexFiles, searchPagesOf } from '../helpers/search-indexes.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const page = (title: string, body: string, related = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1 id="_top">${title}</h1><p>${body}</p><nav data-pagefind-ignore>${related}</nav></main></body></html>\n`;

const folderWith = scratchFolders('rewritten-ahead');

// Twelve services in two entry indexes (of three and nine pages), and the home page in the site pages' index.
const LAYOUT = searchLayout(12, 6);
const ENTRY_PAGES = Array.from({ length: 12 }, (_, i) => entryPagePath('services', `service-${i}`));
const [FIRST, SECOND] = [...assignPages(LAYOUT, ['index.html', ...ENTRY_PAGES])].filter(([index]) => index !== 'pagefind');
const entryHtml = (path: string, related = '') => page(path.split('/')[1]!, `Restores ${path} from the nightly snapshot.`, related);




/**
 * The state of a build that reuses pages, as Astro starts generating them: the last build's search
 * indexes in the cache, its pages kept by Astro (`kept`), and Astro's folder (`work`) holding each
 * kept page as a link to its copy. `write` renders a page again as Astro does: a new file, then its record.
 */
async function reusingBuild() {
  const root = folderWith();
  const [kept, work, cache, scratch] = ['kept', 'work', 'cache', 'scratch'].map((name) => join(root, name)) as [string, string, string, string];
  const last = join(root, 'last');
  const pages: Record<string, string> = { 'index.html': page('Home', 'The platform.'), ...Object.fromEntries(ENTRY_PAGES.map((path) => [path, entryHtml(path)])) };
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(last, path)), { recursive: true });
    writeFileSync(join(last, path), html);
  }
  await searchStep(last, { layout: LAYOUT, pages: searchPagesOf(last), cacheDir: cache, workDir: join(root, 'last-work') });
  for (const path of Object.keys(pages)) {
    for (const folder of [kept, work]) mkdirSync(dirname(join(folder, path)), { recursive: true });
    linkSync(join(last, path), join(kept, path));
    linkSync(join(kept, path), join(work, path));
  }
  const writtenFile = join(scratch, 'written');
  mkdirSync(scratch, { recursive: true });
  const write = (path: string, html: string) => {
    rmSync(join(work, path), { force: true });
    writeFileSync(join(work, path), html);
    const { page: _, ...search } = searchPage(path, html);
    appendFileSync(writtenFile, `${JSON.stringify([path, search])}\n`);
  };
  const workers = new PagefindWorkers(2);
  const ahead = new IndexesRewrittenAhead(work, kept, writtenFile, LAYOUT, readKeptIndexes(cache, LAYOUT.indexes)!.indexes, workers, join(scratch, 'rewritten'));
  const site = join(root, 'site');
  /** Astro is done: its folder becomes the site, and the search step runs with what was written ahead. */
  const finish = async () => {
    renameSync(work, site);
    ahead.siteMoved(site);
    return searchStep(site, { layout: LAYOUT, pages: searchPagesOf(site), cacheDir: cache, workDir: scratch, early: ahead, workers });
  };
  return { work, scratch, write, ahead, finish, site };
}

/** Waits until the index is written ahead. */
async function writtenAhead(scratch: string, index: string): Promise<void> {
  await vi.waitFor(() => expect(existsSync(join(scratch, 'rewritten', 'indexes', index, 'pagefind-entry.json')), index).toBe(true), { timeout: 30_000, interval: 20 });
}

describe('search indexes written again while Astro renders the pages of a build that reuses pages', () => {
  it('writes an entry index whose page changed once Astro is past it, and the search step takes it', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    const changed = FIRST![1][0]!;
    build.write(changed, page('Renamed', 'Restores the renamed service from the nightly snapshot.'));
    // A page of the second index rendered again with nothing new for the search (only its
    // relations, which the index leaves out): Astro is past the first index.
    build.write(SECOND![1][0]!, entryHtml(SECOND![1][0]!, '<a href="/services/service-0/">Renamed</a>'));
    await writtenAhead(build.scratch, FIRST![0]);
    // What the search step learns from it: which index the kept one will not do for, and the
    // fragments made, each of the page's HTML as Astro wrote it. The renamed page needed none: its
    // heading changed, and with it where Pagefind finds its text.
    const unchanged = SECOND![1][0]!;
    await vi.waitFor(() => expect([...build.ahead.fragments.keys()]).toEqual([unchanged]), { timeout: 30_000, interval: 20 });
    expect(build.ahead.fragments.get(unchanged)).toEqual({
      html: searchPage(unchanged, entryHtml(unchanged, '<a href="/services/service-0/">Renamed</a>')).html,
      // A SHA-256 digest, as the search step keeps it.
      fragment: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(build.ahead.rewrites(FIRST![0])).toBe(true);
    expect(build.ahead.rewrites(SECOND![0])).toBe(false);
    const result = await build.finish();
    // Only the first index changed, and it was the one written ahead.
    expect(result).toEqual({ pages: 13, indexes: 3, written: 1, early: 1 });
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
    expect(existsSync(build.scratch)).toBe(false);
  });

  it('writes an index whose page changed when Astro is done, if it never got past it', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    build.write(SECOND![1][1]!, page('Renamed', 'A new description.'));
    const result = await build.finish();
    expect(result).toEqual({ pages: 13, indexes: 3, written: 1, early: 1 });
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
  });

  it('writes the last entry index whose page changed once Astro writes a site page after the entry pages', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    const changed = SECOND![1][1]!;
    build.write(changed, page('Renamed', 'A new description.'));
    // The entry route is done (its pages come first, src/build/entries-first.ts): the home page
    // that lists the service is rendered after it, while Astro goes on with the other site pages.
    build.write('index.html', page('Home', 'The platform, with Renamed.'));
    await writtenAhead(build.scratch, SECOND![0]);
    // The home page's index is left until Astro is done: more site pages may come.
    expect(existsSync(join(build.scratch, 'rewritten', 'pages', 'pagefind'))).toBe(false);
    const result = await build.finish();
    // Both written ahead: the home page's index once Astro was done, beside the policy pass.
    expect(result).toEqual({ pages: 13, indexes: 3, written: 2, early: 2 });
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
  });

  it('waits for Astro to be done with an index when a site page came before any entry page', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    // The site pages generated before the entry route, as Astro orders them when it cannot put the entry pages first.
    build.write('index.html', page('Home', 'The platform, with Renamed.'));
    build.write(SECOND![1][1]!, page('Renamed', 'A new description.'));
    // Several looks later, the index is still left for Astro to finish.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(join(build.scratch, 'rewritten', 'pages', SECOND![0]))).toBe(false);
    expect(existsSync(join(build.scratch, 'rewritten', 'indexes', SECOND![0]))).toBe(false);
    const result = await build.finish();
    expect(result).toEqual({ pages: 13, indexes: 3, written: 2, early: 2 });
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
  });

  it('leaves the site pages to the search step when one of them is new', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    build.write('index.html', page('Home', 'The platform, with a new page.'));
    mkdirSync(join(build.work, 'governance'));
    build.write('governance/index.html', page('Governance', 'How work enters the platform.'));
    const result = await build.finish();
    // The site pages' index holds a page the kept one does not: the search step writes it.
    expect(result).toEqual({ pages: 14, indexes: 3, written: 1 });
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
  });

  it('writes the site pages ahead when a page the search leaves out is new among them', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    build.write('index.html', page('Home', 'The platform, with a second page of services.'));
    // A collection index's later page: no data-pagefind-body, so Pagefind leaves it out, before and now.
    mkdirSync(join(build.work, 'services', 'page', '2'), { recursive: true });
    build.write('services/page/2/index.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Services, page 2</title></head><body><p>More services.</p></body></html>\n');
    const result = await build.finish();
    expect(result).toEqual({ pages: 13, indexes: 3, written: 1, early: 1 });
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
  });

  it('leaves an index to the search step when one of its pages changes after the index was written ahead', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    build.write(FIRST![1][0]!, page('Renamed', 'First change.'));
    build.write(SECOND![1][0]!, page('Also renamed', 'Second index.'));
    await writtenAhead(build.scratch, FIRST![0]);
    // Astro renders another page of the first index after all (its pages overlap at the edges).
    build.write(FIRST![1][1]!, page('Late', 'Rendered after the index was written ahead.'));
    const result = await build.finish();
    // The first index as written ahead is not the site's: the search step writes it itself.
    expect(result.written).toBe(2);
    expect(result.early).toBe(1);
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
  });

  it('reads a record appended in two writes once it is whole', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    const changed = SECOND![1][2]!;
    rmSync(join(build.work, changed));
    const html = page('Renamed', 'Split record.');
    writeFileSync(join(build.work, changed), html);
    const { page: _, ...search } = searchPage(changed, html);
    const line = Buffer.from(`${JSON.stringify([changed, search])}\n`);
    appendFileSync(join(build.scratch, 'written'), line.subarray(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    appendFileSync(join(build.scratch, 'written'), line.subarray(20));
    const result = await build.finish();
    expect(result).toEqual({ pages: 13, indexes: 3, written: 1, early: 1 });
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
  });

  it('never links a page that is being written: the index waits until it is whole', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    const [first, second] = FIRST![1] as [string, string];
    build.write(first, page('Renamed', 'Changed.'));
    // Astro has replaced the second page's link with a file it is still writing, and recorded nothing yet.
    rmSync(join(build.work, second));
    writeFileSync(join(build.work, second), entryHtml(second).slice(0, 60));
    build.write(SECOND![1][0]!, page('Moved on', 'Astro is past the first index.'));
    // Looked at, not written.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(join(build.scratch, 'rewritten', 'indexes', FIRST![0]))).toBe(false);
    // Whole and recorded: written when Astro is done, and taken.
    build.write(second, entryHtml(second));
    const result = await build.finish();
    expect(result).toEqual({ pages: 13, indexes: 3, written: 2, early: 2 });
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
  });

  it('writes nothing ahead for pages whose text the search holds is unchanged, nor for an index whose pages are not the ones kept', async () => {
    const build = await reusingBuild();
    build.ahead.start(10);
    // The relations changed, which the index leaves out: the fragment is the kept one.
    build.write(FIRST![1][0]!, entryHtml(FIRST![1][0]!, '<a href="/owners/team/">Team</a>'));
    // A page the kept second index does not hold.
    const extra = Array.from({ length: 50 }, (_, i) => entryPagePath('services', `new-${i}`)).find((path) => assignPages(LAYOUT, [...ENTRY_PAGES, path]).get(SECOND![0])!.includes(path))!;
    mkdirSync(dirname(join(build.work, extra)), { recursive: true });
    writeFileSync(join(build.work, extra), '');
    build.write(extra, entryHtml(extra));
    const result = await build.finish();
    expect(result).toEqual({ pages: 14, indexes: 3, written: 1 });
    expect(indexFiles(build.site, LAYOUT)).toEqual(await cleanIndexes(build.site, LAYOUT, folderWith()));
  });
});
