/** Escapes text for SVG/HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Shortens text to fit a width in pixels at the diagram font size. Layout happens at build time
 * without a browser, so widths are estimated from an average glyph width; the estimate errs
 * wide, so text never overflows its box.
 */
export function fitText(text: string, widthPx: number, charPx = 7.2): string {
  const max = Math.max(4, Math.floor(widthPx / charPx));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Rounds coordinates so the SVG stays small and diffs stay stable. */
export function r(value: number): number {
  return Math.round(value * 10) / 10;
}
