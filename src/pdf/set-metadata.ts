import type { PDFDocument } from '@cantoo/pdf-lib';

export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** Creation and modification date; the build's instant, so SOURCE_DATE_EPOCH pins it. */
  readonly date: Date;
}

/**
 * Writes the document information Chromium cannot set from HTML (author, subject, keywords) and
 * pins the dates to the build's instant, so two builds of the same content give the same PDF.
 */
export function setMetadata(document: PDFDocument, metadata: PdfMetadata): void {
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setSubject(metadata.subject);
  // pdf-lib joins keywords with spaces, which would run multi-word keywords together.
  document.setKeywords([metadata.keywords.join(', ')]);
  document.setCreator('Multiplane');
  document.setProducer('Multiplane (Chromium, pdf-lib)');
  document.setCreationDate(metadata.date);
  document.setModificationDate(metadata.date);
  document.setLanguage('en');
}
