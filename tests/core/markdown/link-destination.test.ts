import type { Definition, Image, Link, Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { writtenDestination } from '../../../src/core/markdown/link-destination.ts';
import { destinationOf, parseMarkdown } from '../../../src/core/markdown/parse-markdown.ts';
import { parseSiteMarkdown } from '../../../src/core/markdown/site-markdown.ts';

type Target = Link | Image | Definition;

function targets(node: Nodes, found: Target[] = []): Target[] {
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') found.push(node);
  if ('children' in node) for (const child of node.children) targets(child, found);
  return found;
}

/** Each link's, image's and definition's destination as `line:column`, by Sätteri's tree and this module. */
const bySatteri = (text: string) =>
  targets(parseSiteMarkdown(text)).map((node) => {
    const at = writtenDestination(node, text);
    return `${node.type} ${at ? `${at.line}:${at.column}` : '-'}`;
  });

/** The same, as micromark records it while parsing. */
const byMicromark = (text: string) =>
  targets(parseMarkdown(text)).map((node) => {
    const at = destinationOf(node);
    return `${node.type} ${at ? `${at.line}:${at.column}` : '-'}`;
  });

describe('writtenDestination', () => {
  // Each case is compared with where micromark, which records destinations as it parses, puts them.
  it.each([
    ['a plain link', 'See [the runbook](../runbooks/restore.md) first.'],
    ['a title', 'a [x](y.md "the title") b'],
    ['angle brackets', '[b](<c d.md>)'],
    ['spaces and a tab before the destination', 'a\t[x](\t  y.md)'],
    ['a destination on the next line', 'Read [the\nguide](\n  guide.md) now.'],
    ['CRLF line endings', 'a\r\n[x](\r\ny.md)\r\n'],
    ['emphasis, code and HTML in the text', '[*a* `b]` <i>c</i>](d.md)'],
    ['an escaped bracket in the text', '[a\\]b](c.md)'],
    ['nested brackets in the text', '[a [b] c](d.md)'],
    ['an image', '![a diagram](./diagram.png)'],
    ['an image whose alt has brackets, escapes and code', '![a [b] \\] `c]` d](e.png "t")'],
    ['an image inside a link', '[![badge](b.svg)](https://example.com/x)'],
    ['an empty text', '[](x.md) and ![](y.png)'],
    ['no destination', '[a]() and [b]( )'],
    ['autolinks', '<https://example.com> and www.example.com and ops@example.com'],
    ['references', '[a][r] [r] [r][]\n\n[r]: https://example.com/r'],
    ['a definition on two lines', '[r]:\n  <e f.md> "t"\n\n[r]'],
    ['links in a table', '| a | b |\n| - | - |\n| [c](c.md) | ![d](d.png) |'],
    ['links in a list and a quote', '- item [a](a.md)\n  - [b](b.md)\n\n> quote [c](c.md)'],
    ['non-ASCII text before', 'Ünïcödé 😀 [l](/x) é ![i](/i.png)'],
    ['unclosed backticks in the text', '[a ` b](c.md)'],
  ])('finds the destination of %s', (_name, text) => {
    expect(bySatteri(text)).toEqual(byMicromark(text));
  });

  it('points at nothing it cannot place for certain: a destination after a block quote marker', () => {
    expect(bySatteri('> [a](\n> b.md)')).toEqual(['link -']);
  });
});
