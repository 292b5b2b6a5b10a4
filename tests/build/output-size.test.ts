import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeSize, measureFinishedPages, measureFolder } from '../../src/build/output-size.ts';

let parent: string;
beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'multiplane-size-'));
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

describe('the size of a built site', () => {
  it('counts every file and byte of a folder', () => {
    const site = join(parent, 'site');
    write(site, { 'index.html': '12345', 'a/index.html': '123', 'a/b/c.txt': '1' });
    expect(measureFolder(site)).toEqual({ files: 3, bytes: 9 });
  });

  it('counted while the search indexes are written, comes out as counted after publishing', () => {
    const staging = join(parent, 'staging');
    const out = join(parent, 'site');
    write(staging, { 'index.html': '<p>PDF</p>', 'whitepaper/index.html': '<p>PDF</p>', 'services/api/index.html': 'api', 'pagefind/half.pf': 'x' });
    const pages = measureFinishedPages(staging, ['pagefind', 'whitepaper.pdf'], ['index.html', 'whitepaper/index.html', 'missing/index.html']);
    // After the count: the index is finished, the PDF printed, its size put into the pages that link it.
    write(staging, { 'pagefind/half.pf': 'xxxx', 'pagefind/more.pf': 'yy', 'whitepaper.pdf': '%PDF-1.7', 'index.html': '<p>PDF, 3 pages</p>', 'whitepaper/index.html': '<p>PDF, 3 pages</p>', '.multiplane-build.json': '{}' });
    renameSync(staging, out);
    expect(completeSize(out, pages)).toEqual(measureFolder(out));
    expect(completeSize(out, pages).files).toBe(7);
  });
});
