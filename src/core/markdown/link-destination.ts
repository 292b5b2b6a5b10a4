import type { Definition, Image, Link } from 'mdast';

/** Where a destination starts, as a line and column of the parsed text (both 1-based). */
export interface DestinationPoint {
  readonly line: number;
  readonly column: number;
}

/**
 * Where the destination of an inline link or image (`[text](dest)`, `![alt](dest)`) or of a
 * definition (`[label]: dest`) is written, found in the source range the parser gave the node.
 * mdast keeps only the resolved URL, and a finding about a link should point at the URL, which
 * may be lines below the link's start. Undefined for an autolink (`<https://…>`, `www.…`), an
 * empty destination (`[a]()`), and the rare destination this cannot place with certainty (one
 * on a later line of a block quote): the caller then points at the node itself.
 */
export function writtenDestination(node: Link | Image | Definition, text: string): DestinationPoint | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const source = text.slice(start, end);
  let after: number | undefined;
  if (node.type === 'definition') {
    const close = labelEnd(source, 1);
    after = close !== undefined && source[close + 1] === ':' ? close + 2 : undefined;
  } else {
    // An inline link or image ends with the parenthesis that closes its destination and title;
    // anything else (an autolink, a literal URL) writes no destination apart from its text.
    if (!source.endsWith(')')) return undefined;
    const open = node.type === 'image' ? 2 : 1;
    if (source.slice(0, open) !== (node.type === 'image' ? '![' : '[')) return undefined;
    const closesText = (index: number | undefined): index is number => index !== undefined && source[index] === ']' && source[index + 1] === '(';
    // A link's text ends where its last child does; an image's alt, and text that does not end
    // there, are scanned for.
    let close = node.type === 'link' ? childrenEnd(node, start) : undefined;
    if (!closesText(close)) close = labelEnd(source, open);
    after = closesText(close) ? close + 2 : undefined;
  }
  if (after === undefined) return undefined;
  let index = after;
  let newline = false;
  while (index < source.length && /[ \t\r\n]/.test(source[index] ?? '')) {
    if (source[index] === '\n') newline = true;
    index += 1;
  }
  // `[a]()`, `[a]( )`: nothing written.
  if (index >= source.length || (node.type !== 'definition' && source[index] === ')')) return undefined;
  // A destination on a later line inside a block quote follows the quote's `>`, which could also
  // begin a destination: not worth guessing.
  if (newline && source[index] === '>') return undefined;
  return pointAt(text, start + index, node);
}

/** The index in `source` of the `]` closing a link's text, from where its last child ends. */
function childrenEnd(node: Link, start: number): number | undefined {
  if (node.children.length === 0) return 1;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  return last === undefined ? undefined : last - start;
}

/**
 * The index of the `]` that closes a label opened just before `from`: brackets nest, a
 * backslash escapes the next character, and a code span is skipped whole.
 */
function labelEnd(source: string, from: number): number | undefined {
  let depth = 0;
  for (let index = from; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index += 1;
    else if (char === '`') {
      let run = 1;
      while (source[index + run] === '`') run += 1;
      const close = closingRun(source, index + run, run);
      // An unclosed run is literal backticks.
      index = close === undefined ? index + run - 1 : close + run - 1;
    } else if (char === '[') depth += 1;
    else if (char === ']') {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return undefined;
}

/** Where the next run of exactly `run` backticks from `from` starts: the end of a code span. */
function closingRun(source: string, from: number, run: number): number | undefined {
  for (let index = from; index < source.length; index++) {
    if (source[index] !== '`') continue;
    let length = 1;
    while (source[index + length] === '`') length += 1;
    if (length === run) return index;
    index += length - 1;
  }
  return undefined;
}

/** The line and column of `offset`, counted from the node's own start. */
function pointAt(text: string, offset: number, node: Link | Image | Definition): DestinationPoint {
  const from = node.position?.start ?? { line: 1, column: 1, offset: 0 };
  const before = text.slice(from.offset ?? 0, offset);
  const newlines = before.split('\n').length - 1;
  if (newlines === 0) return { line: from.line, column: from.column + before.length };
  return { line: from.line + newlines, column: offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1 };
}
