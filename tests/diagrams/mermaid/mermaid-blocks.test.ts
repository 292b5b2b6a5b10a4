import { describe, expect, it } from 'vitest';
import { extractMermaidBlocks, substituteDiagrams } from '../../../src/diagrams/mermaid/index.ts';

describe('extractMermaidBlocks', () => {
  it('takes out each diagram with the file line of its opening fence', () => {
    const markdown = ['# Title', '', '```mermaid', 'graph TD', '  A-->B', '```', 'After.', '', '```mermaid', 'pie', '```'].join('\n');
    const { text, blocks } = extractMermaidBlocks(markdown, 5);
    expect(blocks.map(({ source, line }) => ({ source, line }))).toEqual([
      { source: 'graph TD\n  A-->B', line: 7 },
      { source: 'pie', line: 13 },
    ]);
    const [first, second] = blocks;
    expect(text.split('\n')).toEqual(['# Title', '', '', first?.token, '', '', 'After.', '', '', second?.token, '']);
  });

  it('gives tokens that are alphanumeric, distinct and stable', () => {
    const markdown = '```mermaid\na\n```\n\n```mermaid\nb\n```';
    const { blocks } = extractMermaidBlocks(markdown, 1);
    const tokens = blocks.map((block) => block.token);
    expect(tokens.every((token) => /^[A-Za-z0-9]+$/.test(token))).toBe(true);
    expect(new Set(tokens).size).toBe(2);
    expect(extractMermaidBlocks(markdown, 1).blocks.map((block) => block.token)).toEqual(tokens);
  });

  it('leaves a mermaid fence shown inside another fenced block alone', () => {
    const markdown = ['````markdown', '```mermaid', 'graph TD', '```', '````', '', '```mermaid', 'graph LR', '```'].join('\n');
    const { text, blocks } = extractMermaidBlocks(markdown, 1);
    expect(blocks.map(({ source, line }) => ({ source, line }))).toEqual([{ source: 'graph LR', line: 7 }]);
    expect(text.startsWith('````markdown\n```mermaid\ngraph TD\n```\n````\n')).toBe(true);
  });

  it('accepts tilde fences, longer fences and extra info', () => {
    const markdown = ['~~~~mermaid title="x"', 'graph TD', '~~~', '~~~~', '', '```js', 'const a = 1;', '```'].join('\n');
    const { text, blocks } = extractMermaidBlocks(markdown, 1);
    expect(blocks.map(({ source, line }) => ({ source, line }))).toEqual([{ source: 'graph TD\n~~~', line: 1 }]);
    expect(text).toContain('```js\nconst a = 1;\n```');
  });

  it('does not take a fence whose language only starts with mermaid', () => {
    expect(extractMermaidBlocks('```mermaidx\ngraph TD\n```', 1).blocks).toEqual([]);
  });

  it('removes the fence indentation and keeps the token in its list item', () => {
    const markdown = ['- item', '', '  ```mermaid', '  graph TD', '    A-->B', '  ```'].join('\n');
    const { text, blocks } = extractMermaidBlocks(markdown, 1);
    expect(blocks[0]?.source).toBe('graph TD\n  A-->B');
    expect(text.split('\n')[3]).toBe(`  ${blocks[0]?.token}`);
  });

  it('takes a diagram that follows a paragraph line, keeping the token out of the paragraph', () => {
    const { text, blocks } = extractMermaidBlocks(['Intro.', '```mermaid', 'graph TD', '```', 'After.'].join('\n'), 1);
    expect(text.split('\n')).toEqual(['Intro.', '', blocks[0]?.token, '', 'After.']);
  });

  it('keeps a diagram in a block quote inside it', () => {
    const { text, blocks } = extractMermaidBlocks(['> Quoted:', '>', '> ```mermaid', '> graph TD', '> ```', '> End.'].join('\n'), 1);
    expect(blocks.map(({ source, line }) => ({ source, line }))).toEqual([{ source: 'graph TD', line: 3 }]);
    expect(text.split('\n')).toEqual(['> Quoted:', '>', '>', `> ${blocks[0]?.token}`, '>', '> End.']);
  });

  it('puts the token on the line of a fence that opens a list item', () => {
    const { text, blocks } = extractMermaidBlocks(['- ```mermaid', '  graph TD', '  ```', '- next'].join('\n'), 1);
    expect(text.split('\n')).toEqual([`- ${blocks[0]?.token}`, '', '', '- next']);
  });

  it('does not take indented code or a fence inside an HTML comment', () => {
    expect(extractMermaidBlocks(['Intro.', '', '    ```mermaid', '    graph TD', '    ```'].join('\n'), 1).blocks).toEqual([]);
    expect(extractMermaidBlocks(['<!--', '```mermaid', 'graph TD', '```', '-->'].join('\n'), 1).blocks).toEqual([]);
  });

  it('leaves a body without diagrams as it is', () => {
    const markdown = '# Title\r\n\r\nText about mermaid.';
    expect(extractMermaidBlocks(markdown, 1)).toEqual({ text: markdown, blocks: [] });
  });

  it('takes an unclosed fence to the end of the text, as CommonMark does', () => {
    const { blocks } = extractMermaidBlocks('Intro.\n```mermaid\ngraph TD\nA-->B', 1);
    expect(blocks.map(({ source, line }) => ({ source, line }))).toEqual([{ source: 'graph TD\nA-->B', line: 2 }]);
  });
});

describe('substituteDiagrams', () => {
  it('puts the HTML where each token paragraph was', () => {
    const { text, blocks } = extractMermaidBlocks('Intro.\n```mermaid\na\n```\nMiddle.\n```mermaid\nb\n```', 1);
    const [first, second] = blocks;
    if (!first || !second) throw new Error('expected two blocks');
    // What a Markdown processor makes of `text`.
    const html = text
      .split(/\n{2,}/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map((paragraph) => `<p>${paragraph}</p>`)
      .join('\n');
    const replacements = new Map([
      [first.token, '<svg id="a"></svg>'],
      [second.token, '<svg id="b"></svg>'],
    ]);
    expect(substituteDiagrams(html, replacements)).toBe(
      '<p>Intro.</p>\n<svg id="a"></svg>\n<p>Middle.</p>\n<svg id="b"></svg>',
    );
  });

  it('replaces a bare token, and never a token inside a longer one', () => {
    const replacements = new Map([
      ['TOKN1E', '<svg id="one"></svg>'],
      ['TOKN10E', '<svg id="ten"></svg>'],
    ]);
    expect(substituteDiagrams('<li>TOKN10E</li><li>TOKN1E</li>', replacements)).toBe(
      '<li><svg id="ten"></svg></li><li><svg id="one"></svg></li>',
    );
  });
});
