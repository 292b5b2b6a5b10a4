import fs, { appendFileSync, linkSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroKeepsPagesAsExpected, keptAnyPage, linkKeptPages, warmKeptPages } from '../../src/build/astro-links.ts';
import { forgetChangedCopies, keptStat, type LedgerPage, readLedger, writeLedger } from '../../src/build/kept-pages.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const folderWith = scratchFolders('kept');

const SEARCH = { html: 'h', structure: 's', marked: true };
const recorded = (file: string): LedgerPage => {
  const stat = keptStat(file)!;
  return { size: stat.size, mtimeMs: stat.mtimeMs, search: SEARCH };
};

describe('the ledger of kept pages', () => {
  it('reads back what was written, and reads as empty when missing, damaged or of another version', () => {
    const folder = folderWith({ 'a/index.html': '<p>A</p>' });
    const file = join(folder, 'kept-pages.json');
    expect(readLedger(file).size).toBe(0);
    const ledger = new Map([['a/index.html', recorded(join(folder, 'a/index.html'))]]);
    writeLedger(file, ledger);
    expect(readLedger(file)).toEqual(ledger);
    writeFileSync(file, '{"version": 1, "pages"');
    expect(readLedger(file).size).toBe(0);
    writeFileSync(file, JSON.stringify({ version: 99, pages: Object.fromEntries(ledger) }));
    expect(readLedger(file).size).toBe(0);
  });

  it('removes the kept copies written after it recorded them, and only those', () => {
    const kept = folderWith({ 'a/index.html': '<p>A</p>', 'b/index.html': '<p>B</p>', 'c/index.html': '<p>C</p>', 'new/index.html': '<p>N</p>' });
    const ledger = new Map(['a', 'b', 'c'].map((name) => [`${name}/index.html`, recorded(join(kept, name, 'index.html'))]));
    // A published page linked to the kept copy, edited in place by something else than a build.
    const published = folderWith({});
    linkSync(join(kept, 'b/index.html'), join(published, 'b.html'));
    appendFileSync(join(published, 'b.html'), '<script>injected()</script>');
    // The same size, written later.
    writeFileSync(join(kept, 'c/index.html'), '<p>D</p>');
    expect(forgetChangedCopies(kept, ledger)).toBe(2);
    expect(readFileSync(join(kept, 'a/index.html'), 'utf8')).toBe('<p>A</p>');
    expect(keptStat(join(kept, 'b/index.html'))).toBeUndefined();
    expect(keptStat(join(kept, 'c/index.html'))).toBeUndefined();
    // Copies the ledger does not know stay: the policy pass reads them as new pages.
    expect(readFileSync(join(kept, 'new/index.html'), 'utf8')).toBe('<p>N</p>');
  });
});

describe("linking Astro's kept pages", () => {
  it("finds Astro's incremental build copying and writing kept pages as expected", () => {
    // When this fails after an upgrade of Astro, read astro/dist/core/build/incremental.js again:
    // a kept page must still only be copied out, written whole or removed (src/build/astro-links.ts).
    expect(astroKeepsPagesAsExpected()).toBe(true);
  });

  it('tells a build with pages kept from one with none, as a clean build has', () => {
    expect(keptAnyPage(join(folderWith({}), 'missing'))).toBe(false);
    expect(keptAnyPage(folderWith({}))).toBe(false);
    expect(keptAnyPage(folderWith({ 'index.html': '<p>Home</p>' }))).toBe(true);
  });

  it("reads the kept pages' folders ahead, and goes on without them when there are none", async () => {
    await expect(warmKeptPages(folderWith({ 'a/index.html': '<p>A</p>' }))).resolves.toBeUndefined();
    await expect(warmKeptPages(join(folderWith({}), 'missing'))).resolves.toBeUndefined();
  });

  it('links kept pages instead of copying them, and writes a kept page afresh, never through a link', async () => {
    const kept = folderWith({ 'a/index.html': '<p>A</p>' });
    const elsewhere = folderWith({ 'x.html': '<p>X</p>' });
    const work = folderWith({});
    const { copyFile, writeFile } = fs.promises;
    try {
      expect(linkKeptPages(kept)).toBe(true);
      await fs.promises.copyFile(new URL(`file://${join(kept, 'a/index.html')}`), join(work, 'a.html'));
      expect(statSync(join(work, 'a.html')).ino).toBe(statSync(join(kept, 'a/index.html')).ino);
      await fs.promises.copyFile(join(elsewhere, 'x.html'), join(work, 'x.html'));
      expect(statSync(join(work, 'x.html')).ino).not.toBe(statSync(join(elsewhere, 'x.html')).ino);

      // Astro writing the kept copy of a page it rendered again: the page linked before keeps its text.
      await fs.promises.writeFile(new URL(`file://${join(kept, 'a/index.html')}`), '<p>A, again</p>');
      expect(readFileSync(join(work, 'a.html'), 'utf8')).toBe('<p>A</p>');
      expect(readFileSync(join(kept, 'a/index.html'), 'utf8')).toBe('<p>A, again</p>');
      // Elsewhere, files are written as they always are.
      await fs.promises.writeFile(join(work, 'x.html'), '<p>Y</p>');
      expect(readFileSync(join(work, 'x.html'), 'utf8')).toBe('<p>Y</p>');
    } finally {
      Object.assign(fs.promises, { copyFile, writeFile });
    }
  });
});
