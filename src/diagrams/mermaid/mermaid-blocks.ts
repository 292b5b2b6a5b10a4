import { createHash } from 'node:crypto';
import type { Code, Nodes, Root } from 'mdast';
import { parseSiteMarkdown } from '../../core/markdown/site-markdown.ts';
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

/**
 * Returns `markdown` with every ```` ```mermaid ```` or `~~~mermaid` fenced block replaced by a
 * token paragraph, and the blocks themselves, as the site's Markdown parser reads them.
 * `firstLine` is the file line of `markdown`'s first line (after frontmatter, say), so each
 * block's `line` points into the file. The blocks are the
 * code blocks a CommonMark parser finds (fences inside other fenced blocks are text, fences in
 * list items and block quotes count), and their source is the code as the parser reads it. The
 * replacement keeps the block's line count when it has at least three lines, so later lines keep
 * their numbers.
 */
export function extractMermaidBlocks(markdown: string, firstLine: number): ExtractedMermaid {
  // Most bodies have no diagram: that is settled without parsing them.
  if (!markdown.includes('mermaid')) return { text: markdown, blocks: [] };
  const fences = mermaidFences(parseSiteMarkdown(markdown));
  if (fences.length === 0) return { text: markdown, blocks: [] };
  const lines = markdown.split(/\r?\n/);
  const base = tokenBase(markdown);
  const out: string[] = [];
  const blocks: MermaidBlock[] = [];
  let next = 0;
  for (const fence of fences) {
    const start = (fence.position?.start.line ?? 1) - 1;
    const end = (fence.position?.end.line ?? 1) - 1;
    const column = (fence.position?.start.column ?? 1) - 1;
    out.push(...lines.slice(next, start));
    const token = `${base}N${blocks.length}E`;
    blocks.push({ source: fence.value, line: firstLine + start, token });
    out.push(...replacement((lines[start] ?? '').slice(0, column), token, end - start + 1));
    next = end + 1;
  }
  out.push(...lines.slice(next));
  return { text: out.join('\n'), blocks };
}

/** The fenced code blocks of the tree whose language is `mermaid`, in document order. */
function mermaidFences(tree: Root): Code[] {
  const found: Code[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'code') {
      // Only fenced code has a language, so an indented block is never a diagram.
      if (node.lang && /^mermaid(?:\{|$)/.test(node.lang)) found.push(node);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

/**
 * The lines that stand for a block of `count` lines whose first line starts with `prefix` (the
 * container markers and indentation before the fence). Blank lines around the token make it a
 * paragraph of its own whatever surrounds it; each line keeps the block quote markers, and the
 * token the indentation, so it stays inside its list item or quote. When the fence opened a
 * list item (`- ```mermaid`), the token takes the fence's place on that line instead.
 */
function replacement(prefix: string, token: string, count: number): string[] {
  const inner = prefix.replace(/[-+*]|\d{1,9}[.)]/g, (marker) => ' '.repeat(marker.length));
  const blank = inner.replace(/\s+$/, '');
  const lines = inner === prefix ? [blank, `${inner}${token}`, blank] : [`${prefix}${token}`, blank];
  while (lines.length < count) lines.push(blank);
  return lines;
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

// Derived from the text, so the same Markdown always gets the same tokens, and checked against it
// so no token can also be a word the author wrote.
function tokenBase(markdown: string): string {
  for (let salt = 0; ; salt += 1) {
    const base = `MERMAID${createHash('sha256').update(`${salt}\0${markdown}`).digest('hex').slice(0, 10).toUpperCase()}`;
    if (!markdown.includes(base)) return base;
  }
}
