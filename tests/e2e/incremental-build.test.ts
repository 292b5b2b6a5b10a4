import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
// A scratch project (its own src/, so a template can change) inside the repository, so that its
// packages resolve from the repository's node_modules as in a real checkout.
const PROJECT = join(REPO, 'tmp', `incremental-${process.pid}`);
// Builds of a small fixture take 5 to 10 s here; sized for a machine twice as slow and busy.
const BUILD_TIMEOUT = 240_000;

/** Builds the scratch project into `out` with `npm run build`'s own command. */
function build(out: string, options: { clean?: boolean } = {}): void {
  if (options.clean) rmSync(join(PROJECT, '.cache'), { recursive: true, force: true });
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', join(PROJECT, 'scripts', 'build.ts'), '--no-pdf', '--out', out], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26) / 1000), CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`The build failed (status ${result.status}):\n${result.stdout.slice(-4000)}\n${result.stderr}`);
  lastOutput = result.stdout;
}
let lastOutput = '';

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

/** Builds incrementally (on the previous build's cache) and clean, and returns where they differ. */
function incrementalAgainstClean(name: string): { differences: string[]; reused: number } {
  const incremental = join(PROJECT, 'out', `${name}-incremental`);
  const clean = join(PROJECT, 'out', `${name}-clean`);
  build(incremental);
  const reused = (lastOutput.match(/\((cached|restored)\)/g) ?? []).length;
  // The clean build must not leave its cache to the next scenario's incremental build, which
  // builds on the incremental chain: keep that chain's cache aside while building clean.
  const cache = join(PROJECT, '.cache');
  const kept = join(PROJECT, '.cache-kept');
  rmSync(kept, { recursive: true, force: true });
  cpSync(cache, kept, { recursive: true });
  build(clean, { clean: true });
  rmSync(cache, { recursive: true, force: true });
  cpSync(kept, cache, { recursive: true });
  const [a, b] = [files(incremental), files(clean)];
  const differences = [...new Set([...a.keys(), ...b.keys()])].filter((path) => !a.get(path)?.equals(b.get(path) ?? Buffer.alloc(0)) || !b.has(path)).sort();
  return { differences, reused };
}

const content = (path: string) => join(PROJECT, 'content', path);
const edit = (path: string, change: (text: string) => string) => writeFileSync(content(path), change(readFileSync(content(path), 'utf8')));

describe('an incremental build equals a clean build', () => {
  beforeAll(() => {
    mkdirSync(PROJECT, { recursive: true });
    for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'scripts']) cpSync(join(REPO, name), join(PROJECT, name), { recursive: true });
    cpSync(join(REPO, 'tests', 'fixtures', 'valid', 'content'), join(PROJECT, 'content'), { recursive: true });
    build(join(PROJECT, 'out', 'first'));
  }, BUILD_TIMEOUT);

  afterAll(() => rmSync(PROJECT, { recursive: true, force: true }));

  it('reuses the unchanged pages of a build with nothing changed', { timeout: BUILD_TIMEOUT }, () => {
    const { differences, reused } = incrementalAgainstClean('unchanged');
    expect(differences).toEqual([]);
    expect(reused).toBeGreaterThan(10);
  });

  it('after an edit', { timeout: BUILD_TIMEOUT }, () => {
    edit('services/db.md', (text) => text.replace(/^title: .*$/m, 'title: Primary database'));
    const { differences, reused } = incrementalAgainstClean('edit');
    expect(differences).toEqual([]);
    expect(reused).toBeGreaterThan(0);
  });

  it('after an added entry', { timeout: BUILD_TIMEOUT }, () => {
    writeFileSync(content('services/cache.md'), '---\ntitle: Cache\nowner: platform-team\ntier: 3\nlifecycle: experimental\ndependsOn: [db]\n---\n\nKeeps hot reads close.\n');
    expect(incrementalAgainstClean('added').differences).toEqual([]);
  });

  it('after a deleted entry', { timeout: BUILD_TIMEOUT }, () => {
    rmSync(content('services/cache.md'));
    const { differences } = incrementalAgainstClean('deleted');
    expect(differences).toEqual([]);
    expect(existsSync(join(PROJECT, 'out', 'deleted-incremental', 'services', 'cache'))).toBe(false);
  });

  it('after a changed relation', { timeout: BUILD_TIMEOUT }, () => {
    edit('runbooks/api-runbook.md', (text) => text.replace(/services: \[api, db\]/, 'services: [api]'));
    expect(incrementalAgainstClean('relation').differences).toEqual([]);
  });

  it('after a changed governance.yaml', { timeout: BUILD_TIMEOUT }, () => {
    const file = content('governance.yaml');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    writeFileSync(file, `${text}\nrunbookRequiredTiers: [1]\n`);
    expect(incrementalAgainstClean('governance').differences).toEqual([]);
  });

  it('after a changed template', { timeout: BUILD_TIMEOUT }, () => {
    const template = join(PROJECT, 'src', 'components', 'MetaCard.astro');
    const before = readFileSync(template, 'utf8');
    const after = before.replace('<dl class="mp-meta', '<dl data-template="changed" class="mp-meta');
    expect(after).not.toBe(before);
    writeFileSync(template, after);
    const { differences, reused } = incrementalAgainstClean('template');
    expect(differences).toEqual([]);
    expect(readFileSync(join(PROJECT, 'out', 'template-incremental', 'services', 'api', 'index.html'), 'utf8')).toContain('data-template="changed"');
    expect(reused).toBe(0);
  });

  it('keeps its work out of node_modules, in .cache/multiplane/', () => {
    expect(statSync(join(PROJECT, '.cache', 'multiplane', 'astro')).isDirectory()).toBe(true);
  });
});
