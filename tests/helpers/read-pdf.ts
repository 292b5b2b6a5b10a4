import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A run of text on a page, with where it sits and what the document's structure says it is. */
export interface PdfTextItem {
  readonly text: string;
  /** Font size in points, as printed (after any scaling of the figure it is in). */
  readonly size: number;
  /** Distance of the baseline from the bottom of the page, in points. */
  readonly y: number;
  /**
   * Its structure roles from the outside in, generic wrappers left out (`H2`, `P`, `Figure>Link`,
   * `Table>TR>TH`); empty for artifacts such as the running header and footer, which are no part
   * of the structure.
   */
  readonly role: string;
}

export interface ParsedPdf {
  readonly pages: number;
  readonly info: Record<string, unknown>;
  /** Top-level bookmarks with the 1-based page they open. */
  readonly outline: { title: string; page: number }[];
  /** Text of each page, in reading order, lines joined with newlines. */
  readonly text: string[];
  /** Text runs of each page, in content order, with size, position and structure role. */
  readonly items: PdfTextItem[][];
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
  const items: PdfTextItem[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    text.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    items.push(await structuredItems(page));
  }
  // pdf.js returns the MarkInfo dictionary as a Map.
  const markInfo = (await document.getMarkInfo()) as Map<string, unknown> | null;
  const tagged = markInfo?.get('Marked') === true;
  const first = await document.getPage(1);
  const [, , width, height] = first.view;
  await task.destroy();
  return { pages: document.numPages, info: info as Record<string, unknown>, outline, text, items, tagged, width: width ?? 0, height: height ?? 0 };
}

// Wrappers Chromium puts around content that say nothing of what it is.
const GENERIC_ROLES = new Set(['NonStruct', 'Span', 'Div', 'Part', 'Sect', 'Art', 'Document', 'Root']);

interface StructNode {
  readonly role?: string;
  readonly type?: string;
  readonly id?: string;
  readonly children?: readonly StructNode[];
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<typeof getDocument>['promise']>['getPage']>>;

/** A page's text runs with their structure roles, read from its marked content and structure tree. */
async function structuredItems(page: PdfPage): Promise<PdfTextItem[]> {
  const roles = new Map<string, string>();
  const walk = (node: StructNode | null | undefined, path: readonly string[]) => {
    if (!node) return;
    if (node.type === 'content' && node.id) {
      roles.set(node.id, path.filter((role) => !GENERIC_ROLES.has(role)).join('>'));
      return;
    }
    for (const child of node.children ?? []) walk(child, node.role ? [...path, node.role] : path);
  };
  walk((await page.getStructTree()) as StructNode | null, []);
  const content = await page.getTextContent({ includeMarkedContent: true });
  const open: string[] = [];
  const result: PdfTextItem[] = [];
  for (const item of content.items) {
    if ('type' in item) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ? (roles.get(item.id) ?? '') : '');
      else if (item.type === 'endMarkedContent') open.pop();
      continue;
    }
    if (!item.str.trim()) continue;
    const [a = 0, b = 0, , , , f = 0] = item.transform as number[];
    result.push({ text: item.str, size: Math.round(Math.hypot(a, b) * 100) / 100, y: f, role: open.at(-1) ?? '' });
  }
  return result;
}
