import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reusedPagesIn } from '../../src/build/astro-log.ts';
import { ENTRY_COLLECTION_FOLDERS } from '../../src/build/search-shards.ts';

const REPO = join(import.meta.dirname, '..', '..');
// A scratch project (its own src/, so a template can change) inside the repository, so that its
// packages resolve from the repository's node_modules as in a real checkout.
const PROJECT = join(REPO, 'tmp', `incremental-${process.pid}`);
// Its copy for the clean builds: the same files, never a cache.
const CLEAN = join(REPO, 'tmp', `incremental-${process.pid}-clean`);
const PROJECT_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts', 'content'];
// Builds of a small fixture take 5 to 10 s here; sized for a machine twice as slow and busy.
const BUILD_TIMEOUT = 240_000;
const NOW = Date.UTC(2026, 10, 26);
// The fixture's 14 entries in four search indexes and the site pages' one, as a platform of
// thousands of entries is split (src/build/search-shards.ts).
const SEARCH_SPLIT = ['--search-index-entries', '4'];
// Where a build leaves the output it replaced for the next build (src/build/site-step.ts).
const SPARE = join(PROJECT, '.cache', 'multiplane', 'site', 'content-internal.spare');

/** Builds a scratch project into `out` with `npm run build`'s own command; resolves with its output. */
function build(project: string, out: string, epoch = NOW, shell: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', join(project, 'scripts', 'build.ts'), '--no-pdf', ...SEARCH_SPLIT, '--out', out], {
      cwd: project,
      // Node's compiled code of the modules is the repository's (src/cli/compile-cache.ts): it
      // changes no output, and a copy of the project without it would compile and write it all again.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NO_COLOR: '1',
        SOURCE_DATE_EPOCH: String(epoch / 1000),
        CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '',
        NODE_COMPILE_CACHE: join(REPO, '.cache', 'multiplane', 'node-compile'),
        ...shell,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(output) : reject(new Error(`The build of ${project} failed (status ${status}):\n${output.slice(-4000)}`))));
  });
}

/** Files of a folder, by path, except the build's own marker (it records the build time). */
function files(folder: string): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const dirent of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!dirent.isFile() || dirent.name === '.multiplane-build.json') continue;
    const path = join(dirent.parentPath, dirent.name);
    found.set(relative(folder, path), readFileSync(path));
  }
  return found;
}

/** Where the files of two folders differ. */
function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) || !b.has(path)).sort();
}

/**
 * Where two versions of a file first differ, with some text of each around it, so that a failure
 * says what differed (a difference that shows up only on a busy machine cannot be looked at later).
 */
function whereTheyDiffer(built: Buffer | undefined, clean: Buffer | undefined): string {
  if (built === undefined || clean === undefined) return built === undefined ? ' (only in the clean build)' : ' (only in the incremental build)';
  let at = 0;
  while (at < built.length && at < clean.length && built[at] === clean[at]) at++;
  const around = (file: Buffer) => JSON.stringify(file.subarray(Math.max(0, at - 80), at + 160).toString('utf8'));
  return ` (from byte ${at}: incremental ${around(built)}, clean ${around(clean)})`;
}

// The incremental build before the next one: its pages share their files with the kept copies.
let previous = join(PROJECT, 'out', 'first');
// The one before it, which the next build replaces (see `incrementalAgainstClean`).
let older: string | undefined;

/** Where each clean build went, by the name of its case, for a later case of the same content. */
const cleanBuilds = new Map<string, string>();

/**
 * Builds incrementally (the project on its previous build's cache) and clean (a copy of the
 * project as it is now, without any cache), both at once, and returns where the two differ, and
 * where the previous incremental build's output changed meanwhile (listed as `previous: <path>`):
 * its unchanged pages are the kept copies the new build links, and must stay as they were.
 * A case whose content and build time are those of an earlier case (`sameAs`) is compared with
 * that case's clean build instead of building the same site clean again.
 */
async function incrementalAgainstClean(
  name: string,
  { epoch = NOW, sameAs, shell }: { epoch?: number; sameAs?: string; shell?: Record<string, string> } = {},
): Promise<{ differences: string[]; reused: number; rendered: string[]; linked: number; output: string; recycled: boolean; cleanOutput?: string }> {
  const incremental = join(PROJECT, 'out', `${name}-incremental`);
  // Built over the output two builds back, as a site is built over its last output: the build
  // moves the output it replaces beside its work folders, and the next build makes its folder of
  // that tree (src/build/site-step.ts). From the third case on, each builds on such a tree.
  if (older !== undefined) renameSync(older, incremental);
  const spareFolder = (path: string) => (existsSync(join(SPARE, path)) ? statSync(join(SPARE, path)).ino : undefined);
  const spare = { services: spareFolder('services'), runbooks: spareFolder('runbooks') };
  const before = files(previous);
  let clean = sameAs === undefined ? undefined : cleanBuilds.get(sameAs);
  let output: string;
  let cleanOutput: string | undefined;
  if (sameAs !== undefined) {
    expect(clean, `the clean build of "${sameAs}"`).toBeDefined();
    output = await build(PROJECT, incremental, epoch, shell);
  } else {
    clean = join(PROJECT, 'out', `${name}-clean`);
    rmSync(CLEAN, { recursive: true, force: true });
    for (const folder of PROJECT_FILES) cpSync(join(PROJECT, folder), join(CLEAN, folder), { recursive: true });
    [output, cleanOutput] = await Promise.all([build(PROJECT, incremental, epoch, shell), build(CLEAN, clean, epoch, shell)]);
    cleanBuilds.set(name, clean);
  }
  // Astro lists each page it wrote, `├─ /services/api/index.html (+12ms)`, then how many it reused
  // (src/build/astro-log.ts), `└─ 12 pages reused from the last build`.
  const reused = reusedPagesIn(output);
  const rendered = [...output.matchAll(/├─ (\S+) \(\+/g)].map((match) => match[1]!);
  const [built, cleanFiles] = [files(incremental), files(clean!)];
  const differences = [
    ...differing(built, cleanFiles).map((path) => `${path}${whereTheyDiffer(built.get(path), cleanFiles.get(path))}`),
    ...differing(before, files(previous)).map((path) => `previous: ${path}`),
  ];
  older = previous;
  previous = incremental;
  // Whether the build's folders are those of the spare it found (the very folders, not new ones).
  const recycled = spare.services !== undefined && statSync(join(incremental, 'services')).ino === spare.services && statSync(join(incremental, 'runbooks')).ino === spare.runbooks;
  return { differences, reused, rendered, linked: linkedPages(incremental), output, recycled, ...(cleanOutput === undefined ? {} : { cleanOutput }) };
}

/** Pages of a built site in the entry collections' folders whose path there (`api/index.html`, `page/2/index.html`) matches. */
function collectionPages(folder: string, within: RegExp): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((path) => {
    const [collection, ...rest] = path.split(sep);
    return ENTRY_COLLECTION_FOLDERS.has(collection!) && within.test(rest.join('/'));
  });
}

/** The authoring guide's page of each collection (`/authoring/services/index.html`): they show code, not content. */
function authoringPages(folder: string): string[] {
  return readdirSync(join(folder, 'authoring'), { withFileTypes: true })
    .filter((item) => item.isDirectory() && item.name !== 'policy-checks')
    .map((item) => `/authoring/${item.name}/index.html`);
}

/** The page of each plane (`/planes/identity/index.html`), keyed on what it shows (src/site/page-keys.ts). */
function planePages(folder: string): string[] {
  return readdirSync(join(folder, 'planes')).map((plane) => `/planes/${plane}/index.html`);
}

/** How many pages of a built site are one file with another (a kept copy): hard links. */
function linkedPages(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((dirent) => dirent.isFile() && dirent.name.endsWith('.html') && statSync(join(dirent.parentPath, dirent.name)).nlink > 1).length;
}

const content = (path: string) => join(PROJECT, 'content', path);
const edit = (path: string, change: (text: string) => string) => writeFileSync(content(path), change(readFileSync(content(path), 'utf8')));
/** The content's governance.yaml before its case changed it (undefined: there was none). */
let governanceBefore: string | undefined;

describe('an incremental build equals a clean build', () => {
  beforeAll(async () => {
    mkdirSync(PROJECT, { recursive: true });
    for (const name of PROJECT_FILES.filter((name) => name !== 'content')) cpSync(join(REPO, name), join(PROJECT, name), { recursive: true });
    cpSync(join(REPO, 'tests', 'fixtures', 'valid', 'content'), join(PROJECT, 'content'), { recursive: true });
    await build(PROJECT, join(PROJECT, 'out', 'first'));
  }, BUILD_TIMEOUT);

  afterAll(() => {
    rmSync(PROJECT, { recursive: true, force: true });
    rmSync(CLEAN, { recursive: true, force: true });
  });

  it('reuses every entry and collection index page of a build with nothing changed, later the same day', { timeout: BUILD_TIMEOUT }, async () => {
    // Later in the day: pages that show the date (delivery metrics, review due dates) must not
    // key on the instant of the build, or every build would render them all again. And from
    // another shell: bash sets `_` to the command it runs, and `N=2 npm run build` sets `N`; no
    // such variable may reach the bundled code Astro keys each route on (src/build/astro-environment.ts).
    const { differences, reused, rendered, output, cleanOutput } = await incrementalAgainstClean('unchanged', { epoch: NOW + 5 * 3_600_000 + 7_000, shell: { _: '/usr/bin/time', N: '2' } });
    expect(differences).toEqual([]);
    // The clean build, with no page to reuse, wrote entry indexes as soon as their pages were
    // whole (src/build/early-search.ts): those too equal the incremental build's, file for file.
    expect(cleanOutput).toMatch(/Search index: \d+ pages in 5 indexes, all written, [1-5] of them as soon as their pages were whole/);
    // The same pages: the search indexes are the last build's, and equal the clean build's (above).
    expect(output).toMatch(/Search index: \d+ pages in 5 indexes, all kept from the last build/);
    const entryPages = /^\/(owners|policies|runbooks|services|deployments|incidents|case-studies|articles|whitepaper)\/(?!page\/)[^/]+\/index\.html$/;
    expect(rendered.filter((path) => entryPages.test(path))).toEqual([]);
    // Every page with a cache key, the entries', the collection indexes', the planes' and the
    // authoring guide's pages of each collection (code only), was copied.
    const site = join(PROJECT, 'out', 'unchanged-incremental');
    const keyed = collectionPages(site, /(?:^|\/)index\.html$/);
    const authoring = authoringPages(site);
    const planes = planePages(site);
    expect(authoring.length).toBeGreaterThan(9);
    expect(planes).toHaveLength(7);
    expect(reused).toBe(keyed.length + authoring.length + planes.length);
    expect(rendered.filter((path) => authoring.includes(path) || planes.includes(path))).toEqual([]);
  });

  it('after an edit', { timeout: BUILD_TIMEOUT }, async () => {
    edit('services/db.md', (text) => text.replace(/^title: .*$/m, 'title: Primary database'));
    const { differences, reused, linked, output } = await incrementalAgainstClean('edit');
    expect(differences).toEqual([]);
    expect(output).toMatch(/Search index: \d+ pages in 5 indexes, (\d+ written, \d+ kept from the last build|all written)/);
    expect(reused).toBeGreaterThan(0);
    // The kept pages were linked into the build before Astro generated pages, and Astro found
    // them there instead of restoring each one itself (src/build/prelinked-pages.ts).
    expect(output).toMatch(/└─ \d+ pages reused from the last build\n/);
    expect(output).not.toMatch(/restored from Astro's cache/);
    // The reused pages are links to Astro's kept copies, not copies of them (but for the pages
    // whose PDF link the build then writes, which are replaced); and the policy pass made the kept
    // copy of the page rendered afresh a link to it.
    const site = join(PROJECT, 'out', 'edit-incremental');
    // Every page but those Astro rendered (it lists them) was reused.
    // Astro writes four pages at a time, and a page's line may run into the next: `├─ /404.html17:57:56   ├─ …`.
    const renderedPages = new Set([...output.matchAll(/├─ (\/\S*?\.html)/g)].map((match) => match[1]!));
    const reusedPages = [...files(site).keys()].map((path) => `/${path}`).filter((path) => path.endsWith('.html') && !renderedPages.has(path));
    expect(reusedPages).toHaveLength(reused);
    const linkingPdf = (path: string) => path === '/index.html' || path.startsWith('/whitepaper/');
    expect(reusedPages.filter((path) => !linkingPdf(path) && statSync(join(site, path)).nlink < 2)).toEqual([]);
    expect(statSync(join(site, 'services', 'db', 'index.html')).nlink).toBeGreaterThan(1);
    expect(linked).toBeGreaterThan(reusedPages.filter((path) => !linkingPdf(path)).length);
  });

  it('after the published site was edited in place, through a page that is a kept copy', { timeout: BUILD_TIMEOUT }, async () => {
    // A deploy script that writes into the published pages writes into the kept copies they link.
    const page = readdirSync(previous, { recursive: true, withFileTypes: true }).find((dirent) => dirent.name === 'index.html' && statSync(join(dirent.parentPath, dirent.name)).nlink > 1);
    expect(page).toBeDefined();
    const path = relative(previous, join(page!.parentPath, page!.name));
    appendFileSync(join(previous, path), '<script>injected()</script>');
    // The content is as it was for the edit above: the site must equal that clean build.
    const { differences } = await incrementalAgainstClean('edited-output', { sameAs: 'edit' });
    expect(differences).toEqual([]);
    expect(readFileSync(join(previous, path), 'utf8')).not.toContain('injected()');
  });

  it('after an edit of an entry\'s text, writing only its own search index', { timeout: BUILD_TIMEOUT }, async () => {
    edit('services/api.md', (text) => `${text.trimEnd()}\n\nRequests are retried twice before the gateway gives up.\n`);
    const { differences, output } = await incrementalAgainstClean('body');
    expect(differences).toEqual([]);
    expect(output).toMatch(/Search index: \d+ pages in 5 indexes, 1 written, 4 kept from the last build/);
  });

  it('after an added entry', { timeout: BUILD_TIMEOUT }, async () => {
    writeFileSync(content('services/cache.md'), '---\ntitle: Cache\nowner: platform-team\ntier: 3\nlifecycle: experimental\ndependsOn: [db]\n---\n\nKeeps hot reads close.\n');
    const { differences, recycled } = await incrementalAgainstClean('added');
    expect(differences).toEqual([]);
    // Built in the folders of an output two builds old, with pages since rendered again.
    expect(recycled).toBe(true);
  });

  it('after a deleted entry', { timeout: BUILD_TIMEOUT }, async () => {
    rmSync(content('services/cache.md'));
    // The content is as it was before the entry was added: the site must equal that clean build.
    const { differences } = await incrementalAgainstClean('deleted', { sameAs: 'body' });
    expect(differences).toEqual([]);
    expect(existsSync(join(PROJECT, 'out', 'deleted-incremental', 'services', 'cache'))).toBe(false);
  });

  it('after added entries that split the search into one more index', { timeout: BUILD_TIMEOUT }, async () => {
    for (const name of ['queue', 'mailer', 'scheduler']) {
      writeFileSync(content(`services/${name}.md`), `---\ntitle: ${name[0]!.toUpperCase()}${name.slice(1)}\nowner: platform-team\ntier: 3\nlifecycle: experimental\n---\n\nRuns the ${name}.\n`);
    }
    const { differences, output } = await incrementalAgainstClean('resplit');
    expect(differences).toEqual([]);
    expect(output).toMatch(/Search index: \d+ pages in 6 indexes, all written/);
    for (const name of ['queue', 'mailer', 'scheduler']) rmSync(content(`services/${name}.md`));
  });

  it('after a changed relation', { timeout: BUILD_TIMEOUT }, async () => {
    edit('runbooks/api-runbook.md', (text) => text.replace(/services: \[api, db\]/, 'services: [api]'));
    expect((await incrementalAgainstClean('relation')).differences).toEqual([]);
  });

  it('after a changed governance.yaml', { timeout: BUILD_TIMEOUT }, async () => {
    const file = content('governance.yaml');
    governanceBefore = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    writeFileSync(file, `${governanceBefore ?? ''}\nrunbookRequiredTiers: [1]\n`);
    expect((await incrementalAgainstClean('governance')).differences).toEqual([]);
  });

  it('when two builds of the same content run at once: one waits for the other, and both equal a clean build', { timeout: 2 * BUILD_TIMEOUT }, async () => {
    // The lock is taken before the check, and the waiting build links the kept pages into the work
    // folder only once the other is done with it (src/cli/build.ts, src/build/site-step.ts).
    // The change: governance.yaml back as it was before the case above, so that the site is the
    // one the changed relation's case built clean.
    if (governanceBefore === undefined) rmSync(content('governance.yaml'));
    else writeFileSync(content('governance.yaml'), governanceBefore);
    const outputs = await Promise.all(['together-1', 'together-2'].map((name) => build(PROJECT, join(PROJECT, 'out', name))));
    expect(outputs.filter((output) => /Waiting for another build of this content and edition \(process \d+\) to finish/.test(output))).toHaveLength(1);
    // The one that waited says for how long, apart from its own time, which starts once it holds the lock.
    const waited = outputs.filter((output) => /Built in [\d.]+ s \([^)]*\), after [\d.]+ s waiting for another build: \d+ files/.test(output));
    expect(waited).toHaveLength(1);
    expect(waited[0]).toMatch(/Waiting for another build/);
    const clean = cleanBuilds.get('relation');
    expect(clean, 'the clean build of "relation"').toBeDefined();
    for (const name of ['together-1', 'together-2']) expect(differing(files(join(PROJECT, 'out', name)), files(clean!)), name).toEqual([]);
  });

  it('after a changed template', { timeout: BUILD_TIMEOUT }, async () => {
    const template = join(PROJECT, 'src', 'components', 'MetaCard.astro');
    const before = readFileSync(template, 'utf8');
    const after = before.replace('<dl class="mp-meta', '<dl data-template="changed" class="mp-meta');
    expect(after).not.toBe(before);
    writeFileSync(template, after);
    const { differences, reused } = await incrementalAgainstClean('template');
    expect(differences).toEqual([]);
    expect(readFileSync(join(PROJECT, 'out', 'template-incremental', 'services', 'api', 'index.html'), 'utf8')).toContain('data-template="changed"');
    // Astro hashes each route's code: every entry page, which shows the card, is rendered again;
    // the collection indexes, the planes' and the authoring guide's pages, whose code does not
    // include it, are the only pages copied.
    const site = join(PROJECT, 'out', 'template-incremental');
    const indexPages = collectionPages(site, /^(?:page\/\d+\/)?index\.html$/);
    expect(indexPages.length).toBeGreaterThanOrEqual(ENTRY_COLLECTION_FOLDERS.size);
    expect(reused).toBe(indexPages.length + authoringPages(site).length + planePages(site).length);
  });

  it('keeps its work out of node_modules, in .cache/multiplane/', () => {
    expect(statSync(join(PROJECT, '.cache', 'multiplane', 'astro')).isDirectory()).toBe(true);
  });
});
