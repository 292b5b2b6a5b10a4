import fs, { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { makeFoldersInPlace } from '../../src/build/folders-made-in-place.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const folderWith = scratchFolders('folders-in-place');

describe("Astro's page folders, made in place", () => {
  it('makes a folder under the given roots before the call returns, by path or file URL, and leaves others to libuv', async () => {
    const build = folderWith({});
    const kept = folderWith({});
    const other = folderWith({});
    const original = fs.promises.mkdir;
    const inPlace = vi.spyOn(fs, 'mkdirSync');
    const restore = makeFoldersInPlace([build, `${kept}/`]);
    try {
      const page = fs.promises.mkdir(join(build, 'services', 'api'), { recursive: true });
      // Made already: nothing was handed to another thread.
      expect(existsSync(join(build, 'services', 'api'))).toBe(true);
      await page;
      const keptCopy = fs.promises.mkdir(pathToFileURL(join(kept, 'services', 'api')), { recursive: true });
      expect(existsSync(join(kept, 'services', 'api'))).toBe(true);
      await keptCopy;
      expect(inPlace).toHaveBeenCalledTimes(2);
      // A folder that only starts like a root is not under it.
      await fs.promises.mkdir(`${build}-beside`, { recursive: true });
      await fs.promises.mkdir(join(other, 'a'));
      expect(inPlace).toHaveBeenCalledTimes(2);
      expect(existsSync(`${build}-beside`)).toBe(true);
      expect(existsSync(join(other, 'a'))).toBe(true);
    } finally {
      restore();
      inPlace.mockRestore();
      fs.rmSync(`${build}-beside`, { recursive: true, force: true });
    }
    expect(fs.promises.mkdir).toBe(original);
  });

  it('fails as mkdir does, as a rejected promise', async () => {
    const build = folderWith({ 'taken': 'a file' });
    const restore = makeFoldersInPlace([build]);
    try {
      await expect(fs.promises.mkdir(join(build, 'taken'))).rejects.toMatchObject({ code: 'EEXIST' });
      await expect(fs.promises.mkdir(join(build, 'taken', 'page'), { recursive: true })).rejects.toMatchObject({ code: 'ENOTDIR' });
    } finally {
      restore();
    }
  });
});
