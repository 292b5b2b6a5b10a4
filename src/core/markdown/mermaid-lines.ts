/**
 * Mermaid parses a diagram only after taking out its frontmatter, its `%%{…}%%` directives, its
 * `%%` comment lines and the blank lines before the first statement, so the line numbers in its
 * errors count lines of what is left. This replays those steps (mermaid 11's
 * `preprocessDiagram`, with its regular expressions) keeping, for every character left, where it
 * was, and so turns such a line back into a line of the diagram as written.
 */

// From mermaid/src/diagram-api/regexes.ts and comments.ts (mermaid 11.17).
const FRONTMATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi;
const COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;
const LINE_ENDING = /\r\n?/g;
const LEADING_SPACE = /^\s+/;

interface Tracked {
  readonly text: string;
  /** For each character of `text`, its offset in the diagram as written. */
  readonly origin: readonly number[];
}

/** Replaces every match of `pattern` (by nothing by default), keeping the origin of every character. */
function remove({ text, origin }: Tracked, pattern: RegExp, replacement = ''): Tracked {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  let kept = '';
  const keptOrigin: number[] = [];
  let last = 0;
  const keep = (from: number, to: number) => {
    kept += text.slice(from, to);
    for (let index = from; index < to; index++) keptOrigin.push(origin[index] ?? 0);
  };
  for (const match of text.matchAll(global)) {
    keep(last, match.index);
    kept += replacement;
    for (let index = 0; index < replacement.length; index++) keptOrigin.push(origin[match.index] ?? 0);
    last = match.index + match[0].length;
  }
  keep(last, text.length);
  return { text: kept, origin: keptOrigin };
}

/**
 * Returns a function from a 1-based line of the text Mermaid parses to the 1-based line of
 * `source` it came from. Lines past the end map to the last line.
 */
export function mermaidLineMapper(source: string): (line: number) => number {
  let tracked: Tracked = { text: source, origin: Array.from({ length: source.length }, (_, index) => index) };
  tracked = remove(tracked, LINE_ENDING, '\n');
  tracked = remove(tracked, FRONTMATTER);
  tracked = remove(tracked, DIRECTIVE);
  tracked = remove(tracked, COMMENT_LINE);
  tracked = remove(tracked, LEADING_SPACE);
  const { text, origin } = tracked;
  const lineStarts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1);
  return (line) => {
    if (text.length === 0) return 1;
    const start = lineStarts[Math.min(Math.max(line, 1), lineStarts.length) - 1] ?? 0;
    const offset = origin[Math.min(start, origin.length - 1)] ?? 0;
    let sourceLine = 1;
    for (let index = 0; index < offset; index++) if (source[index] === '\n' || (source[index] === '\r' && source[index + 1] !== '\n')) sourceLine++;
    return sourceLine;
  };
}
