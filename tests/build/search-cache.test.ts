import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SearchKey } from '../../src/build/search-cache.ts';
import { searchStep } from '../../src/build/search-step.ts';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

/** A small built site: two pages, and the key the build would make of them. */
function site(pages: Record<string, string>): { dir: string; key: string | undefined } {
  const dir = mkdtempSync(join(tmpdir(), 'mp-search-site-'));
  folders.push(dir);
  const key = new SearchKey();
  for (const [path, html] of Object.entries(pages).sort(([a], [b]) => a.localeCompare(b))) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
    key.add(path, html);
  }
  return { dir, key: key.digest() };
}

function indexFiles(dir: string): Map<string, string> {
  const root = join(dir, 'pagefind');
  const files = new Map<string, string>();
  for (const dirent of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (dirent.isFile()) files.set(relative(root, join(dirent.parentPath, dirent.name)), readFileSync(join(dirent.parentPath, dirent.name), 'base64'));
  }
  return files;
}

const PAGES = { 'services/api/index.html': page('API', 'Restore the snapshot first.'), 'index.html': page('Home', 'The platform.') };

describe('the search index kept between builds', () => {
  it('is built once, then taken from the cache for the very same pages, file for file', async () => {
    const cache = join(mkdtempSync(join(tmpdir(), 'mp-search-cache-')), 'search');
    folders.push(join(cache, '..'));
    const first = site(PAGES);
    expect(await searchStep(first.dir, { dir: cache, key: first.key })).toEqual({ pages: 2, reused: false });
    const second = site(PAGES);
    expect(second.key).toBe(first.key);
    expect(await searchStep(second.dir, { dir: cache, key: second.key })).toEqual({ pages: 2, reused: true });
    expect(indexFiles(second.dir)).toEqual(indexFiles(first.dir));
  });

  it('is built again when any page differs, by a byte or by its path', async () => {
    const cache = join(mkdtempSync(join(tmpdir(), 'mp-search-cache-')), 'search');
    folders.push(join(cache, '..'));
    const first = site(PAGES);
    await searchStep(first.dir, { dir: cache, key: first.key });
    const edited = site({ ...PAGES, 'index.html': page('Home', 'The platform!') });
    const moved = site({ 'services/api2/index.html': PAGES['services/api/index.html'], 'index.html': PAGES['index.html'] });
    expect(new Set([first.key, edited.key, moved.key]).size).toBe(3);
    expect(await searchStep(edited.dir, { dir: cache, key: edited.key })).toEqual({ pages: 2, reused: false });
    expect(await searchStep(moved.dir, { dir: cache, key: moved.key })).toEqual({ pages: 2, reused: false });
  });

  it('is built again when the kept index is damaged', async () => {
    const cache = join(mkdtempSync(join(tmpdir(), 'mp-search-cache-')), 'search');
    folders.push(join(cache, '..'));
    const first = site(PAGES);
    await searchStep(first.dir, { dir: cache, key: first.key });
    rmSync(join(cache, 'pagefind', 'pagefind-entry.json'));
    const second = site(PAGES);
    expect(await searchStep(second.dir, { dir: cache, key: second.key })).toEqual({ pages: 2, reused: false });
    expect(statSync(join(cache, 'pagefind', 'pagefind-entry.json')).isFile()).toBe(true);
  });

  it('has no key for a site without pages', () => {
    expect(new SearchKey().digest()).toBeUndefined();
  });
});
