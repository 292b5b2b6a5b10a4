import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentStore, type LoadedContent } from '../../../src/core/content/content-store.ts';
import { frontmatterVersion, openFrontmatterCache } from '../../../src/core/content/frontmatter-cache.ts';
import { openFactsCache } from '../../../src/core/markdown/facts-cache.ts';
import { openKeyedCache } from '../../../src/core/markdown/keyed-cache.ts';
import { splitFrontmatter } from '../../../src/core/content/frontmatter.ts';
import { type FactsOf, parseMarkdownEntry } from '../../../src/core/content/parse-entry.ts';
import { analyzeBody } from '../../../src/core/markdown/analyze-body.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

let root: string;
let cacheDir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'multiplane-frontmatter-cache-'));
  cacheDir = join(root, '.cache');
  cpSync(join(FIXTURES, 'example', 'content'), join(root, 'content'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A load as the check does it: a new store each time, as a new process would have. */
const load = (withCache = true) => new ContentStore({ root }).loadAsync(withCache ? { cacheDir } : {});
/** What a load gave, without what differs between two loads of the same files (the lazy locators). */
const loaded = (content: LoadedContent) => ({
  entries: content.entries.map(({ locator: _locator, ...entry }) => entry),
  findings: content.findings,
  governance: content.governance,
});

describe('the validated-frontmatter cache', () => {
  it('gives every entry a later check loads from it what a load without it gives, dates included', async () => {
    const fresh = loaded(await load(false));
    expect(loaded(await load())).toStrictEqual(fresh);
    const second = loaded(await load());
    // Strictly: no field the schemas left out appears as `undefined`, and no object changes kind.
    expect(second).toStrictEqual(fresh);
    // The dates are dates, as the schemas made them, not text a JSON file would have left.
    const deployment = second.entries.find((entry) => entry.collection === 'deployments')!;
    expect((deployment.data as { date: unknown }).date).toBeInstanceOf(Date);
  });

  it('is used: an entry takes the data the cache holds for its frontmatter', () => {
    const text = '---\ntitle: Api\nowner: platform-team\ntier: 2\nlifecycle: production\n---\n\nServes requests.\n';
    const frontmatter = splitFrontmatter(text).frontmatter!;
    const known = openFrontmatterCache(undefined);
    const factsOf: FactsOf = (body, line, mdx) => analyzeBody(body, line, { mdx });
    const first = parseMarkdownEntry('services', 'api', 'content/services/api.md', text, factsOf, known);
    expect(first.entry?.title).toBe('Api');
    // What the cache holds now stands for the frontmatter: it is neither parsed nor validated again.
    known.set('services', frontmatter, { raw: { title: 'Kept' }, data: { title: 'Kept' } });
    const second = parseMarkdownEntry('services', 'api', 'content/services/api.md', text, factsOf, known);
    expect(second.entry?.title).toBe('Kept');
    // Another collection's schema is another entry of the cache.
    expect(known.get('runbooks', frontmatter)).toBeUndefined();
  });

  it('keeps no frontmatter that failed, so each check reports its error again', async () => {
    const file = join(root, 'content', 'services', 'carrier-connector.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^tier: .*$/m, 'tier: nine'));
    const errors = (content: LoadedContent) => content.findings.filter((finding) => finding.file === 'content/services/carrier-connector.md' && finding.severity === 'error');
    const first = errors(await load());
    expect(first.length).toBeGreaterThan(0);
    expect(errors(await load())).toEqual(first);
  });

  it('gives two files with the same frontmatter data of their own', async () => {
    const text = '---\ntitle: Twin\nowner: platform-team\ntier: 3\nlifecycle: experimental\n---\n\nOne of two.\n';
    writeFileSync(join(root, 'content', 'services', 'twin-a.md'), text);
    writeFileSync(join(root, 'content', 'services', 'twin-b.md'), text);
    for (let run = 0; run < 2; run++) {
      const entries = (await load()).entries;
      const [a, b] = ['services/twin-a', 'services/twin-b'].map((key) => entries.find((entry) => entry.key === key)!);
      expect(a!.data).toEqual(b!.data);
      expect(a!.data).not.toBe(b!.data);
      expect(a!.raw).not.toBe(b!.raw);
    }
  });

  it('follows an edit of a file', async () => {
    await load();
    const file = join(root, 'content', 'services', 'carrier-connector.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Renamed gateway'));
    expect((await load()).entries.find((entry) => entry.key === 'services/carrier-connector')?.title).toBe('Renamed gateway');
  });

  it('keeps on disk what the unchanged files gave when a store loads again, as a watcher does', async () => {
    const kept = () => ({
      frontmatter: openKeyedCache(join(cacheDir, 'frontmatter.v8'), frontmatterVersion(), 'v8').loaded,
      facts: openFactsCache(cacheDir).loaded,
    });
    const store = new ContentStore({ root });
    const entries = (await store.loadAsync({ cacheDir })).entries.filter((entry) => entry.collection !== 'platform').length;
    const first = kept();
    expect(first.frontmatter).toBe(entries);
    const file = join(root, 'content', 'services', 'carrier-connector.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Renamed gateway'));
    // The store reads only the changed file again; the caches still hold every other file's.
    expect((await store.loadAsync({ cacheDir })).parsed).toBe(1);
    expect(kept()).toEqual({ frontmatter: entries + 1, facts: first.facts });
    // A new process then takes the edited file's new frontmatter and drops the old one.
    await load();
    expect(kept()).toEqual(first);
  });

  it('starts empty from a damaged file, and is versioned by the YAML parser, zod and the core code', async () => {
    await load();
    writeFileSync(join(cacheDir, 'frontmatter.v8'), 'not what V8 wrote');
    expect(loaded(await load())).toEqual(loaded(await load(false)));
    const versionOf = (name: string) => (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    expect(frontmatterVersion()).toContain(`js-yaml@${versionOf('js-yaml')}`);
    expect(frontmatterVersion()).toContain(`zod@${versionOf('zod')}`);
  });
});
