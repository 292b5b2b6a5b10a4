import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { annotatePdfLinks, PDF_META_TOKEN } from '../../src/pdf/link-pdf.ts';

let folders: string[] = [];
afterEach(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  folders = [];
});

const PAGE = `<main><p class="mp-pdf-link" data-mp-pdf-link><a href="/whitepaper.pdf">PDF</a> (${PDF_META_TOKEN})</p><p>Text</p></main>`;

function site(): { dir: string; kept: string } {
  const dir = mkdtempSync(join(tmpdir(), 'multiplane-pdf-link-'));
  folders.push(dir);
  mkdirSync(join(dir, 'whitepaper'), { recursive: true });
  // The page is a link to the copy Astro keeps for the next build, as an unchanged page is.
  const kept = join(dir, 'kept.html');
  writeFileSync(kept, PAGE);
  linkSync(kept, join(dir, 'whitepaper', 'index.html'));
  return { dir, kept };
}

describe('annotatePdfLinks', () => {
  it("writes the PDF's facts into the page, not into the kept copy it is linked to", () => {
    const { dir, kept } = site();
    expect(annotatePdfLinks(dir, ['whitepaper'], { pages: 12, bytes: 300 * 1024, paper: 'A4' })).toBe(1);
    expect(readFileSync(join(dir, 'whitepaper', 'index.html'), 'utf8')).toContain('A4, 12 pages, 300 KB');
    expect(readFileSync(kept, 'utf8')).toBe(PAGE);
  });

  it('removes the link from the page when there is no PDF, keeping the kept copy whole', () => {
    const { dir, kept } = site();
    expect(annotatePdfLinks(dir, ['whitepaper'], undefined)).toBe(1);
    expect(readFileSync(join(dir, 'whitepaper', 'index.html'), 'utf8')).toBe('<main><p>Text</p></main>');
    expect(readFileSync(kept, 'utf8')).toBe(PAGE);
  });
});
