import { join } from 'node:path';
import type { CheckReport } from '../core/check/run-check.ts';
import { sharedBrowser } from '../diagrams/diagram-service.ts';
import { annotatePdfLinks, type PdfFacts } from '../pdf/link-pdf.ts';
import { type Paper, printWhitepaper } from '../pdf/print-whitepaper.ts';

/** Pages that link the PDF: the home page, the whitepaper index and every chapter. */
function pagesLinkingPdf(report: CheckReport): string[] {
  return ['', 'whitepaper', ...report.graph.collection('whitepaper').map((chapter) => chapter.key)];
}

/**
 * Prints `whitepaper.pdf` into the built site. With no chapters there is nothing to print, and
 * this returns undefined. It only reads the pages and writes the PDF, so the search index can be
 * built beside it; `linkPdf` then writes the result into the pages.
 */
export async function printPdf(
  report: CheckReport,
  siteDir: string,
  paper: Paper,
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PdfFacts | undefined> {
  const platform = report.graph.platform?.data;
  if (report.graph.collection('whitepaper').length === 0 || !platform) return undefined;
  const result = await printWhitepaper({
    siteDir,
    out: join(siteDir, 'whitepaper.pdf'),
    paper,
    siteUrl: platform.url,
    browser: () => sharedBrowser(env).browserType.launch(),
    log,
    metadata: {
      title: platform.whitepaper.title,
      author: platform.organization,
      subject: platform.whitepaper.subtitle ?? `${platform.name}: the platform's operating model, inventory and governance`,
      keywords: platform.whitepaper.keywords,
      date: report.now,
    },
  });
  return { pages: result.pages, bytes: result.bytes, paper };
}

/**
 * Writes the PDF's size and page count into the pages that link it, or removes the links from a
 * site built without a PDF.
 */
export function linkPdf(report: CheckReport, siteDir: string, facts: PdfFacts | undefined): void {
  annotatePdfLinks(siteDir, pagesLinkingPdf(report), facts);
}
