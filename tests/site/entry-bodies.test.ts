import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BODY_FILE_KEY, bodyAvailable, bodyFile, bodyFileOf, bodyFilesIn, bodyFolder, pruneBodies, readBody, storedBodyFile, storedHeadings, writeBody } from '../../src/site/entry-bodies.ts';

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

function cacheDir(): URL {
  const dir = mkdtempSync(join(tmpdir(), 'mp-entry-bodies-'));
  folders.push(dir);
  return pathToFileURL(`${dir}/`);
}

/** Writes a body as the content sync does, and returns its file. */
async function write(folder: string, id: string, digest: string, html: string): Promise<string> {
  const file = bodyFile(folder, id, digest);
  await writeBody(file, html);
  return file;
}

const stored = (file: string) => ({ html: '', metadata: { headings: [], [BODY_FILE_KEY]: file } });

describe('entry bodies kept beside the content store', () => {
  it('reads back the body written for an entry, and nothing for a body the store holds itself', async () => {
    const folder = bodyFolder(cacheDir(), 'runbooks');
    const file = await write(folder, 'restore-test', 'mp-4::abc', '<h2 id="steps">Steps</h2><p>Ünïcode &amp; more</p>');
    expect(bodyFileOf(stored(file))).toBe(file);
    expect(readBody(stored(file))).toBe('<h2 id="steps">Steps</h2><p>Ünïcode &amp; more</p>');
    expect(readBody({ metadata: { imagePaths: ['./a.png'] } })).toBeUndefined();
    expect(readBody(undefined)).toBeUndefined();
    // Only the finished file is left: the partial one it was written to is renamed into place.
    expect(readdirSync(folder)).toEqual([file.slice(folder.length + 1)]);
  });

  it('stores of a body kept in a file only the file and its headings, as one string, and reads the headings back', async () => {
    const headings = [
      { depth: 2, slug: 'steps', text: 'Steps' },
      { depth: 3, slug: 'a-b', text: 'A "quoted" <b>' },
    ];
    const rendered = storedBodyFile('/cache/a.html', headings);
    expect(rendered).toEqual({ html: '', metadata: { [BODY_FILE_KEY]: '/cache/a.html', multiplaneHeadings: JSON.stringify(headings) } });
    expect(storedHeadings(rendered)).toEqual(headings);
    expect(bodyFileOf(rendered)).toBe('/cache/a.html');
    // No headings, no key; a body the store holds itself keeps Astro's own headings.
    expect(storedBodyFile('/cache/b.html', []).metadata).toEqual({ [BODY_FILE_KEY]: '/cache/b.html' });
    expect(storedHeadings(storedBodyFile('/cache/b.html', []))).toEqual([]);
    expect(storedHeadings({ html: '<h2 id="x">X</h2>', metadata: { headings: [{ depth: 2, slug: 'x', text: 'X' }] } })).toEqual([{ depth: 2, slug: 'x', text: 'X' }]);
    expect(storedHeadings(undefined)).toEqual([]);
  });

  it('names a body by its entry and what it was rendered from, so a changed entry never reads an old body', async () => {
    const folder = bodyFolder(cacheDir(), 'services');
    const first = await write(folder, 'payments', 'mp-4::one', '<p>one</p>');
    const changed = await write(folder, 'payments', 'mp-4::two', '<p>two</p>');
    const other = await write(folder, 'ledger', 'mp-4::one', '<p>one</p>');
    expect(new Set([first, changed, other]).size).toBe(3);
    expect(readBody(stored(first))).toBe('<p>one</p>');
    expect(readBody(stored(changed))).toBe('<p>two</p>');
  });

  it("makes a body's folder when it is missing, also when it was removed after the first body (a cleared cache)", async () => {
    const folder = bodyFolder(cacheDir(), 'incidents');
    await write(folder, 'first', 'd', '<p>1</p>');
    rmSync(join(folder, '..'), { recursive: true, force: true });
    const second = await write(folder, 'second', 'd', '<p>2</p>');
    expect(readBody(stored(second))).toBe('<p>2</p>');
    expect(readdirSync(folder)).toEqual([second.slice(folder.length + 1)]);
  });

  it('rejects a body it cannot put in place, and leaves no partial file behind', async () => {
    const folder = bodyFolder(cacheDir(), 'runbooks');
    const file = bodyFile(folder, 'restore-test', 'd');
    // A folder where the body's file should be: the write succeeds, the rename into place cannot.
    mkdirSync(file, { recursive: true });
    await expect(writeBody(file, '<p>x</p>')).rejects.toThrow();
    expect(readdirSync(folder)).toEqual([file.slice(folder.length + 1)]);
  });

  it('tells a stored entry whose body file is gone (a cleared cache) from one that can be shown', async () => {
    const folder = bodyFolder(cacheDir(), 'policies');
    const file = await write(folder, 'access', 'd', '<p>x</p>');
    expect(bodyAvailable(stored(file))).toBe(true);
    expect(bodyAvailable(stored(file), bodyFilesIn(folder))).toBe(true);
    expect(bodyAvailable({ html: '<p>in the store</p>' })).toBe(true);
    expect(bodyAvailable({ html: '<p>in the store</p>' }, new Set())).toBe(true);
    rmSync(file);
    expect(bodyAvailable(stored(file))).toBe(false);
    expect(bodyAvailable(stored(file), bodyFilesIn(folder))).toBe(false);
    // A folder that is gone holds nothing, and a file named from another cache folder is not in this one.
    expect(bodyFilesIn(join(folder, 'missing')).size).toBe(0);
    const elsewhere = await write(bodyFolder(cacheDir(), 'policies'), 'access', 'd', '<p>x</p>');
    expect(bodyAvailable(stored(elsewhere), bodyFilesIn(folder))).toBe(false);
    expect(() => readBody(stored(file))).toThrow(/rendered body .* is missing; delete \.cache\/multiplane\/ and build again/);
  });

  it('prunes the bodies no stored entry names any more', async () => {
    const folder = bodyFolder(cacheDir(), 'incidents');
    const kept = await write(folder, 'a', '1', '<p>a</p>');
    const old = await write(folder, 'a', '0', '<p>old a</p>');
    const deleted = await write(folder, 'b', '1', '<p>b</p>');
    pruneBodies(folder, new Set([kept]));
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(deleted)).toBe(false);
    // A collection that never wrote a body has no folder to prune.
    expect(() => pruneBodies(bodyFolder(cacheDir(), 'articles'), new Set())).not.toThrow();
  });
});
