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

/**
 * Breaks text into at most `maxLines` lines that fit a width (estimated as `fitText` does), at
 * spaces where it can. Text that does not fit ends in an ellipsis, or, with `keepEnd`, loses its
 * middle instead, so that titles differing only at the end ("… v8.4.0 to production", "… v8.4.1
 * to production") still differ.
 */
export function wrapText(text: string, widthPx: number, charPx: number, maxLines: number, keepEnd = false): string[] {
  const max = Math.max(4, Math.floor(widthPx / charPx));
  const budget = max * maxLines;
  const source = text.length > budget && keepEnd ? middleCut(text, budget - 1) : text;
  const lines: string[] = [];
  let rest = source.trim();
  while (rest.length > 0 && lines.length < maxLines) {
    if (rest.length <= max) {
      lines.push(rest);
      rest = '';
      break;
    }
    const space = rest.lastIndexOf(' ', max);
    const cut = space > max / 3 ? space : max;
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) {
    const last = lines.pop() ?? '';
    lines.push(`${(last.length >= max ? last.slice(0, max - 1) : last).trimEnd()}…`);
  }
  return lines;
}

/** Keeps the start and the end of a text, `length` characters in all with the ellipsis. */
function middleCut(text: string, length: number): string {
  const head = Math.ceil((length - 1) * 0.55);
  const tail = length - 1 - head;
  return `${text.slice(0, head).trimEnd()}…${text.slice(text.length - tail).trimStart()}`;
}

/** The plural of a kind's label, for counts ("+ 3 more policies"): the labels are the descriptors' own. */
export function pluralKind(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === 'person') return 'people';
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

/** Rounds coordinates so the SVG stays small and diffs stay stable. */
export function r(value: number): number {
  return Math.round(value * 10) / 10;
}
