import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeBody } from '../../../src/core/markdown/analyze-body.ts';
import { factsKey, factsVersion, openFactsCache } from '../../../src/core/markdown/facts-cache.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'multiplane-facts-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, 'body-facts.json');
const keysOnDisk = () => Object.keys((JSON.parse(readFileSync(file(), 'utf8')) as { entries: object }).entries).sort();

describe('openFactsCache', () => {
  it('gives back in a later run what an earlier one set', () => {
    const facts = analyzeBody('# Title\n\nText.', 1);
    const first = openFactsCache(dir);
    expect(first.get(factsKey('# Title\n\nText.', false))).toBeUndefined();
    first.set(factsKey('# Title\n\nText.', false), facts);
    first.save();
    const second = openFactsCache(dir);
    expect(second.loaded).toBe(1);
    expect(second.get(factsKey('# Title\n\nText.', false))).toEqual(facts);
    // The same text read as MDX is another entry.
    expect(second.get(factsKey('# Title\n\nText.', true))).toBeUndefined();
  });

  it('drops the entries a run did not use, and leaves no temporary file', () => {
    const first = openFactsCache(dir);
    for (const body of ['a', 'b', 'c']) first.set(factsKey(body, false), analyzeBody(body, 1));
    first.save();
    const second = openFactsCache(dir);
    second.get(factsKey('a', false));
    second.set(factsKey('d', false), analyzeBody('d', 1));
    second.save();
    expect(keysOnDisk()).toEqual([factsKey('a', false), factsKey('d', false)].sort());
    expect(readdirSync(dir)).toEqual(['body-facts.json']);
  });

  it('keeps the entries a run did not use when told to', () => {
    const first = openFactsCache(dir);
    first.set('a', analyzeBody('a', 1));
    first.set('b', analyzeBody('b', 1));
    first.save();
    const second = openFactsCache(dir);
    second.set('c', analyzeBody('c', 1));
    second.save({ keepUnused: true });
    expect(keysOnDisk()).toEqual(['a', 'b', 'c']);
    // Nothing new and nothing asked for: nothing to write.
    const before = readFileSync(file(), 'utf8');
    openFactsCache(dir).save({ keepUnused: true });
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('does not write when every entry was used and none was added', () => {
    const first = openFactsCache(dir);
    first.set(factsKey('a', false), analyzeBody('a', 1));
    first.save();
    writeFileSync(file(), readFileSync(file(), 'utf8').replace('{"version"', '{ "version"'));
    const second = openFactsCache(dir);
    second.get(factsKey('a', false));
    second.save();
    expect(readFileSync(file(), 'utf8').startsWith('{ "version"')).toBe(true);
  });

  it('starts empty from a damaged file or one written by another parser version', () => {
    writeFileSync(file(), '{"version": "1;micromark@0.0.1", "entries": {"x": {}}}');
    expect(openFactsCache(dir).loaded).toBe(0);
    writeFileSync(file(), '{"version": ');
    expect(openFactsCache(dir).loaded).toBe(0);
    // Valid JSON that is not a cache at all.
    for (const text of ['null', '42', '"text"', '[]']) {
      writeFileSync(file(), text);
      expect(openFactsCache(dir).loaded).toBe(0);
    }
  });

  it('is versioned by the parsers a body goes through, so an upgrade of either parses every body again', () => {
    const versionOf = (name: string) => (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    // Sätteri parses Markdown bodies (site-markdown.ts), micromark MDX ones (parse-markdown.ts).
    expect(factsVersion()).toContain(`satteri@${versionOf('satteri')}`);
    expect(factsVersion()).toContain(`micromark@${versionOf('micromark')}`);
  });

  it('keeps nothing on disk without a folder', () => {
    const cache = openFactsCache(undefined);
    cache.set('k', analyzeBody('a', 1));
    cache.save();
    expect(cache.get('k')).toBeDefined();
  });

  it('says which file it could not write and what to do', () => {
    writeFileSync(join(dir, 'blocker'), '');
    const cache = openFactsCache(join(dir, 'blocker'));
    cache.set('k', analyzeBody('a', 1));
    expect(() => cache.save()).toThrow(/^Could not write the cache file .*blocker\/body-facts\.json: .*Make its folder writable, or delete the folder; checks work without it, only slower\.$/);
  });
});
