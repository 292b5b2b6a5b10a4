import { describe, expect, it } from 'vitest';
import { convertRawHtml } from '../../../src/importers/body/raw-html.ts';
import { joinLines, sourceLines } from '../../../src/importers/body/source-lines.ts';
import { findUnconverted } from '../../../src/importers/body/unconverted.ts';

describe('convertRawHtml', () => {
  it('turns embedded frames into links, removes inputs (reported once) and attribute lists', () => {
    const result = convertRawHtml(
      sourceLines(
        [
          '<iframe width="560" src="https://www.youtube.com/embed/x" allowfullscreen></iframe>',
          '<input type="checkbox" id="1" /><label for="1">![1](a.png)</label>',
          '[Reading](https://example.com){:target="_blank" }',
          '<input type="checkbox" id="2">',
          '```html',
          '<input type="text">',
          '```',
        ].join('\n'),
        10,
      ),
    );
    expect(joinLines(result.lines)).toBe(
      [
        '<a href="https://www.youtube.com/embed/x">https://www.youtube.com/embed/x</a>',
        '<label for="1">![1](a.png)</label>',
        '[Reading](https://example.com)',
        '',
        '```html',
        '<input type="text">',
        '```',
      ].join('\n'),
    );
    expect(result.counts).toEqual({ frames: 1, attributeLists: 1 });
    expect(result.problems).toEqual([
      { line: 11, what: 'raw HTML <input> (2 of them, on lines 11, 13)', why: 'removed: a page may not take input, so what the old site built on them (click to enlarge, toggles) does not come along' },
    ]);
  });
});

describe('findUnconverted', () => {
  it('reports what the site would show as text or drop, at its source line, outside code', () => {
    const problems = findUnconverted(
      sourceLines(
        [
          'How {{.Name}} runs.',
          '\\textbf{bold}',
          '{.wide}',
          '--8<-- "snippet.md"',
          '[TOC]',
          '<script>alert(1)</script>',
          '??? note',
          '```',
          '{{.Name}} in code',
          '```',
        ].join('\n'),
        40,
      ),
    );
    expect(problems.map((problem) => `${problem.line}: ${problem.what}`)).toEqual([
      '40: template placeholder `{{.Name}}`',
      '41: LaTeX command `\\textbf{bold}`',
      '42: attribute list `{.wide}`',
      '43: snippet include `--8<--`',
      '44: `[TOC]` marker',
      '45: raw HTML <script>',
    ]);
  });
});
