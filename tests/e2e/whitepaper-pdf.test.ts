import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSharedBrowser } from '../../src/browser/index.ts';
import { runCheck } from '../../src/core/check/run-check.ts';
import { printWhitepaper } from '../../src/pdf/print-whitepaper.ts';
import { isFrontMatter, whitepaperChapters } from '../../src/site/view/whitepaper.ts';
import { NOW, EXAMPLE_ROOT } from '../helpers/fixtures.ts';
import { type ParsedPdf, readPdf } from '../helpers/read-pdf.ts';

const report = runCheck({ root: EXAMPLE_ROOT, now: NOW });
const platform = report.graph.platform!.data;
// Chapters are numbered from 1; front matter (the abstract) is not numbered.
let numbered = 0;
const chapters = whitepaperChapters(report).map((chapter) => (isFrontMatter(chapter) ? chapter.title : `${++numbered} ${chapter.title}`));
const appendices = ['A Platform identity', 'B Inventory by plane', 'C Governance scorecard and open loops', 'D The operating loop'];
/** The bookmarks after the chapters' are the appendices, lettered from A in order. */
const appendicesOf = (outline: readonly { title: string }[]) => outline.slice(chapters.length).map((item) => item.title);
let pdf: ParsedPdf;

beforeAll(async () => {
  pdf = await readPdf(join(inject('siteDir'), 'whitepaper.pdf'));
});

describe('the whitepaper PDF', () => {
  it('has a sane number of A4 pages', () => {
    expect(pdf.pages).toBeGreaterThanOrEqual(20);
    expect(pdf.pages).toBeLessThanOrEqual(150);
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([596, 843]);
  });

  it('carries its metadata, dated by SOURCE_DATE_EPOCH', () => {
    expect(pdf.info).toMatchObject({
      Title: platform.whitepaper.title,
      Author: platform.organization,
      Subject: platform.whitepaper.subtitle,
      Keywords: platform.whitepaper.keywords.join(', '),
      Creator: 'Multiplane',
    });
    expect(pdf.tagged).toBe(true);
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20261126000000/);
  });

  it('has one bookmark per chapter and appendix, in order', () => {
    expect(pdf.outline.map((item) => item.title).slice(0, chapters.length)).toEqual(chapters);
    expect(appendicesOf(pdf.outline).slice(0, appendices.length)).toEqual(appendices);
    expect(appendicesOf(pdf.outline).map((title) => title[0])).toEqual([...'ABCDEFGH'].slice(0, appendicesOf(pdf.outline).length));
  });

  it('opens with an abstract and closes its chapters with a conclusion', () => {
    expect(chapters[0]).toBe('Abstract');
    expect(chapters.at(-1)).toMatch(/^\d+ Conclusion/);
  });

  it('lists in its contents the pages where the chapters really start', () => {
    const contents = pdf.text.findIndex((page) => page.includes('Contents'));
    expect(contents).toBe(1);
    for (const item of pdf.outline) {
      const [number, ...words] = /^(\d+|[A-Z]) /.test(item.title) ? item.title.split(' ') : ['', ...item.title.split(' ')];
      const title = words.join(' ');
      const line = pdf.text[contents]!.split('\n').find((candidate) => candidate.trim().startsWith(`${number} ${title}`.trim()));
      expect(line, title).toBeDefined();
      expect(line!.trim().endsWith(String(item.page)), `${title}: contents says ${line}, starts on ${item.page}`).toBe(true);
      // The chapter's own heading is on that page (its lines may wrap).
      expect(pdf.text[item.page - 1]!.replace(/\s+/g, ' '), `${number} ${title}`).toContain(`${number} ${title}`.trim());
    }
  });

  it('lists every service of the platform in its appendix', () => {
    const appendix = pdf.text.slice(pdf.outline.find((item) => item.title.startsWith('B '))!.page - 1).join('\n');
    for (const service of report.graph.collection('services')) expect(appendix, service.title).toContain(service.title);
  });

  // Headings, captions and table headers are tagged as such in the PDF's structure (it is tagged);
  // the running header and footer are artifacts outside it.
  const STRANDED = /(^|>)(H[1-6]|TH|Caption)(>|$)/;

  it('ends no page with a heading, a caption or a table header', () => {
    const stranded: string[] = [];
    pdf.items.forEach((items, index) => {
      const body = items.filter((item) => item.role !== '');
      if (body.length === 0) return;
      const bottom = Math.min(...body.map((item) => item.y));
      for (const item of body.filter((candidate) => candidate.y < bottom + 2)) {
        if (STRANDED.test(item.role)) stranded.push(`page ${index + 1}: ${item.role} "${item.text}"`);
      }
    });
    expect(stranded).toEqual([]);
    // The check can see headings at all: the PDF has plenty, and tables with headers.
    expect(pdf.items.flat().filter((item) => /(^|>)H2(>|$)/.test(item.role)).length).toBeGreaterThan(20);
    expect(pdf.items.flat().some((item) => /(^|>)TH(>|$)/.test(item.role))).toBe(true);
  });

  it("names on every page the chapter or appendix it belongs to, in the running header", () => {
    const starts = pdf.outline.map((item, index) => ({ title: item.title, first: item.page, last: (pdf.outline[index + 1]?.page ?? pdf.pages + 1) - 1 }));
    for (const { title, first, last } of starts) {
      // "B Inventory by plane" is headed "Appendix B Inventory by plane".
      const expected = /^[A-Z] /.test(title) && !/^\d/.test(title) ? `Appendix ${title}` : title;
      for (let page = first; page <= last; page++) {
        const header = pdf.items[page - 1]!.filter((item) => item.role === '' && item.y > pdf.height - 70).map((item) => item.text).join(' ');
        expect(header.replace(/\s+/g, ' '), `page ${page}`).toContain(expected);
      }
    }
  });

  it('prints the text of its diagrams at 7 pt or more', () => {
    const diagramText = pdf.items.flat().filter((item) => /(^|>)Figure(>|$)/.test(item.role));
    // Both kinds of diagram are measured: the generated loop of appendix D and a Mermaid diagram.
    expect(diagramText.map((item) => item.text)).toEqual(expect.arrayContaining(['Identity: the anchor', 'governance improves']));
    const small = diagramText.filter((item) => item.size < 7).map((item) => `${item.text} (${item.size} pt)`);
    expect(small).toEqual([]);
  });

  it("counts the platform's entries as the site's overview does", () => {
    const home = readFileSync(join(inject('siteDir'), 'index.html'), 'utf8').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const onSite = /(\d+) entries, \d+ governance error/.exec(home)?.[1];
    const appendix = pdf.outline.find((item) => item.title.startsWith('A '))!;
    const inPdf = /(\d+) entries; \d+ governance error/.exec(pdf.text[appendix.page - 1]!.replace(/\s+/g, ' '))?.[1];
    expect(onSite).toBeDefined();
    expect(inPdf).toBe(onSite);
  });

  it('is text, not images, with page numbers in its footer', () => {
    expect(pdf.text.join('').length).toBeGreaterThan(30_000);
    expect(pdf.text[2]).toContain(`Page 3 of ${pdf.pages}`);
    // The cover carries no header or footer.
    expect(pdf.text[0]).not.toContain('Page 1 of');
  });
});

describe('printing on Letter paper', () => {
  const out = mkdtempSync(join(tmpdir(), 'multiplane-letter-'));
  const browser = createSharedBrowser();
  afterAll(async () => {
    await browser.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('prints the same document on Letter pages', async () => {
    const file = join(out, 'whitepaper.pdf');
    const result = await printWhitepaper({
      siteDir: inject('siteDir'),
      out: file,
      paper: 'Letter',
      siteUrl: platform.url,
      browser: () => browser.browserType.launch(),
      metadata: { title: 'Letter', author: 'Test', subject: 'Letter test', keywords: ['a'], date: NOW },
    });
    const letter = await readPdf(file);
    expect([Math.round(letter.width), Math.round(letter.height)]).toEqual([612, 792]);
    expect(letter.pages).toBe(result.pages);
    expect(letter.outline.map((item) => item.title)).toEqual(pdf.outline.map((item) => item.title));
  });
});
