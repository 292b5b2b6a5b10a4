import { createHash } from 'node:crypto';
import { escapeRegExp } from '../../core/text/escape-regexp.ts';

/** One fenced Mermaid block taken out of a Markdown body. */
export interface MermaidBlock {
  /** The diagram, without fences, indentation removed as CommonMark does. */
  readonly source: string;
  /** 1-based line of the opening fence in the file. */
  readonly line: number;
  /** Alphanumeric placeholder left in the Markdown where the block was. */
  readonly token: string;
}

export interface ExtractedMermaid {
  /** The Markdown with each Mermaid block replaced by a paragraph holding only its token. */
  readonly text: string;
  readonly blocks: readonly MermaidBlock[];
}

// CommonMark: at most three spaces of indentation, three or more backticks or tildes.
const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * Returns `markdown` with every ```` ```mermaid ```` or `~~~mermaid` fenced block replaced by a
 * token paragraph, and the blocks themselves. `firstLine` is the file line of `markdown`'s first
 * line (after frontmatter, say), so each block's `line` points into the file. Fences inside other
 * fenced blocks (an example of Markdown, say) are text, not diagrams. The replacement keeps the
 * block's line count when it has at least three lines, so later lines keep their numbers.
 */
export function extractMermaidBlocks(markdown: string, firstLine: number): ExtractedMermaid {
  const lines = markdown.split(/\r?\n/);
  const base = tokenBase(markdown);
  const out: string[] = [];
  const blocks: MermaidBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    const open = OPENING_FENCE.exec(line);
    const [, indent = '', fence = '', info = ''] = open ?? [];
    // A backtick fence's info string may not contain backticks (that is inline code instead).
    if (!open || (fence.startsWith('`') && info.includes('`'))) {
      out.push(line);
      index += 1;
      continue;
    }
    const close = closingLine(lines, index + 1, fence);
    const end = Math.min(close, lines.length - 1);
    if (!/^mermaid(?![^\s{])/.test(info.trim())) {
      out.push(...lines.slice(index, end + 1));
      index = end + 1;
      continue;
    }
    const token = `${base}N${blocks.length}E`;
    blocks.push({
      source: lines
        .slice(index + 1, close)
        .map((content) => stripIndent(content, indent.length))
        .join('\n'),
      line: firstLine + index,
      token,
    });
    // Blank lines around the token make it a paragraph of its own, whatever surrounds it; the
    // fence's indentation keeps it inside a list item.
    const replacement = ['', `${indent}${token}`, ''];
    while (replacement.length < end - index + 1) replacement.push('');
    out.push(...replacement);
    index = end + 1;
  }
  return { text: out.join('\n'), blocks };
}

/**
 * Returns `html` with each token's paragraph (`<p>TOKEN</p>`), or the bare token where a tight
 * list left it without one, replaced by its HTML from `replacements`.
 */
export function substituteDiagrams(html: string, replacements: ReadonlyMap<string, string>): string {
  if (replacements.size === 0) return html;
  // Longest first, so no token can win over a longer one that starts with it.
  const tokens = [...replacements.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return html.replace(
    new RegExp(`<p>(${tokens})</p>|(${tokens})`, 'g'),
    (match, inParagraph?: string, bare?: string) => replacements.get(inParagraph ?? bare ?? '') ?? match,
  );
}

/** Index of the line closing a fence opened with `fence`, or `lines.length` if it never closes. */
function closingLine(lines: readonly string[], from: number, fence: string): number {
  const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
  for (let index = from; index < lines.length; index += 1) {
    if (closing.test(lines[index] ?? '')) return index;
  }
  return lines.length;
}

function stripIndent(line: string, width: number): string {
  let removed = 0;
  while (removed < width && line[removed] === ' ') removed += 1;
  return line.slice(removed);
}

// Derived from the text, so the same Markdown always gets the same tokens, and checked against it
// so no token can also be a word the author wrote.
function tokenBase(markdown: string): string {
  for (let salt = 0; ; salt += 1) {
    const base = `MERMAID${createHash('sha256').update(`${salt}\0${markdown}`).digest('hex').slice(0, 10).toUpperCase()}`;
    if (!markdown.includes(base)) return base;
  }
}
