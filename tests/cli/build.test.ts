import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBuildMarker } from '../../src/build/output-marker.ts';
import { siteWorkFolders } from '../../src/build/astro-process-start.ts';
import { buildCommand, describeSearchIndex } from '../../src/cli/build.ts';
import { fixtureRoot, freshFixtureRoot } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';
import { descendantsOf } from '../build/process-tree.ts';

describe('npm run build', () => {
  it('stops before building when the content has errors, and leaves dist/ as it was', async () => {
    const root = freshFixtureRoot('dangling-owner');
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'dist', 'index.html'), 'previous build');
    writeBuildMarker(join(root, 'dist'), 'internal');
    const io = memoryIo(root);
    expect(await buildCommand([], io)).toBe(1);
    expect(io.out()).toContain('content/policies/change-policy.md:3  error  owner-exists');
    expect(io.err()).toContain('Build stopped: the content has 1 error (listed above).');
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('previous build');
    expect(existsSync(join(root, '.dist.staging-' + process.pid))).toBe(false);
  });

  it('stops on a Mermaid diagram that does not parse, naming its file and line, and ends the site build it began meanwhile', { timeout: 60_000 }, async () => {
    const root = freshFixtureRoot('broken-mermaid');
    mkdirSync(join(root, 'dist'), { recursive: true });
    writeFileSync(join(root, 'dist', 'index.html'), 'previous build');
    writeBuildMarker(join(root, 'dist'), 'internal');
    const io = memoryIo(root);
    expect(await buildCommand([], io)).toBe(1);
    // The check runs Mermaid's parser, so the diagram's own line is named: the fence is on 16.
    expect(io.out()).toMatch(/content\/runbooks\/api-runbook\.md:18 {2}error {2}mermaid-diagram\n {2}The Mermaid diagram does not parse: Parse error/);
    expect(io.err()).toContain('Build stopped: the content has 1 error (listed above).');
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('previous build');
    // Astro's process, given the model while Mermaid's parser read the diagrams, is ended, and
    // nothing of its build is left beside dist/.
    expect(descendantsOf(process.pid).filter((child) => /astro-process-main|chrom/.test(child.command))).toEqual([]);
    expect(readdirSync(root).filter((name) => name.startsWith('.dist'))).toEqual([]);
  });

  it('stops with one clear message when diagrams need a browser and there is none', async () => {
    // A valid diagram that no cache holds yet.
    const root = freshFixtureRoot('uncached-diagram');
    const io = memoryIo(root, { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(await buildCommand(['--out', 'dist-no-browser'], io)).toBe(1);
    expect(io.err()).toMatch(/Build stopped: .*CHROMIUM_PATH/s);
    expect(io.err()).toContain('apt-get install chromium');
    expect(io.err()).not.toMatch(/\n\s+at /);
  });

  it('ends the site build begun beside the diagrams when they cannot be drawn, and leaves nothing behind', { timeout: 180_000 }, async () => {
    // In the project, where Astro's process can build: its content loaders wait for the diagram,
    // and would wait on unless the build ended the process. The diagram is new to every run.
    const root = join(import.meta.dirname, '..', '..');
    const content = join('tmp', `no-browser-${process.pid}`, 'content');
    cpSync(join(fixtureRoot('valid'), 'content'), join(root, content), { recursive: true });
    const runbook = readFileSync(join(fixtureRoot('uncached-diagram'), 'content', 'runbooks', 'request-flow.md'), 'utf8');
    writeFileSync(join(root, content, 'runbooks', 'request-flow.md'), runbook.replace('api --> db', `api --> db${Date.now()}`));
    const out = mkdtempSync(join(tmpdir(), 'mp-no-browser-'));
    try {
      const io = memoryIo(root, { CHROMIUM_PATH: '/nonexistent/chromium' });
      expect(await buildCommand(['--content', content, '--out', join(out, 'dist')], io)).toBe(1);
      expect(io.err()).toMatch(/Build stopped: Mermaid diagrams need Chromium, .*CHROMIUM_PATH/s);
      expect(descendantsOf(process.pid).filter((child) => child.command.includes('astro-process-main'))).toEqual([]);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(join(root, 'tmp', `no-browser-${process.pid}`), { recursive: true, force: true });
      const folders = siteWorkFolders(root, content, 'internal');
      for (const path of [folders.cache, folders.work, folders.search, folders.lock, folders.spare]) rmSync(path, { recursive: true, force: true });
    }
  });

  it.each(['0', '-3', '2.5', 'many'])('exits 2, before building, on --search-index-entries %s', async (value) => {
    const io = memoryIo(fixtureRoot('valid'));
    expect(await buildCommand([`--search-index-entries=${value}`, '--out', 'dist-never'], io)).toBe(2);
    expect(io.err()).toContain(`--search-index-entries must be a whole number of entries, 1 or more; got "${value}".`);
    expect(io.out()).toBe('');
  });

  it('describes the search indexes it wrote and kept', () => {
    expect(describeSearchIndex({ pages: 104, indexes: 1, written: 1 })).toBe('104 pages, built');
    expect(describeSearchIndex({ pages: 104, indexes: 1, written: 0 })).toBe('104 pages, kept from the last build of the same pages');
    expect(describeSearchIndex({ pages: 3015, indexes: 4, written: 4 })).toBe('3,015 pages in 4 indexes, all written');
    expect(describeSearchIndex({ pages: 3015, indexes: 4, written: 1 })).toBe('3,015 pages in 4 indexes, 1 written, 3 kept from the last build');
    expect(describeSearchIndex({ pages: 3015, indexes: 4, written: 0 })).toBe('3,015 pages in 4 indexes, all kept from the last build');
    expect(describeSearchIndex({ pages: 3015, indexes: 6, written: 6, early: 5 })).toBe('3,015 pages in 6 indexes, all written, 5 of them as soon as their pages were whole');
  });

  it('exits 2 on an unknown option', async () => {
    const io = memoryIo(fixtureRoot('valid'));
    expect(await buildCommand(['--frobnicate'], io)).toBe(2);
    expect(io.err()).toContain('Usage: npm run build');
  });
});
