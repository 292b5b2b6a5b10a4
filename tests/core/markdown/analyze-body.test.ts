import { describe, expect, it } from 'vitest';
import { analyzeBody } from '../../../src/core/markdown/analyze-body.ts';
import { hasHeading, sectionHasContent, shiftFacts } from '../../../src/core/markdown/body-facts.ts';

const body = (...lines: string[]) => lines.join('\n');
const headingsOf = (text: string, firstLine = 1) => analyzeBody(text, firstLine).headings.map(({ depth, text: title, line }) => ({ depth, text: title, line }));

describe('analyzeBody: headings', () => {
  it('finds ATX and setext headings with their file lines', () => {
    const text = body('# Runbook', '', 'Symptoms', '========', '', 'Diagnosis  ', '---------', '', '### The *real* `cause` ###', 'Two-line', 'setext', '---');
    expect(headingsOf(text, 7)).toEqual([
      { depth: 1, text: 'Runbook', line: 7 },
      { depth: 1, text: 'Symptoms', line: 9 },
      { depth: 2, text: 'Diagnosis', line: 12 },
      { depth: 3, text: 'The real cause', line: 15 },
      { depth: 2, text: 'Two-line setext', line: 16 },
    ]);
  });

  it('ignores headings inside fenced code: backticks, tildes, longer fences and fences in lists', () => {
    const text = body(
      '```md',
      '# Not a heading',
      '```',
      '~~~',
      '## Nor this',
      '~~~',
      '````markdown',
      '```',
      '# Nor this, in a fence shown in a fence',
      '```',
      '````',
      '- item',
      '',
      '  ```',
      '  # Nor this, in a list item',
      '  ```',
      '',
      '## Real',
      '    # Nor this: indented code',
    );
    expect(headingsOf(text)).toEqual([{ depth: 2, text: 'Real', line: 18 }]);
  });

  it('says which sections have content, counting subsections and not link definitions or comments', () => {
    const text = body(
      '## Empty',
      '<!-- to do -->',
      '[ref]: https://example.com',
      '## Parent',
      '### Child',
      'Text.',
      '## Only a sub-heading',
      '### Empty child',
      '## Table',
      '| a |',
      '| - |',
      '## Code',
      '```sh',
      'ls',
      '```',
      '## List',
      '- a',
    );
    expect(analyzeBody(text, 1).headings.map((heading) => `${heading.text}: ${heading.hasContent}`)).toEqual([
      'Empty: false',
      'Parent: true',
      'Child: true',
      'Only a sub-heading: false',
      'Empty child: false',
      'Table: true',
      'Code: true',
      'List: true',
    ]);
  });

  it('answers hasHeading and sectionHasContent case-insensitively', () => {
    const facts = analyzeBody(body('## Postmortem', '', '## Timeline', 'At 10:00.'), 1);
    expect([hasHeading(facts, 'postmortem'), hasHeading(facts, ' TIMELINE '), hasHeading(facts, 'Impact')]).toEqual([true, true, false]);
    expect([sectionHasContent(facts, 'POSTMORTEM'), sectionHasContent(facts, 'timeline'), sectionHasContent(facts, 'Impact')]).toEqual([false, true, false]);
  });

  it('takes as title only a level-one heading that opens the body', () => {
    expect(analyzeBody(body('', 'Title', '=====', '', 'Text.'), 1).title).toBe('Title');
    expect(analyzeBody(body('Intro.', '', '# Later'), 1).title).toBeUndefined();
    expect(analyzeBody(body('## Section', '', '# Later'), 1).title).toBeUndefined();
  });
});

describe('analyzeBody: links', () => {
  it('finds inline, reference, image, autolink and definition links at the line and column of their destination', () => {
    const text = body(
      'See [the API](services/api.md "API") and [the DB][db].',
      '![Diagram](img/flow.png) <https://example.com/a> www.example.org',
      '',
      '[db]:',
      '  services/db.md',
    );
    expect(analyzeBody(text, 10).links).toEqual([
      { url: 'services/api.md', kind: 'link', line: 10, column: 15 },
      { url: 'services/db.md', kind: 'link', line: 10, column: 42 },
      { url: 'img/flow.png', kind: 'image', line: 11, column: 12 },
      { url: 'https://example.com/a', kind: 'link', line: 11, column: 26 },
      { url: 'http://www.example.org', kind: 'link', line: 11, column: 50 },
      { url: 'services/db.md', kind: 'definition', line: 14, column: 3 },
    ]);
  });

  it('finds links in table cells and href and src in raw HTML, not in code', () => {
    const text = body(
      '| Service | Runbook |',
      '| --- | --- |',
      '| api | [restart](runbooks/restart.md) |',
      '',
      '<p>',
      '  <a href="runbooks/a.md">A</a> <img src=\'b.png\' alt="">',
      '</p>',
      '',
      'Inline <a href=c.md>c</a> and `[code](x.md)`.',
      '',
      '```',
      '[fenced](y.md)',
      '```',
    );
    expect(analyzeBody(text, 1).links).toEqual([
      { url: 'runbooks/restart.md', kind: 'link', line: 3, column: 19 },
      { url: 'runbooks/a.md', kind: 'html', line: 6, column: 6 },
      { url: 'b.png', kind: 'html', line: 6, column: 38 },
      { url: 'c.md', kind: 'html', line: 9, column: 11 },
    ]);
  });

  it('places a literal URL after a bracket at its own line and column', () => {
    // micromark gave such a link no position, and it was reported at the body's first line.
    const text = body('Intro.', '', ':::caution[<img src=https://img.invalid/x onerror=z()>]', 'A title.', ':::');
    expect(analyzeBody(text, 10).links).toEqual([{ url: 'https://img.invalid/x', kind: 'link', line: 12, column: 21 }]);
  });
});

describe('analyzeBody: code and paragraphs', () => {
  it('records code blocks and Mermaid diagrams with the line of their opening fence', () => {
    const text = body('Intro.', '~~~~sh title="x"', 'ls', '~~~~', '', '    ```indented', '', '- item', '', '  ```mermaid', '  graph TD', '    A-->B', '  ```');
    const facts = analyzeBody(text, 5);
    expect(facts.code).toEqual([
      { lang: 'sh', meta: 'title="x"', line: 6, endLine: 8, fenced: true, value: 'ls' },
      { line: 10, endLine: 10, fenced: false, value: '```indented' },
      { lang: 'mermaid', line: 14, endLine: 17, fenced: true, value: 'graph TD\n  A-->B' },
    ]);
    expect(facts.mermaid).toEqual([{ source: 'graph TD\n  A-->B', line: 14 }]);
  });

  it('takes an unclosed fence to the end of the body, and only the language mermaid as a diagram', () => {
    const facts = analyzeBody(body('```mermaidx', 'graph TD', '```', '', '```mermaid', 'graph LR'), 1);
    expect(facts.mermaid).toEqual([{ source: 'graph LR', line: 5 }]);
    expect(facts.code.at(-1)).toMatchObject({ line: 5, endLine: 6 });
  });

  it('gives the first line of each paragraph, list item and quote, outside code', () => {
    const text = body('TODO: say what this is for.', 'Second line.', '', '- TODO: the rollback command.', '> TODO: quoted', '', '```', 'TODO: in code', '```', '', `${'x'.repeat(100)}`);
    expect(analyzeBody(text, 3).paragraphStarts).toEqual([
      { text: 'TODO: say what this is for.', line: 3 },
      { text: 'TODO: the rollback command.', line: 6 },
      { text: 'TODO: quoted', line: 7 },
      { text: 'x'.repeat(80), line: 13 },
    ]);
  });
});

describe('analyzeBody: MDX', () => {
  it('reads JSX, expressions and imports in MDX mode', () => {
    const text = body("import { Card } from '@astrojs/starlight/components';", '', '# Chapter', '', '## Empty', '{/* a comment */}', '', '## Card', '<Card href="/services/api/" />');
    const facts = analyzeBody(text, 4, { mdx: true });
    expect(facts.title).toBe('Chapter');
    expect(facts.headings.map((heading) => `${heading.text}: ${heading.hasContent}`)).toEqual(['Chapter: true', 'Empty: false', 'Card: true']);
    expect(facts.links).toEqual([{ url: '/services/api/', kind: 'html', line: 12, column: 1 }]);
    expect(facts.parseError).toBeUndefined();
  });

  it('reports MDX that does not parse, at the file line of the expression, and reads the body as Markdown instead', () => {
    const facts = analyzeBody(body('# Chapter', '', 'A {broken expression', '', '## Next'), 10, { mdx: true });
    expect(facts.parseError).toMatchInlineSnapshot(`
      {
        "line": 12,
        "message": "Unexpected end of file in expression, expected a corresponding closing brace for \`{\`",
      }
    `);
    expect(facts.headings.map((heading) => heading.text)).toEqual(['Chapter', 'Next']);
  });

  it('reads the same text as Markdown without the option', () => {
    expect(analyzeBody('A {brace} and <b>html</b>.', 1).parseError).toBeUndefined();
  });
});

describe('shiftFacts', () => {
  it('moves every line and leaves columns alone', () => {
    const text = body('# T', '[a](b.md)', '```mermaid', 'x', '```');
    expect(shiftFacts(analyzeBody(text, 1), 9)).toEqual(analyzeBody(text, 10));
  });
});
