import { PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from '@cantoo/pdf-lib';

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * Restores the spaces Chromium drops from bookmark titles: it joins the lines of a heading that
 * wrapped without a space ("not toolsets" becomes "nottoolsets"). Each bookmark whose letters
 * match a heading of the document gets that heading's text. Returns how many were fixed.
 */
export function fixOutlineTitles(document: PDFDocument, headings: readonly string[]): number {
  const byLetters = new Map(headings.map((heading) => [squash(heading), heading.replace(/\s+/g, ' ').trim()]));
  let fixed = 0;
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first, guard = 0; item && guard < 100_000; item = item.lookupMaybe(PDFName.of('Next'), PDFDict), guard++) {
      const title = item.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '';
      const heading = byLetters.get(squash(title));
      if (heading && heading !== title) {
        item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
        fixed++;
      }
      if (depth < 8) walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return fixed;
}
