import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { destinationOf, parseMarkdown } from '../../../src/core/markdown/parse-markdown.ts';

/** The tree as plain JSON, less the destinations parseMarkdown records on links. */
const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree, withoutDestinations)) as unknown;

function withoutDestinations(key: string, value: unknown): unknown {
  if (key !== 'data' || typeof value !== 'object' || value === null) return value;
  const { destination: _destination, ...rest } = value as Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

describe('parseMarkdown', () => {
  // parseMarkdown leaves out the GFM constructs a text cannot hold; these are the edges of that.
  it.each([
    ['a table', '| a | b |\n| - | - |\n| [c](c.md) | d |'],
    ['a one-column table without pipes', 'a\n:-\nb'],
    ['a setext heading, not a table', 'a\n-\nb'],
    ['autolink literals', 'See www.example.com, HTTPS://EXAMPLE.ORG/x and ops@example.com.'],
    ['mailto and xmpp literals', 'mailto:a@b.co xmpp:a@b.co'],
    ['footnotes', 'Text[^1].\n\n[^1]: The note.'],
    ['strikethrough', 'a ~~b~~ ~c~'],
    ['task lists', '- [ ] open\n- [x] done'],
    ['none of them', '# Title\n\nPlain *text* and [a link](x.md).'],
  ])('gives the tree remark-parse with remark-gfm gives, with %s', (_name, text) => {
    expect(plain(parseMarkdown(text))).toEqual(plain(unified().use(remarkParse).use(remarkGfm).parse(text)));
  });

  it('gives the tree remark-mdx with remark-gfm gives, for MDX', () => {
    const text = "import { Card } from '@astrojs/starlight/components';\n\n# Title\n\n<Card title=\"x\">\n  | a |\n  | - |\n</Card>\n\n{1 + 1}";
    expect(plain(parseMarkdown(text, { mdx: true }))).toEqual(plain(unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(text)));
  });

  it('throws on MDX that does not parse, with its line', () => {
    expect(() => parseMarkdown('# Title\n\n<div>\n\n{oops', { mdx: true })).toThrow(expect.objectContaining({ line: 5 }));
  });

  it('records where each destination is written', () => {
    const text = 'a\t[x](\ty.md "t")\r\n[b](<c d.md>)\n\n[r]:\n  <e f.md>';
    const tree = parseMarkdown(text);
    const found: string[] = [];
    const visit = (node: { type: string; children?: unknown[] }) => {
      if (node.type === 'link' || node.type === 'definition') {
        const at = destinationOf(node as Parameters<typeof destinationOf>[0]);
        found.push(`${node.type} ${at?.line}:${at?.column} ${text.slice(at?.start, at?.end)}`);
      }
      for (const child of node.children ?? []) visit(child as { type: string });
    };
    visit(tree);
    expect(found).toEqual(['link 1:8 y.md', 'link 2:5 <c d.md>', 'definition 5:3 <e f.md>']);
  });
});
