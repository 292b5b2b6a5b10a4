import { describe, expect, it } from 'vitest';
import { convertPandocConstructs, fillPlaceholders } from '../../../src/importers/body/pandoc-constructs.ts';
import { joinLines, sourceLines } from '../../../src/importers/body/source-lines.ts';

const convert = (lines: string[], firstLine = 1) => {
  const result = convertPandocConstructs(sourceLines(lines.join('\n'), firstLine));
  return { ...result, text: joinLines(result.lines) };
};

describe('convertPandocConstructs', () => {
  it('turns a grid table into a pipe table, joining each cell\'s lines and dropping empty rows', () => {
    const result = convert([
      '+--------+-------------+',
      '| **Level** | **Meaning** |',
      '| **name** |             |',
      '+========+=============+',
      '| Low    | Nothing to  |',
      '|        | do a | b    |',
      '+--------+-------------+',
      '|        |             |',
      '+--------+-------------+',
      '| High   | Act now     |',
      '+--------+-------------+',
    ]);
    // A pipe inside a cell splits it: this table has a row with three cells, so it stays.
    expect(result.problems.map((problem) => problem.what)).toEqual(['pandoc grid table (lines 1–11)']);
    const clean = convert(['+-----+-----+', '| A   | B   |', '+=====+=====+', '| one | two |', '|     | 2   |', '+-----+-----+'], 20);
    expect(clean.text).toMatchInlineSnapshot(`
      "| A | B |
      | --- | --- |
      | one | two 2 |"
    `);
    expect(clean.lines.map((line) => line.line)).toEqual([21, 21, 23]);
    expect(clean.counts).toMatchObject({ tables: 1 });
  });

  it('reports a table with merged cells, at its first line, and leaves it as it is', () => {
    const table = ['+-----+-----+', '| A         |', '+-----+-----+', '| one | two |', '+-----+-----+'];
    const result = convert(['Intro.', '', ...table], 5);
    expect(result.text).toBe(['Intro.', '', ...table].join('\n'));
    expect(result.problems).toEqual([
      { line: 7, what: 'pandoc grid table (lines 7–11)', why: 'it has merged cells, which Markdown tables cannot hold; left as text: rewrite it as a list or a simpler table' },
    ]);
  });

  it('removes page breaks, reporting each', () => {
    const result = convert(['One.', ' \\pagebreak ', 'Two.', '\\newpage'], 3);
    expect(result.text).toBe('One.\nTwo.');
    expect(result.problems.map((problem) => [problem.line, problem.what])).toEqual([
      [4, '`\\pagebreak`'],
      [6, '`\\newpage`'],
    ]);
  });

  it('numbers lettered and roman list items, so their indented sub-items are lists, not code', () => {
    const result = convert(['a. *During onboarding:*', '', '    i. Hiring Manager informs HR.', '', '    ii. HR emails IT.', 'e.g. this stays', '#Policy']);
    expect(result.text).toMatchInlineSnapshot(`
      "1. *During onboarding:*

          1. Hiring Manager informs HR.

          1. HR emails IT.
      e.g. this stays
      # Policy"
    `);
    expect(result.counts).toMatchObject({ lists: 3 });
  });

  it('leaves code alone', () => {
    const text = ['```', 'a. not a list', '\\pagebreak', '```'].join('\n');
    expect(convert(text.split('\n')).text).toBe(text);
  });
});

describe('fillPlaceholders', () => {
  it('fills the placeholders comply.yml has values for, leaving the others', () => {
    const { lines, filled } = fillPlaceholders(sourceLines('{{.Name}} runs {{ .Name }}; {{.Other}} stays.', 1), { Name: 'Acme' });
    expect(joinLines(lines)).toBe('Acme runs Acme; {{.Other}} stays.');
    expect(filled).toBe(2);
  });
});
