import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFile } from '../build/replace-file.ts';

/**
 * Stands in the pages for the PDF's size and page count, which are only known once the site is
 * built and the PDF printed from it.
 */
export const PDF_META_TOKEN = 'MULTIPLANE-PDF-META';

export interface PdfFacts {
  readonly pages: number;
  readonly bytes: number;
  readonly paper: string;
}

/**
 * Writes the PDF's size and page count into the pages that link it; when no PDF was made,
 * removes the links instead, so no page offers a download that does not exist.
 */
export function annotatePdfLinks(siteDir: string, pages: readonly string[], facts: PdfFacts | undefined): number {
  const text = facts ? `${facts.paper}, ${facts.pages} pages, ${formatBytes(facts.bytes)}` : '';
  let changed = 0;
  for (const page of pages) {
    const file = join(siteDir, linkingPageFile(page));
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    if (!html.includes(PDF_META_TOKEN)) continue;
    const next = facts
      ? html.replaceAll(PDF_META_TOKEN, text)
      : html.replace(/<p class="mp-pdf-link[^"]*"[^>]*data-mp-pdf-link[^>]*>[\s\S]*?<\/p>/g, '');
    replaceFile(file, next);
    changed++;
  }
  return changed;
}

/** The file of a page that links the PDF, `whitepaper` or `` (the home page), in the site. */
export function linkingPageFile(page: string): string {
  return join(page, 'index.html');
}

/** Formats a byte count as `850 KB` or `1.4 MB`. */
export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
