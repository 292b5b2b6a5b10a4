import { describe, expect, it } from 'vitest';
import { convertMkdocsBlocks } from '../../../src/importers/body/mkdocs-blocks.ts';
import { joinLines, sourceLines } from '../../../src/importers/body/source-lines.ts';

const convert = (lines: string[], firstLine = 1) => {
  const result = convertMkdocsBlocks(sourceLines(lines.join('\n'), firstLine));
  return { ...result, text: joinLines(result.lines) };
};

describe('convertMkdocsBlocks', () => {
  it('turns an admonition into a Starlight aside, its title the label', () => {
    const result = convert(['Before.', '!!! warning "Security Incident?"', '    If this is a security incident,', '    follow the process.', '', 'After.']);
    expect(result.text).toMatchInlineSnapshot(`
      "Before.

      :::caution[Security Incident?]
      If this is a security incident,
      follow the process.
      :::

      After."
    `);
    expect(result.counts).toMatchObject({ admonitions: 1, collapsible: 0 });
    // Every line still knows the source line it came from.
    expect(result.lines.map((line) => line.line)).toEqual([1, 2, 2, 3, 4, 4, 5, 6]);
  });

  it('picks the variant by type, keeping a type Starlight lacks as the title', () => {
    const result = convert(['!!! tip', '    Tip.', '', '!!! question', '    Q?', '', '!!! bug ""', '    Broken.', '', '???+ aside hide-arrow "A theme\'s own [type]"', '     Kept.']);
    expect(result.text).toMatchInlineSnapshot(`
      ":::tip
      Tip.
      :::

      :::note[Question]
      Q?
      :::

      :::danger
      Broken.
      :::

      :::note[A theme's own \\[type\\]]
      Kept.
      :::"
    `);
    expect(result.counts).toMatchObject({ admonitions: 4, collapsible: 1 });
  });

  it('nests asides with more colons outside, inside list items too', () => {
    const result = convert(['- item', '', '    !!! note "Outer"', '        Text.', '', '        !!! danger "Inner"', '            Careful.']);
    expect(result.text).toMatchInlineSnapshot(`
      "- item

          ::::note[Outer]
          Text.

          :::danger[Inner]
          Careful.
          :::
          ::::"
    `);
  });

  it('turns content tabs into <details> sections, the selected or else the first one open', () => {
    const result = convert(['=== "macOS"', '    brew install x', '', '===+ "Linux"', '    apt install x', 'Done.']);
    expect(result.text).toMatchInlineSnapshot(`
      "<details>
      <summary>macOS</summary>

      brew install x

      </details>

      <details open>
      <summary>Linux</summary>

      apt install x

      </details>

      Done."
    `);
    expect(result.counts).toMatchObject({ tabs: 1 });
  });

  it('leaves fenced code alone and reports block syntax it does not understand', () => {
    const result = convert(['```', '!!! note', '    not an admonition', '```', '!!!', '=== missing quotes'], 10);
    expect(result.text).toContain('```\n!!! note\n    not an admonition\n```');
    expect(result.problems).toEqual([
      { line: 14, what: 'MkDocs block `!!!`', why: 'not an admonition or tab Multiplane understands; left as text' },
      { line: 15, what: 'MkDocs block `=== missing quotes`', why: 'not an admonition or tab Multiplane understands; left as text' },
    ]);
  });
});
