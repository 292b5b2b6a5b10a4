import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSharedBrowser } from '../../src/browser/index.ts';
import { runCheck } from '../../src/core/check/run-check.ts';
import { printWhitepaper } from '../../src/pdf/print-whitepaper.ts';
import { whitepaperChapters } from '../../src/site/view/whitepaper.ts';
import { NOW } from '../helpers/fixtures.ts';
import { type ParsedPdf, readPdf } from '../helpers/read-pdf.ts';

const report = runCheck({ root: join(import.meta.dirname, '..', '..'), now: NOW });
const platform = report.graph.platform!.data;
const chapters = whitepaperChapters(report).map((chapter, index) => `${index + 1} ${chapter.title}`);
const appendices = ['A Platform identity', 'B Inventory by plane', 'C Governance scorecard and open loops', 'D The operating loop'];
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
    expect(pdf.outline.map((item) => item.title)).toEqual([...chapters, ...appendices]);
  });

  it('lists in its contents the pages where the chapters really start', () => {
    const contents = pdf.text.findIndex((page) => page.includes('Contents'));
    expect(contents).toBe(1);
    for (const item of pdf.outline) {
      const [number, ...words] = item.title.split(' ');
      const title = words.join(' ');
      const line = pdf.text[contents]!.split('\n').find((candidate) => candidate.trim().startsWith(`${number} ${title}`));
      expect(line, title).toBeDefined();
      expect(line!.trim().endsWith(String(item.page)), `${title}: contents says ${line}, starts on ${item.page}`).toBe(true);
      // The chapter's own heading is on that page (its lines may wrap).
      expect(pdf.text[item.page - 1]!.replace(/\s+/g, ' '), `${number} ${title}`).toContain(`${number} ${title}`);
    }
  });

  it('lists every service of the platform in its appendix', () => {
    const appendix = pdf.text.slice(pdf.outline.find((item) => item.title.startsWith('B '))!.page - 1).join('\n');
    for (const service of report.graph.collection('services')) expect(appendix, service.title).toContain(service.title);
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
    expect(letter.outline.map((item) => item.title)).toEqual([...chapters, ...appendices]);
  });
});
