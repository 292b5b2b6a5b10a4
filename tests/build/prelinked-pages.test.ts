import fs, { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateWorksAsExpected, guardWrites, prelinkKeptPages, removeUngenerated } from '../../src/build/prelinked-pages.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const folderWith = scratchFolders('prelinked');

/** Astro's incremental build manifest listing `outputs` as the pages it kept or wrote. */
const manifest = (outputs: readonly string[]) =>
  JSON.stringify({ version: 1, routes: { 'src/pages/[x].astro': { dependencyHash: 'h', paths: Object.fromEntries(outputs.map((file) => [`/${file}`, { cacheKey: 'k', outputFile: file }])) } } });

describe('kept pages linked into the build ahead of Astro', () => {
  it("finds Astro's page generation looking for a page in the build before restoring it", () => {
    // When this fails after an upgrade of Astro, read astro/dist/core/build/generate.js and
    // static-build.js again (src/build/prelinked-pages.ts); until then, Astro restores pages itself.
    expect(generateWorksAsExpected()).toBe(true);
  });

  it('links every kept page into the build at its place, and links nothing when nothing is kept', async () => {
    const kept = folderWith({ 'a/index.html': '<p>A</p>', 'services/b/index.html': '<p>B</p>', '404.html': '<p>?</p>' });
    const out = folderWith({});
    const linked = await prelinkKeptPages(kept, out);
    expect([...linked].sort()).toEqual(['404.html', 'a/index.html', 'services/b/index.html']);
    for (const page of linked) expect(statSync(join(out, page)).ino).toBe(statSync(join(kept, page)).ino);
    expect((await prelinkKeptPages(join(kept, 'missing'), folderWith({}))).size).toBe(0);
  });

  it('makes a tree already there (the output the last build replaced) hold the kept pages and nothing else, keeping its folders', async () => {
    const kept = folderWith({ 'a/index.html': '<p>A</p>', 'services/b/index.html': '<p>B, new</p>', 'services/c/index.html': '<p>C</p>', 'x/y/index.html': '<p>Y</p>', '404.html': '<p>?</p>' });
    // The last output: A is the kept copy itself; B was rendered again since (another file);
    // C's page is missing; the search index, an asset, a deleted entry's page, a file where a
    // folder belongs and a folder where a file belongs are not pages of this build.
    const out = folderWith({ 'services/b/index.html': '<p>B, old</p>', 'pagefind/pagefind-entry.json': '{}', 'pagefind/fragment/en_1.pf_fragment': 'f', '_astro/site.css': 'b{}', 'services/gone/index.html': '<p>G</p>', x: 'not a folder', '404.html/index.html': 'not a file' });
    fs.linkSync(join(kept, 'a/index.html'), join(out, 'a-kept.tmp'));
    fs.mkdirSync(join(out, 'a'));
    fs.renameSync(join(out, 'a-kept.tmp'), join(out, 'a/index.html'));
    fs.mkdirSync(join(out, 'empty/deeper'), { recursive: true });
    const folder = (path: string) => statSync(join(out, path)).ino;
    const before = { services: folder('services'), a: folder('a') };

    const linked = await prelinkKeptPages(kept, out);
    expect([...linked].sort()).toEqual(['404.html', 'a/index.html', 'services/b/index.html', 'services/c/index.html', 'x/y/index.html']);
    const files = fs.readdirSync(out, { recursive: true, withFileTypes: true }).filter((item) => !item.isDirectory()).map((item) => join(item.parentPath, item.name).slice(out.length + 1));
    expect(files.sort()).toEqual([...linked].sort());
    for (const page of linked) expect(statSync(join(out, page)).ino).toBe(statSync(join(kept, page)).ino);
    expect(readFileSync(join(out, 'services/b/index.html'), 'utf8')).toBe('<p>B, new</p>');
    // No folder that holds no page stays; those that do are the very folders that were there.
    const folders = fs.readdirSync(out, { recursive: true, withFileTypes: true }).filter((item) => item.isDirectory()).map((item) => join(item.parentPath, item.name).slice(out.length + 1));
    expect(folders.sort()).toEqual(['a', 'services', 'services/b', 'services/c', 'x', 'x/y']);
    expect({ services: folder('services'), a: folder('a') }).toEqual(before);
  });

  it('empties a tree already there when nothing is kept', async () => {
    const out = folderWith({ 'services/b/index.html': '<p>B</p>' });
    expect((await prelinkKeptPages(join(folderWith({}), 'missing'), out)).size).toBe(0);
    expect(existsSync(join(out, 'services'))).toBe(false);
  });

  it('writes a page Astro renders again afresh, never through the link into the kept copy', async () => {
    const kept = folderWith({ 'a/index.html': '<p>A</p>' });
    const out = folderWith({});
    const linked = prelinkKeptPages(kept, out);
    await linked;
    const guard = guardWrites(out, linked);
    try {
      await fs.promises.writeFile(pathToFileURL(join(out, 'a/index.html')), '<p>A, changed</p>');
      await fs.promises.writeFile(join(out, 'new.html'), '<p>N</p>');
      const elsewhere = join(folderWith({}), 'x.txt');
      await fs.promises.writeFile(elsewhere, 'x');
      expect(readFileSync(join(out, 'a/index.html'), 'utf8')).toBe('<p>A, changed</p>');
      expect(readFileSync(join(kept, 'a/index.html'), 'utf8')).toBe('<p>A</p>');
      expect([...guard.written].sort()).toEqual(['a/index.html', 'new.html']);
    } finally {
      guard.restore();
    }
    expect(fs.promises.writeFile.name).not.toBe('writeReplacing');
  });

  it("removes the linked pages Astro neither kept nor wrote, with the folders they leave empty", async () => {
    const kept = folderWith({ 'services/gone/index.html': '<p>G</p>', 'services/kept/index.html': '<p>K</p>', 'runbooks/東京 x/index.html': '<p>T</p>', 'lessons/index.html': '<p>L</p>' });
    const out = folderWith({});
    const linked = await prelinkKeptPages(kept, out);
    const manifestFile = join(folderWith({}), 'incremental-build.json');
    // Astro records places percent-encoded; the lessons page lost its key and was rendered.
    writeFileSync(manifestFile, manifest(['services/kept/index.html', `runbooks/${encodeURIComponent('東京 x')}/index.html`]));
    expect(removeUngenerated(out, linked, new Set(['lessons/index.html']), manifestFile)).toBe(1);
    expect(existsSync(join(out, 'services/gone'))).toBe(false);
    expect(existsSync(join(out, 'services/kept/index.html'))).toBe(true);
    expect(existsSync(join(out, 'runbooks/東京 x/index.html'))).toBe(true);
    expect(existsSync(join(out, 'lessons/index.html'))).toBe(true);
  });

  it("stops the build when Astro's manifest cannot be read after it, rather than publish a deleted entry's page", async () => {
    const out = folderWith({});
    const linked = await prelinkKeptPages(folderWith({ 'a/index.html': '<p>A</p>' }), out);
    const manifestFile = join(folderWith({}), 'incremental-build.json');
    expect(() => removeUngenerated(out, linked, new Set(), manifestFile)).toThrow(/Cannot read Astro's incremental build manifest .*incremental-build\.json/);
    writeFileSync(manifestFile, '{"routes": ');
    expect(() => removeUngenerated(out, linked, new Set(), manifestFile)).toThrow(/build again/);
    // With nothing linked there is nothing to remove, and no manifest is needed.
    expect(removeUngenerated(out, new Set(), new Set(), manifestFile)).toBe(0);
  });
});
