import type { Definition, Image, Link, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type {
  BodyFacts,
  BodyParseError,
  CodeFact,
  HeadingFact,
  LinkFact,
  LinkKind,
  MermaidFact,
  ParagraphStart,
} from './body-facts.ts';
import { writtenDestination } from './link-destination.ts';
import { destinationOf, parseMarkdown, type ParseOptions } from './parse-markdown.ts';
import { parseSiteMarkdown } from './site-markdown.ts';

export { hasHeading, sectionHasContent, type BodyFacts } from './body-facts.ts';

/** Longest paragraph start kept: enough to recognise a marker (`TODO:`) and quote it in a finding; the cache holds every one. */
const PARAGRAPH_START_LENGTH = 80;
const HTML_TAG = /<[A-Za-z][^>]*>/g;
const HTML_URL = /\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const EXPRESSION_COMMENT = /^\s*\/\*[\s\S]*\*\/\s*$/;

/**
 * Reads a Markdown body (MDX with `options.mdx`) once and returns its facts (see BodyFacts):
 * Markdown with the site's own parser (./site-markdown.ts), MDX with micromark's.
 * `firstLine` is the file line of the body's first line, so the lines in the facts are lines of
 * the file. Never throws: MDX that does not parse gives `parseError`, and facts from reading the
 * body as plain Markdown.
 */
export function analyzeBody(body: string, firstLine: number, options: ParseOptions = {}): BodyFacts {
  const shift = firstLine - 1;
  if (!options.mdx) return collectFacts(parseSiteMarkdown(body), body, shift, undefined, (node) => writtenDestination(node, body));
  let tree: Root;
  let parseError: BodyParseError | undefined;
  try {
    tree = parseMarkdown(body, options);
  } catch (error) {
    parseError = describeParseError(error, shift);
    tree = parseMarkdown(body);
  }
  return collectFacts(tree, body, shift, parseError, destinationOf);
}

/** Where a link's, image's or definition's destination is written, as the parser used tells it. */
type DestinationOf = (node: Link | Image | Definition) => { readonly line: number; readonly column: number } | undefined;

function describeParseError(error: unknown, shift: number): BodyParseError {
  // micromark's MDX extensions throw a VFileMessage: `reason` is the message without the place.
  const { reason, message, line } = error as { reason?: unknown; message?: unknown; line?: unknown };
  const text = typeof reason === 'string' ? reason : typeof message === 'string' ? message : String(error);
  return { message: text, line: (typeof line === 'number' && line > 0 ? line : 1) + shift };
}

interface Reference {
  readonly identifier: string;
  readonly kind: LinkKind;
  readonly line: number;
  readonly column: number;
}

function collectFacts(tree: Root, body: string, shift: number, parseError: BodyParseError | undefined, destinationOf: DestinationOf): BodyFacts {
  const headings: HeadingFact[] = [];
  const links: (LinkFact | Reference)[] = [];
  const definitions = new Map<string, string>();
  const code: CodeFact[] = [];
  const mermaid: MermaidFact[] = [];
  const paragraphStarts: ParagraphStart[] = [];
  let title: string | undefined;
  let contentSeen = false;
  // Headings whose section is still open: a heading closes those of its own level and below.
  const open: { depth: number; index: number }[] = [];

  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + shift;
  const columnOf = (node: Nodes) => node.position?.start.column ?? 1;
  const content = () => {
    contentSeen = true;
    for (const { index } of open) {
      const heading = headings[index];
      if (heading && !heading.hasContent) headings[index] = { ...heading, hasContent: true };
    }
  };

  const visit = (node: Nodes, phrasing: boolean): void => {
    switch (node.type) {
      case 'heading': {
        while (open.length > 0 && (open[open.length - 1]?.depth ?? 0) >= node.depth) open.pop();
        const text = toString(node).replace(/\s+/g, ' ').trim();
        if (node.depth === 1 && headings.length === 0 && !contentSeen) title = text;
        open.push({ depth: node.depth, index: headings.length });
        headings.push({ depth: node.depth, text, line: lineOf(node), hasContent: false });
        break;
      }
      case 'paragraph': {
        content();
        const start = node.position?.start.offset;
        if (start !== undefined) {
          const end = body.indexOf('\n', start);
          const text = body.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
          paragraphStarts.push({ text: text.slice(0, PARAGRAPH_START_LENGTH), line: lineOf(node) });
        }
        break;
      }
      case 'code': {
        content();
        const fenced = isFenced(body, node.position?.start.offset);
        const block: CodeFact = {
          ...(node.lang ? { lang: node.lang } : {}),
          ...(node.meta ? { meta: node.meta } : {}),
          line: lineOf(node),
          endLine: (node.position?.end.line ?? 1) + shift,
          fenced,
          value: node.value,
        };
        code.push(block);
        if (fenced && node.lang && /^mermaid(?:\{|$)/.test(node.lang)) mermaid.push({ source: node.value, line: block.line });
        return;
      }
      case 'html': {
        if (!phrasing && node.value.replace(HTML_COMMENT, '').trim() !== '') content();
        links.push(...htmlLinks(node.value, lineOf(node), columnOf(node)));
        return;
      }
      case 'definition': {
        if (!definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
        const at = destinationOf(node);
        links.push({ url: node.url, kind: 'definition', line: at ? at.line + shift : lineOf(node), column: at?.column ?? columnOf(node) });
        return;
      }
      case 'link':
      case 'image': {
        const at = destinationOf(node);
        links.push({ url: node.url, kind: node.type, line: at ? at.line + shift : lineOf(node), column: at?.column ?? columnOf(node) });
        break;
      }
      case 'linkReference':
      case 'imageReference':
        links.push({ identifier: node.identifier, kind: node.type === 'linkReference' ? 'link' : 'image', line: lineOf(node), column: columnOf(node) });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        if (node.type === 'mdxJsxFlowElement') content();
        for (const attribute of node.attributes) {
          if (attribute.type === 'mdxJsxAttribute' && (attribute.name === 'href' || attribute.name === 'src') && typeof attribute.value === 'string') {
            links.push({ url: attribute.value, kind: 'html', line: lineOf(node), column: columnOf(node) });
          }
        }
        break;
      }
      case 'mdxFlowExpression':
        if (!EXPRESSION_COMMENT.test(node.value)) content();
        return;
      case 'thematicBreak':
      case 'mdxjsEsm':
        return;
      default:
        if (!phrasing && node.type !== 'root' && node.type !== 'listItem') content();
    }
    if ('children' in node) {
      const inPhrasing = phrasing || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
      for (const child of node.children) visit(child, inPhrasing);
    }
  };
  visit(tree, false);

  const resolved: LinkFact[] = [];
  for (const link of links) {
    if (!('identifier' in link)) resolved.push(link);
    else {
      const url = definitions.get(link.identifier);
      // micromark only makes a reference of a label with a definition; kept safe all the same.
      if (url !== undefined) resolved.push({ url, kind: link.kind, line: link.line, column: link.column });
    }
  }
  return {
    headings,
    links: resolved,
    code,
    mermaid,
    paragraphStarts,
    ...(title !== undefined ? { title } : {}),
    ...(parseError ? { parseError } : {}),
  };
}

/**
 * A fence is up to three spaces of indentation and then ``` or ~~~; an indented block starts with
 * four columns of white space, even when its code starts with a fence (`    ```js`).
 */
function isFenced(body: string, start: number | undefined): boolean {
  if (start === undefined) return true;
  let columns = 0;
  let index = start;
  for (; index < body.length; index++) {
    const char = body[index];
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns < 4 && (body[index] === '`' || body[index] === '~');
}

/**
 * `href` and `src` attributes of the tags in raw HTML, with the line and column of each attribute.
 * Inside a block quote or list item mdast's value has lost the markers before each line, so a
 * column there is counted from the HTML's own indentation; lines are exact.
 */
function htmlLinks(html: string, line: number, column: number): LinkFact[] {
  if (!html.includes('=')) return [];
  const found: LinkFact[] = [];
  for (const tag of html.matchAll(HTML_TAG)) {
    for (const attribute of tag[0].matchAll(HTML_URL)) {
      const url = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      const at = tag.index + attribute.index + 1;
      const before = html.slice(0, at);
      const newlines = before.split('\n').length - 1;
      const lineStart = before.lastIndexOf('\n') + 1;
      found.push({ url, kind: 'html', line: line + newlines, column: newlines === 0 ? column + at : at - lineStart + 1 });
    }
  }
  return found;
}
