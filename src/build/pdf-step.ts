import { join } from 'node:path';
import type { CheckReport } from '../core/check/run-check.ts';
import { sharedBrowser } from '../diagrams/diagram-service.ts';
import { annotatePdfLinks, type PdfFacts } from '../pdf/link-pdf.ts';
import type { Paper } from '../pdf/print-whitepaper.ts';
import type { PdfMetadata } from '../pdf/set-metadata.ts';

/** The PDF's file in the site. */
export const PDF_FILE = 'whitepaper.pdf';

/**
 * What printing and linking the whitepaper need of the model, taken before the site is built so
 * that the build holds this, not the model, while Astro renders.
 */
export interface PdfJob {
  /** Pages that link the PDF: the home page, the whitepaper index and every chapter. */
  readonly linkingPages: readonly string[];
  /** What to print; undefined when there is nothing to print (no chapters, no platform entry). */
  readonly print: { readonly siteUrl: string | undefined; readonly metadata: PdfMetadata } | undefined;
}

export function pdfJob(report: CheckReport): PdfJob {
  const chapters = report.graph.collection('whitepaper');
  const platform = report.graph.platform?.data;
  return {
    linkingPages: ['', 'whitepaper', ...chapters.map((chapter) => chapter.key)],
    print:
      chapters.length === 0 || !platform
        ? undefined
        : {
            siteUrl: platform.url,
            metadata: {
              title: platform.whitepaper.title,
              author: platform.organization,
              subject: platform.whitepaper.subtitle ?? `${platform.name}: the platform's operating model, inventory and governance`,
              keywords: platform.whitepaper.keywords,
              date: report.now,
            },
          },
  };
}

/**
 * Prints `whitepaper.pdf` into the built site. With nothing to print this returns undefined. It
 * only reads the pages and writes the PDF, so the search index can be built beside it; `linkPdf`
 * then writes the result into the pages.
 */
export async function printPdf(
  job: PdfJob,
  siteDir: string,
  paper: Paper,
  log: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PdfFacts | undefined> {
  if (!job.print) return undefined;
  // Loaded here, not with the build: the PDF library and its colour parser are some 350 modules,
  // a quarter of what the build loads before it can check the content, and a build without a
  // PDF needs none of them.
  const { printWhitepaper } = await import('../pdf/print-whitepaper.ts');
  const result = await printWhitepaper({
    siteDir,
    out: join(siteDir, PDF_FILE),
    paper,
    siteUrl: job.print.siteUrl,
    browser: () => sharedBrowser(env).browserType.launch(),
    log,
    metadata: job.print.metadata,
  });
  return { pages: result.pages, bytes: result.bytes, paper };
}

/**
 * Writes the PDF's size and page count into the pages that link it, or removes the links from a
 * site built without a PDF.
 */
export function linkPdf(job: PdfJob, siteDir: string, facts: PdfFacts | undefined): void {
  annotatePdfLinks(siteDir, job.linkingPages, facts);
}
