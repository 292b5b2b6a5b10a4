import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ParsedPdf {
  readonly pages: number;
  readonly info: Record<string, unknown>;
  /** Top-level bookmarks with the 1-based page they open. */
  readonly outline: { title: string; page: number }[];
  /** Text of each page, in reading order, lines joined with newlines. */
  readonly text: string[];
  /** True when the PDF is tagged (its structure is marked for assistive technology). */
  readonly tagged: boolean;
  readonly width: number;
  readonly height: number;
}

/** Parses a PDF with pdf.js, a different library from the one that wrote it. */
export async function readPdf(path: string): Promise<ParsedPdf> {
  const task = getDocument({ data: new Uint8Array(readFileSync(path)), useSystemFonts: false, verbosity: 0 });
  const document = await task.promise;
  const { info } = await document.getMetadata();
  const outline = [];
  for (const item of (await document.getOutline()) ?? []) {
    const destination = typeof item.dest === 'string' ? await document.getDestination(item.dest) : item.dest;
    const reference = destination?.[0];
    const page = reference && typeof reference === 'object' ? (await document.getPageIndex(reference)) + 1 : -1;
    outline.push({ title: item.title, page });
  }
  const text: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    text.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  // pdf.js returns the MarkInfo dictionary as a Map.
  const markInfo = (await document.getMarkInfo()) as Map<string, unknown> | null;
  const tagged = markInfo?.get('Marked') === true;
  const first = await document.getPage(1);
  const [, , width, height] = first.view;
  await task.destroy();
  return { pages: document.numPages, info: info as Record<string, unknown>, outline, text, tagged, width: width ?? 0, height: height ?? 0 };
}
