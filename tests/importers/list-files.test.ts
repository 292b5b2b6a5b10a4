import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseName, listSourceFiles, titleFromFileName } from '../../src/importers/list-files.ts';

const folder = mkdtempSync(join(tmpdir(), 'multiplane-list-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('listSourceFiles', () => {
  it('lists every file, and names hidden entries and dependencies instead of reading them', () => {
    // Built here rather than as a fixture: git ignores node_modules/ wherever it is.
    for (const path of ['b.md', 'a/c.md', '.git/config', 'a/.DS_Store', 'node_modules/x/README.md']) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), 'x');
    }
    expect(listSourceFiles(folder)).toEqual({
      files: ['a/c.md', 'b.md'],
      skipped: [
        { source: '.git/', what: 'the whole hidden folder', why: 'not read: hidden entries hold tool state, not documents' },
        { source: 'a/.DS_Store', what: 'the whole hidden file', why: 'not read: hidden entries hold tool state, not documents' },
        { source: 'node_modules/', what: 'the whole folder', why: 'not read: installed dependencies, not documents' },
      ],
    });
  });
});

describe('file names', () => {
  it('become titles and short names', () => {
    expect(titleFromFileName('after/post_mortem_template.md')).toBe('Post mortem template');
    expect(titleFromFileName('_.md')).toBe('Untitled');
    expect(baseName('procedures/patch.md')).toBe('patch');
  });
});
