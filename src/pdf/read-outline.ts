import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from '@cantoo/pdf-lib';

export interface OutlineItem {
  readonly title: string;
  /** 0-based index of the page the bookmark points to, or -1 when it cannot be resolved. */
  readonly pageIndex: number;
}

/**
 * Returns the top-level bookmarks of a PDF with the page each one opens. Chromium writes one
 * bookmark per heading, with explicit `[page /XYZ …]` destinations, so no named-destination
 * lookup is needed; anything else resolves to -1 rather than failing.
 */
export function readOutline(document: PDFDocument): OutlineItem[] {
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return [];
  const pages = new Map(document.getPages().map((page, index) => [page.ref.toString(), index]));
  const items: OutlineItem[] = [];
  let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict);
  for (let guard = 0; item && guard < 10_000; guard++) {
    const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
    const destination = item.lookupMaybe(PDFName.of('Dest'), PDFArray) ?? item.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('D'), PDFArray);
    const target = destination?.get(0);
    items.push({ title, pageIndex: target instanceof PDFRef ? (pages.get(target.toString()) ?? -1) : -1 });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return items;
}
