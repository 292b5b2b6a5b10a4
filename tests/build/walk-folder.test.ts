import { linkSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFilesUnder, walkFolder } from '../../src/build/walk-folder.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const folderWith = scratchFolders('walk-folder');

/** Each entry as `path kind`, relative to `root`, sorted. */
function listing(root: string, entries: readonly { name: string; parentPath: string; isFile(): boolean; isDirectory(): boolean }[]): string[] {
  return entries.map((entry) => `${relative(root, join(entry.parentPath, entry.name))} ${entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other'}`).sort();
}

describe('walking a build folder', () => {
  it("lists what Node's recursive listing lists, each folder before what it holds", () => {
    const root = folderWith({ 'index.html': 'home', 'services/api/index.html': 'api', 'services/db/index.html': 'db', 'pagefind/fragment/en_1.pf_fragment': 'f', '_astro/a.js': 'js' });
    mkdirSync(join(root, 'empty/deeper'), { recursive: true });
    linkSync(join(root, 'index.html'), join(root, 'services/home-link.html'));
    const walked = walkFolder(root);
    expect(listing(root, walked)).toEqual(listing(root, readdirSync(root, { withFileTypes: true, recursive: true })));
    const order = walked.map((entry) => relative(root, join(entry.parentPath, entry.name)));
    for (const [at, path] of order.entries()) {
      const parent = path.split('/').slice(0, -1).join('/');
      if (parent) expect(order.indexOf(parent), path).toBeLessThan(at);
    }
  });

  it('lists a link to a folder as a link, without entering it', () => {
    const root = folderWith({ 'site/index.html': 'home', 'elsewhere/secret.html': 'not part of the site' });
    symlinkSync(join(root, 'elsewhere'), join(root, 'site/linked'));
    expect(listing(join(root, 'site'), walkFolder(join(root, 'site')))).toEqual(['index.html file', 'linked other']);
  });

  it("lists a folder's HTML files by their site paths, sorted", () => {
    const root = folderWith({ 'services/db/index.html': 'db', 'index.html': 'home', '_astro/a.js': 'js', 'pagefind/pagefind-entry.json': '{}', '404.html': 'gone' });
    mkdirSync(join(root, 'folder.html'));
    expect(htmlFilesUnder(root)).toEqual(['404.html', 'index.html', 'services/db/index.html']);
  });

  it('throws for a folder that is not there, as readdirSync does', () => {
    expect(() => walkFolder(join(folderWith(), 'missing'))).toThrow(/ENOENT/);
  });
});
