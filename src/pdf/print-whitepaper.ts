import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { type PdfMetadata, setMetadata } from './set-metadata.ts';
import { fixOutlineTitles } from './fix-outline-titles.ts';
import { readOutline } from './read-outline.ts';
import { PRINT_ROUTE } from '../site/routes.ts';
import { serveStatic } from './static-server.ts';

export type Paper = 'A4' | 'Letter';

export interface PrintOptions {
  /** The built site; its print route is `/print/whitepaper/`. */
  readonly siteDir: string;
  /** Where to write the PDF. */
  readonly out: string;
  readonly paper: Paper;
  readonly metadata: PdfMetadata;
  /** Published address of the site: links in the PDF point there; without it, site links are dropped. */
  readonly siteUrl: string | undefined;
  readonly browser: () => Promise<Browser>;
  readonly log?: (message: string) => void;
}

export interface PrintResult {
  readonly pages: number;
  readonly bytes: number;
  readonly ms: number;
}

export { PRINT_ROUTE } from '../site/routes.ts';

/**
 * Prints the whitepaper route to PDF with Chromium, in two passes: the first finds the page each
 * chapter starts on from the PDF's own bookmarks, the second prints again with those numbers in
 * the table of contents. A second pass keeps the real layout engine in charge of pagination,
 * where a paged-media polyfill would re-implement it in JavaScript and could disagree with the
 * printer; the contents page reserves a fixed width for numbers, so filling them in never
 * moves a page break (checked after the second pass).
 */
export async function printWhitepaper(options: PrintOptions): Promise<PrintResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const server = await serveStatic(options.siteDir, options.siteUrl ? new URL(options.siteUrl).pathname : '/');
  const browser = await options.browser();
  const context = await browser.newContext({ colorScheme: 'light' });
  try {
    const page = await context.newPage();
    const response = await page.goto(`${server.url}${PRINT_ROUTE}`, { waitUntil: 'networkidle' });
    if (!response?.ok()) throw new Error(`The print route ${PRINT_ROUTE} answered ${response?.status() ?? 'nothing'}.`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await rewriteLinks(page, options.siteUrl);

    let bytes = await print(page, options.paper);
    let outline = readOutline(await PDFDocument.load(bytes, { updateMetadata: false }));
    log(`PDF pass 1: ${outline.length} chapters located.`);
    for (let pass = 2; pass <= 3; pass++) {
      await fillContents(page, outline.map((item) => item.pageIndex + 1));
      bytes = await print(page, options.paper);
      const next = readOutline(await PDFDocument.load(bytes, { updateMetadata: false }));
      const stable = next.every((item, index) => item.pageIndex === outline[index]?.pageIndex);
      outline = next;
      log(`PDF pass ${pass}: contents ${stable ? 'matches' : 'moved; printing again'}.`);
      if (stable) break;
    }

    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const headings = await page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => heading.textContent ?? ''));
    fixOutlineTitles(pdf, headings);
    setMetadata(pdf, options.metadata);
    const finished = await pdf.save({ useObjectStreams: false });
    // Written beside the target and renamed, so a failed step never leaves half a PDF.
    mkdirSync(dirname(options.out), { recursive: true });
    const temporary = `${options.out}.partial`;
    writeFileSync(temporary, finished);
    renameSync(temporary, options.out);
    return { pages: pdf.getPageCount(), bytes: finished.length, ms: Math.round(performance.now() - started) };
  } catch (error) {
    rmSync(`${options.out}.partial`, { force: true });
    throw error;
  } finally {
    await context.close();
    await server.close();
  }
}

function print(page: Page, paper: Paper): Promise<Buffer> {
  return page.pdf({ format: paper, printBackground: true, tagged: true, outline: true, preferCSSPageSize: false });
}

/** Writes page numbers into the contents, in the order the bookmarks list the chapters. */
function fillContents(page: Page, numbers: readonly number[]): Promise<void> {
  return page.evaluate((pages) => {
    document.querySelectorAll<HTMLElement>('.toc-page').forEach((element, index) => {
      element.textContent = pages[index] && pages[index] > 0 ? String(pages[index]) : '';
    });
  }, numbers);
}

/**
 * Points links to other pages of the site at the published site, since the PDF is read away from
 * the local server it was printed from; without a published address they become plain text.
 */
function rewriteLinks(page: Page, siteUrl: string | undefined): Promise<void> {
  return page.evaluate((base) => {
    for (const anchor of document.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) {
      const href = anchor.getAttribute('href') ?? '';
      // Site links already carry the base path, so they resolve against the origin.
      if (base) anchor.setAttribute('href', new URL(href, base).href);
      else anchor.removeAttribute('href');
    }
  }, siteUrl);
}
