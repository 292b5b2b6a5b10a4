import type { Link, Image, Definition, Root } from 'mdast';
import { fromMarkdown, type Extension as MdastExtension, type CompileContext, type Token } from 'mdast-util-from-markdown';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Extension as MicromarkExtension } from 'micromark-util-types';

export interface ParseOptions {
  /** Parse as MDX (JSX, expressions, import/export), as remark-mdx does. Default false. */
  readonly mdx?: boolean | undefined;
}

/** Where a link's, image's or definition's destination is written, as offsets into the text. */
export interface Destination {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

/**
 * One GFM construct: its micromark and mdast extensions, and a test that is true of every text
 * in which the construct could occur. remark-gfm turns all five on for every document; here a
 * construct whose trigger characters are absent is left out, which yields the very same tree
 * (tests/core/markdown/parse-markdown.test.ts compares them) and saves most of GFM's cost:
 * autolink literals alone look at every word, and made parsing three times as slow as
 * CommonMark on generated platforms.
 */
interface GfmConstruct {
  readonly syntax: MicromarkExtension;
  readonly tree: MdastExtension;
  readonly mayOccur: (text: string) => boolean;
}

// In remark-gfm's order (micromark-extension-gfm), so precedence between them is the same.
const GFM: readonly GfmConstruct[] = [
  // `www.`, `http://`, `https://`, and e-mail addresses (also `mailto:` and `xmpp:` ones).
  { syntax: gfmAutolinkLiteral(), tree: gfmAutolinkLiteralFromMarkdown(), mayOccur: (text) => /:\/\/|www\.|@/i.test(text) },
  { syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown(), mayOccur: (text) => text.includes('[^') },
  { syntax: gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown(), mayOccur: (text) => text.includes('~') },
  // A table needs a pipe, except a one-column table, whose delimiter row then needs a colon
  // (`a\n:-`); without one, `a\n-` is a setext heading.
  { syntax: gfmTable(), tree: gfmTableFromMarkdown(), mayOccur: (text) => /\||:-|-:/.test(text) },
  { syntax: gfmTaskListItem(), tree: gfmTaskListItemFromMarkdown(), mayOccur: (text) => text.includes('[') },
];

const MDX_SYNTAX = mdxjs();
const MDX_TREE = mdxFromMarkdown();

/**
 * Records where each destination is written, on the node (`data.destination`): mdast keeps only
 * the resolved URL and the position of the whole link, and rewriting a URL in place, or
 * reporting the line it is on, needs the written one.
 */
const DESTINATIONS: MdastExtension = {
  exit: {
    resourceDestination: recordDestination,
    definitionDestination: recordDestination,
  },
};

function recordDestination(this: CompileContext, token: Token): void {
  const node = this.stack[this.stack.length - 1];
  if (node?.type !== 'link' && node?.type !== 'image' && node?.type !== 'definition') return;
  const destination: Destination = { start: token.start.offset, end: token.end.offset, line: token.start.line, column: token.start.column };
  node.data = { ...node.data, destination } as typeof node.data;
}

/** The destination recorded for a link, image or definition node, if it has one written. */
export function destinationOf(node: Link | Image | Definition): Destination | undefined {
  return (node.data as { destination?: Destination } | undefined)?.destination;
}

/**
 * Parses Markdown into mdast as remark-parse with remark-gfm does (and remark-mdx first, with
 * `mdx`), with positions. Throws on MDX that does not parse (a `VFileMessage` with `line`); plain
 * Markdown always parses. The check reads Markdown bodies with the site's parser instead
 * (./site-markdown.ts); this one serves MDX, and the importers, which rewrite destinations in place
 * at the offsets it records.
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  const syntax: MicromarkExtension[] = [];
  const tree: (MdastExtension | MdastExtension[])[] = [];
  if (options.mdx) {
    syntax.push(MDX_SYNTAX);
    tree.push(MDX_TREE);
  }
  for (const construct of GFM) {
    if (!construct.mayOccur(text)) continue;
    syntax.push(construct.syntax);
    tree.push(construct.tree);
  }
  tree.push(DESTINATIONS);
  return fromMarkdown(text, { extensions: syntax, mdastExtensions: tree });
}

