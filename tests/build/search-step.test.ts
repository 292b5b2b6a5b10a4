import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { restoreAhead } from '../../src/build/search-cache.ts';
import { PACK_FIELD } from '../../src/build/search-pack.ts';
import { type SearchPage, searchPage } from '../../src/build/search-pages.ts';
import { fragmentsAhead, type RenderedAhead, type SearchStepOptions, type SearchStepResult, searchStep, searchWorkers } from '../../src/build/search-step.ts';
import { indexOfPage, type SearchLayout, searchLayout } from '../../src/build/search-shards.ts';

const page = (title: string, body: string, aside = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1 id="_top">${title}</h1><p>${body}</p><div data-pagefind-ignore>${aside}</div></main></body></html>`;

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** A built site of `pages`, and the search step's options for it as the build would pass them. */
function site(pages: Record<string, string>, layout: SearchLayout, cacheDir: string): { dir: string; options: SearchStepOptions } {
  const dir = scratch('mp-search-site-');
  const collected: ReturnType<typeof searchPage>[] = [];
  for (const [path, html] of Object.entries(pages).sort(([a], [b]) => a.localeCompare(b))) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
    collected.push(searchPage(path, html));
  }
  return { dir, options: { layout, pages: collected, cacheDir, workDir: join(dir, '..', `${relative(tmpdir(), dir)}-work`) } };
}

/** Every file of every index folder, by path. */
function indexFiles(dir: string, layout: SearchLayout): Map<string, string> {
  const files = new Map<string, string>();
  for (const index of layout.indexes) {
    const root = join(dir, index);
    for (const dirent of readdirSync(root, { withFileTypes: true, recursive: true })) {
      if (dirent.isFile()) files.set(relative(dir, join(dirent.parentPath, dirent.name)), readFileSync(join(dirent.parentPath, dirent.name), 'base64'));
    }
  }
  return files;
}

/**
 * An index's metadata file, which the search step never changes once Pagefind wrote it (the
 * primary index's entry file and worker get the search pack's name and reader).
 */
function metaFile(indexDir: string): string {
  return join(indexDir, readdirSync(indexDir).find((name) => name.endsWith('.pf_meta'))!);
}

/** The index files of `pages` indexed without a cache, as a clean build writes them. */
async function cleanIndexFiles(pages: Record<string, string>, layout: SearchLayout): Promise<Map<string, string>> {
  const clean = site(pages, layout, join(scratch('mp-search-cache-'), 'search'));
  await searchStep(clean.dir, clean.options);
  return indexFiles(clean.dir, layout);
}

/**
 * Indexes `before` with a fresh cache, then `after` on that cache and, apart, without one. Returns
 * what the step did on the cache, once both sites' indexes are found to be the same, file for file.
 */
async function incrementalAgainstClean(before: Record<string, string>, after: Record<string, string>, layout: SearchLayout): Promise<SearchStepResult> {
  const cache = join(scratch('mp-search-cache-'), 'search');
  const first = site(before, layout, cache);
  await searchStep(first.dir, first.options);
  const incremental = site(after, layout, cache);
  const result = await searchStep(incremental.dir, incremental.options);
  expect(indexFiles(incremental.dir, layout)).toEqual(await cleanIndexFiles(after, layout));
  return result;
}

/** The cache's folders, by the index each keeps (`pagefind-2~1a2b3c4d` keeps pagefind-2). */
function keptFolders(cache: string): Map<string, string> {
  const names = readdirSync(cache).filter((name) => name !== 'manifest.json');
  return new Map(names.map((name) => [name.replace(/~.*$/, ''), name]));
}

const ONE = searchLayout(2);
const PAGES = { 'services/api/index.html': page('API', 'Restore the snapshot first.'), 'index.html': page('Home', 'The platform.'), '404.html': '<html><body>Not found</body></html>' };

describe('one search index, kept between builds', () => {
  it('is built once, then taken from the cache for the very same pages, file for file', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(PAGES, ONE, cache);
    expect(await searchStep(first.dir, first.options)).toEqual({ pages: 2, indexes: 1, written: 1 });
    const second = site(PAGES, ONE, cache);
    expect(await searchStep(second.dir, second.options)).toEqual({ pages: 2, indexes: 1, written: 0 });
    expect(indexFiles(second.dir, ONE)).toEqual(indexFiles(first.dir, ONE));
  });

  it('is built again when a page gives Pagefind other text, or moves', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(PAGES, ONE, cache);
    await searchStep(first.dir, first.options);
    const edited = site({ ...PAGES, 'index.html': page('Home', 'The platform!') }, ONE, cache);
    expect(await searchStep(edited.dir, edited.options)).toMatchObject({ written: 1 });
    const moved = site({ 'services/api2/index.html': PAGES['services/api/index.html'], 'index.html': PAGES['index.html'], '404.html': PAGES['404.html'] }, ONE, cache);
    expect(await searchStep(moved.dir, moved.options)).toMatchObject({ written: 1 });
  });

  it('is kept when only what the index leaves out changed', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(PAGES, ONE, cache);
    await searchStep(first.dir, first.options);
    const related = site({ ...PAGES, 'services/api/index.html': page('API', 'Restore the snapshot first.', 'Related: Primary database') }, ONE, cache);
    expect(await searchStep(related.dir, related.options)).toEqual({ pages: 2, indexes: 1, written: 0 });
    expect(indexFiles(related.dir, ONE)).toEqual(await cleanIndexFiles({ ...PAGES, 'services/api/index.html': page('API', 'Restore the snapshot first.', 'Related: Primary database') }, ONE));
  });

  it('is built again when the kept index is damaged', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(PAGES, ONE, cache);
    await searchStep(first.dir, first.options);
    rmSync(join(cache, keptFolders(cache).get('pagefind')!, 'pagefind-entry.json'));
    const second = site(PAGES, ONE, cache);
    expect(await searchStep(second.dir, second.options)).toMatchObject({ written: 1 });
    expect(indexFiles(second.dir, ONE)).toEqual(indexFiles(first.dir, ONE));
  });
});

describe('a search split between indexes', () => {
  const entries: Record<string, string> = {};
  const words = ['restore', 'rotate', 'failover', 'backup', 'deploy', 'rollback', 'audit', 'escalate', 'retain', 'replicate'];
  words.forEach((word, i) => (entries[`services/service-${i}/index.html`] = page(`Service ${i}`, `How to ${word} service ${i}.`)));
  const SITE: Record<string, string> = { ...entries, 'index.html': page('Home', 'The platform.'), 'services/index.html': '<html><body>All services</body></html>', 'model/index.html': page('Model', 'The seven planes.') };
  const SPLIT = searchLayout(10, 4);

  it('writes every index of a first build, none empty, all pages indexed once', async () => {
    const built = site(SITE, SPLIT, join(scratch('mp-search-cache-'), 'search'));
    expect(SPLIT.indexes).toEqual(['pagefind', 'pagefind-1', 'pagefind-2', 'pagefind-3']);
    expect(await searchStep(built.dir, built.options)).toEqual({ pages: 12, indexes: 4, written: 4 });
    // Only the first index brings Pagefind's scripts and engine; the merged ones hold their data alone.
    const topFiles = (index: string) => readdirSync(join(built.dir, index), { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
    expect(topFiles('pagefind')).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-ui.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'pagefind-entry.json']));
    for (const index of SPLIT.indexes.slice(1)) {
      expect(topFiles(index).filter((name) => !/^pagefind\.[\w-]+\.pf_meta$/.test(name))).toEqual(['pagefind-entry.json']);
    }
    // The files every search loads are packed into one, which the primary entry file names and
    // Pagefind's own worker, as this Pagefind writes it, now reads (src/build/search-pack.ts).
    const pack = topFiles('pagefind').filter((name) => /^multiplane-pack\.[0-9a-f]{16}\.bin$/.test(name));
    expect(pack).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(built.dir, 'pagefind', 'pagefind-entry.json'), 'utf8'))).toMatchObject({ [PACK_FIELD]: pack[0] });
    expect(readFileSync(join(built.dir, 'pagefind', 'pagefind-worker.js'), 'utf8')).toContain('await multiplanePackedFetch(queued.input)');
  });

  it('writes again only the index of a changed page, and equals a build without a cache', async () => {
    const changed = { ...SITE, 'services/service-4/index.html': page('Service 4', 'How to drain service 4.') };
    expect(await incrementalAgainstClean(SITE, changed, SPLIT)).toEqual({ pages: 12, indexes: 4, written: 1 });
  });

  it('hands over the indexes it writes while it writes them, the others already in the site', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(SITE, SPLIT, cache);
    let writing: readonly string[] | undefined;
    await searchStep(first.dir, { ...first.options, meanwhile: (indexes) => (writing = indexes) });
    expect(writing).toEqual(SPLIT.indexes);
    const changed = site({ ...SITE, 'services/service-4/index.html': page('Service 4', 'How to drain service 4.') }, SPLIT, cache);
    let inSite: string[] = [];
    await searchStep(changed.dir, {
      ...changed.options,
      meanwhile: (indexes) => {
        writing = indexes;
        inSite = SPLIT.indexes.filter((index) => !indexes.includes(index) && readdirSync(join(changed.dir, index)).includes('pagefind-entry.json'));
      },
    });
    expect(writing).toHaveLength(1);
    expect(inSite).toEqual(SPLIT.indexes.filter((index) => index !== writing![0]));
  });

  it('keeps the indexes it did not write in their folders, and only the indexes the manifest names', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(SITE, SPLIT, cache);
    await searchStep(first.dir, first.options);
    const before = keptFolders(cache);
    expect([...before.keys()].sort()).toEqual(SPLIT.indexes);
    const inode = (index: string) => statSync(metaFile(join(cache, before.get(index)!))).ino;
    const kept = Object.fromEntries(SPLIT.indexes.map((index) => [index, inode(index)]));

    const changed = site({ ...SITE, 'services/service-4/index.html': page('Service 4', 'How to drain service 4.') }, SPLIT, cache);
    expect(await searchStep(changed.dir, changed.options)).toMatchObject({ written: 1 });
    const after = keptFolders(cache);
    expect(readdirSync(cache)).toHaveLength(SPLIT.indexes.length + 1);
    const rewritten = SPLIT.indexes.filter((index) => after.get(index) !== before.get(index));
    expect(rewritten).toHaveLength(1);
    for (const index of SPLIT.indexes.filter((index) => !rewritten.includes(index))) {
      // The very files: the site's index is linked from them, and nothing was written again.
      expect(statSync(metaFile(join(cache, after.get(index)!))).ino).toBe(kept[index]);
      expect(statSync(metaFile(join(changed.dir, index))).ino).toBe(kept[index]);
    }
    const third = site({ ...SITE, 'services/service-4/index.html': page('Service 4', 'How to drain service 4.') }, SPLIT, cache);
    expect(await searchStep(third.dir, third.options)).toMatchObject({ written: 0 });
    expect(indexFiles(third.dir, SPLIT)).toEqual(indexFiles(changed.dir, SPLIT));
  });

  it('moves in the kept indexes linked ahead while the site was built, and equals a build without a cache', async () => {
    // As a build that reuses pages runs the step: with the indexes linked ahead, and Pagefind's
    // workers started ahead, which the step runs in and closes.
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(SITE, SPLIT, cache);
    await searchStep(first.dir, first.options);
    const changedSite = { ...SITE, 'services/service-4/index.html': page('Service 4', 'How to drain service 4.') };
    const changed = site(changedSite, SPLIT, cache);
    const ahead = restoreAhead(cache, SPLIT.indexes, join(changed.options.workDir, 'kept'));
    expect([...(await ahead.linked)].sort()).toEqual(SPLIT.indexes);
    const aheadInode = (index: string) => statSync(metaFile(join(ahead.folder, index))).ino;
    const linked = Object.fromEntries(SPLIT.indexes.map((index) => [index, aheadInode(index)]));
    const workers = searchWorkers().warm();
    expect(await searchStep(changed.dir, { ...changed.options, ahead, workers })).toMatchObject({ written: 1 });
    expect(workers.started).toBe(Math.min(2, availableParallelism()));
    await expect(workers.run({ siteDir: changed.dir, pages: [], pagesDir: join(changed.options.workDir, 'late') })).rejects.toThrow(/closed/);
    // The indexes taken are the very folders linked ahead; the one written again is new, and the
    // folder of those linked ahead is gone with the step's scratch folder.
    const moved = SPLIT.indexes.filter((index) => statSync(metaFile(join(changed.dir, index))).ino === linked[index]);
    expect(moved).toHaveLength(SPLIT.indexes.length - 1);
    expect(existsSync(changed.options.workDir)).toBe(false);
    expect(indexFiles(changed.dir, SPLIT)).toEqual(await cleanIndexFiles(changedSite, SPLIT));
  });

  describe('with the fragments of the pages Astro rendered made ahead, while the policy pass ran', () => {
    // service-4 gives Pagefind other text; service-7 changed only where the index does not look.
    const CHANGED = {
      ...SITE,
      'services/service-4/index.html': page('Service 4', 'How to drain service 4.'),
      'services/service-7/index.html': page('Service 7', 'How to escalate service 7.', 'Owned by the renamed team'),
    };
    const RENDERED = ['services/service-4/index.html', 'services/service-7/index.html'];

    /** The step over CHANGED on a cache of SITE, given `fragments` made of the pages as `rendered` says they were; with the runs it asked of Pagefind. */
    async function withFragments(
      rendered: (pages: SearchStepOptions['pages']) => Map<string, Omit<SearchPage, 'page'>>,
      fragments?: (made: ReturnType<typeof fragmentsAhead>) => ReturnType<typeof fragmentsAhead>,
      found?: (rendered: Map<string, Omit<SearchPage, 'page'>>) => RenderedAhead,
    ) {
      const cache = join(scratch('mp-search-cache-'), 'search');
      const first = site(SITE, SPLIT, cache);
      await searchStep(first.dir, first.options);
      const changed = site(CHANGED, SPLIT, cache);
      const ahead = restoreAhead(cache, SPLIT.indexes, join(changed.options.workDir, 'kept'));
      await ahead.linked;
      const workers = searchWorkers().warm();
      const runs: string[] = [];
      const run = workers.run.bind(workers);
      workers.run = (job) => {
        runs.push(`${basename(job.pagesDir)}: ${[...job.pages].sort().join(' ')}`);
        return run(job);
      };
      const pages = rendered(changed.options.pages);
      const learnt = found?.(pages);
      const made = fragmentsAhead(changed.dir, pages, ahead.kept!.indexes, workers, changed.options.workDir, learnt);
      // What the search step asks of the indexes written while Astro rendered the pages: here, none is taken.
      const early = learnt && { take: async () => undefined, taken: 0, settled: async () => {}, rewrites: (index: string) => learnt.rewrites(index) };
      const result = await searchStep(changed.dir, { ...changed.options, ahead, workers, ...(early ? { early } : {}), ...(fragments ? { fragments: fragments(made)! } : made ? { fragments: made } : {}) });
      expect(indexFiles(changed.dir, SPLIT)).toEqual(await cleanIndexFiles(CHANGED, SPLIT));
      return { result, runs, made };
    }
    const asRendered = (pages: SearchStepOptions['pages']) => new Map(pages.filter((page) => RENDERED.includes(page.page)).map(({ page, ...search }) => [page, search]));

    it('runs the changed pages once, ahead, and writes again only the index whose text changed', async () => {
      const { result, runs, made } = await withFragments(asRendered);
      expect([...made!.pages.keys()].sort()).toEqual(RENDERED);
      expect(result).toMatchObject({ written: 1 });
      expect(runs.filter((run) => !run.startsWith('pagefind'))).toEqual([`rendered: ${RENDERED.join(' ')}`]);
    });

    it('makes no run ahead when no page Astro rendered is one the kept indexes hold otherwise', async () => {
      const { result, made } = await withFragments((pages) => new Map([...asRendered(pages)].map(([page, search]) => [page, { ...search, marked: false }])));
      expect(made).toBeUndefined();
      expect(result).toMatchObject({ written: 1 });
    });

    it('runs a page again when the pass wrote it again after the run ahead', async () => {
      // The run ahead took service-4 as another text than the pass left.
      const { result, runs } = await withFragments((pages) => new Map([...asRendered(pages)].map(([page, search]) => [page, page.includes('service-4') ? { ...search, html: 'written again since' } : search])));
      expect(result).toMatchObject({ written: 1 });
      expect(runs.filter((run) => !run.startsWith('pagefind'))).toEqual([`rendered: ${RENDERED.join(' ')}`, `changed: ${RENDERED[0]}`]);
    });

    it('takes the fragments made while Astro rendered the pages, and makes only the others', async () => {
      // The fragment of service-7, as a run makes it.
      const first = await withFragments(asRendered);
      const digest = (await first.made!.digests)['/services/service-7/']!;
      const { result, runs, made } = await withFragments(asRendered, undefined, (pages) => ({
        fragments: new Map([[RENDERED[1]!, { html: pages.get(RENDERED[1]!)!.html, fragment: digest }]]),
        rewrites: () => false,
      }));
      expect([...made!.pages.keys()].sort()).toEqual(RENDERED);
      expect(result).toMatchObject({ written: 1 });
      expect(runs.filter((run) => !run.startsWith('pagefind'))).toEqual([`rendered: ${RENDERED[0]}`]);
    });

    it('makes a page again whose fragment was made of other HTML than it has now', async () => {
      const { result, runs } = await withFragments(asRendered, undefined, () => ({
        fragments: new Map([[RENDERED[1]!, { html: 'rendered once more since', fragment: 'a fragment of the page as it was' }]]),
        rewrites: () => false,
      }));
      expect(result).toMatchObject({ written: 1 });
      expect(runs.filter((run) => !run.startsWith('pagefind'))).toEqual([`rendered: ${RENDERED.join(' ')}`]);
    });

    it('makes no fragment of a page whose index is written again anyway, and takes no kept index for it', async () => {
      const rewritten = indexOfPage(SPLIT, RENDERED[0]!);
      const others = RENDERED.filter((page) => indexOfPage(SPLIT, page) !== rewritten);
      const { result, runs } = await withFragments(asRendered, undefined, () => ({ fragments: new Map(), rewrites: (index) => index === rewritten }));
      expect(result).toMatchObject({ written: 1 });
      expect(runs.filter((run) => !run.startsWith('pagefind'))).toEqual(others.length > 0 ? [`rendered: ${others.join(' ')}`] : []);
    });

    it('makes the fragments itself when the run ahead failed', async () => {
      const failed = (made: ReturnType<typeof fragmentsAhead>) => ({ pages: made!.pages, digests: Promise.reject(new Error('Pagefind stopped')) });
      const { result, runs } = await withFragments(asRendered, failed);
      expect(result).toMatchObject({ written: 1 });
      expect(runs.filter((run) => !run.startsWith('pagefind'))).toEqual([`rendered: ${RENDERED.join(' ')}`, `changed: ${RENDERED.join(' ')}`]);
    });
  });

  it('writes again what it linked ahead when another build replaced the cache meanwhile', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(SITE, SPLIT, cache);
    await searchStep(first.dir, first.options);
    const second = site(SITE, SPLIT, cache);
    const ahead = restoreAhead(cache, SPLIT.indexes, join(second.options.workDir, 'kept'));
    await ahead.linked;
    // Another build of the same content keeps its indexes before this one's search step.
    const other = site(SITE, SPLIT, join(scratch('mp-search-cache-'), 'search'));
    await searchStep(other.dir, { ...other.options, cacheDir: cache });
    expect(await searchStep(second.dir, { ...second.options, ahead })).toMatchObject({ written: 4 });
    expect(indexFiles(second.dir, SPLIT)).toEqual(indexFiles(first.dir, SPLIT));
  });

  it('writes every index again over a cache of an older layout, and clears it away', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(SITE, SPLIT, cache);
    await searchStep(first.dir, first.options);
    // An older cache: one folder per index, under the index's own name, and no folders in the manifest.
    const manifest = JSON.parse(readFileSync(join(cache, 'manifest.json'), 'utf8')) as { version: number; folders?: unknown };
    for (const [index, folder] of keptFolders(cache)) renameSync(join(cache, folder), join(cache, index));
    writeFileSync(join(cache, 'manifest.json'), JSON.stringify({ ...manifest, version: 3, folders: undefined }));
    const second = site(SITE, SPLIT, cache);
    expect(await searchStep(second.dir, second.options)).toMatchObject({ written: 4 });
    expect(readdirSync(cache).filter((name) => !name.includes('~')).sort()).toEqual(['manifest.json']);
    expect(indexFiles(second.dir, SPLIT)).toEqual(indexFiles(first.dir, SPLIT));
  });

  it('does not follow a manifest naming folders outside the cache', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(SITE, SPLIT, cache);
    await searchStep(first.dir, first.options);
    const manifest = JSON.parse(readFileSync(join(cache, 'manifest.json'), 'utf8')) as { folders: Record<string, string> };
    const outside = join(cache, '..', 'elsewhere');
    renameSync(join(cache, manifest.folders['pagefind-1']!), outside);
    writeFileSync(join(cache, 'manifest.json'), JSON.stringify({ ...manifest, folders: { ...manifest.folders, 'pagefind-1': '../elsewhere' } }));
    const second = site(SITE, SPLIT, cache);
    expect(await searchStep(second.dir, second.options)).toMatchObject({ written: 1 });
    expect(readdirSync(outside).length).toBeGreaterThan(0);
    expect(indexFiles(second.dir, SPLIT)).toEqual(indexFiles(first.dir, SPLIT));
  });

  it('writes again the index of a page whose heading changed level, its text the same', async () => {
    const before = { ...SITE, 'services/service-1/index.html': page('Service 1', '</p><h2 id="steps">Steps</h2><p>Rotate it.') };
    const after = { ...SITE, 'services/service-1/index.html': page('Service 1', '</p><h3 id="steps">Steps</h3><p>Rotate it.') };
    expect(await incrementalAgainstClean(before, after, SPLIT)).toMatchObject({ written: 1 });
  });

  it('writes again the index of a page whose heading without an ID changed level', async () => {
    const before = { ...SITE, 'services/service-1/index.html': page('Service 1', '</p><h2>Steps</h2><p>Rotate it.') };
    const after = { ...SITE, 'services/service-1/index.html': page('Service 1', '</p><h5>Steps</h5><p>Rotate it.') };
    expect(await incrementalAgainstClean(before, after, SPLIT)).toMatchObject({ written: 1 });
  });

  it('writes again the index of a page whose language changed', async () => {
    const changed = { ...SITE, 'services/service-7/index.html': SITE['services/service-7/index.html']!.replace('lang="en"', 'lang="fr"') };
    expect(await incrementalAgainstClean(SITE, changed, SPLIT)).toMatchObject({ written: 1 });
  });

  it('replaces an index folder the site already holds instead of writing into it', async () => {
    const built = site(SITE, SPLIT, join(scratch('mp-search-cache-'), 'search'));
    mkdirSync(join(built.dir, 'pagefind-2', 'fragment'), { recursive: true });
    writeFileSync(join(built.dir, 'pagefind-2', 'fragment', 'en_stale.pf_fragment'), 'stale');
    await searchStep(built.dir, built.options);
    expect(readdirSync(join(built.dir, 'pagefind-2', 'fragment'))).not.toContain('en_stale.pf_fragment');
  });

  it('writes every index again when the layout changes, and links none ahead', async () => {
    const cache = join(scratch('mp-search-cache-'), 'search');
    const first = site(SITE, SPLIT, cache);
    await searchStep(first.dir, first.options);
    const wider = searchLayout(10, 5);
    const second = site(SITE, wider, cache);
    const ahead = restoreAhead(cache, wider.indexes, join(second.options.workDir, 'kept'));
    expect(ahead.kept).toBeUndefined();
    expect((await ahead.linked).size).toBe(0);
    expect(await searchStep(second.dir, { ...second.options, ahead })).toEqual({ pages: 12, indexes: 3, written: 3 });
  });

  it('pairs pages with what Pagefind took from them whatever their paths hold', async () => {
    const odd = ['東京 failover', 'p%20q', 'h#1', 'q?x', 'plus+amp&', "quo'te", 'ÄÖ'];
    const pages = Object.fromEntries(odd.map((id, i) => [`runbooks/${id}/index.html`, page(`Runbook ${i}`, `Step ${words[i]}.`)]));
    const layout = searchLayout(odd.length, 3);
    const before = { ...pages, 'model/index.html': SITE['model/index.html']! };
    const built = site(before, layout, join(scratch('mp-search-cache-'), 'search'));
    expect(await searchStep(built.dir, built.options)).toMatchObject({ pages: odd.length + 1, written: layout.indexes.length });
    expect(await incrementalAgainstClean(before, before, layout)).toMatchObject({ written: 0 });
    const after = { ...before, 'runbooks/東京 failover/index.html': page('Runbook 0', 'Step drain.') };
    expect(await incrementalAgainstClean(before, after, layout)).toMatchObject({ written: 1 });
  });

  it('stops with a clear error when there are too few pages for the indexes', async () => {
    const few = site({ 'services/a/index.html': page('A', 'Alpha.') }, searchLayout(10, 1), join(scratch('mp-search-cache-'), 'search'));
    await expect(searchStep(few.dir, few.options)).rejects.toThrow(/too few for 11 search indexes.*--search-index-entries/s);
  });
});
