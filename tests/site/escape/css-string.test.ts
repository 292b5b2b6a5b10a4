import { describe, expect, it } from 'vitest';
import { cssString } from '../../../src/site/escape/css-string.ts';

/** Reads a CSS string back the way a CSS tokenizer does (hex escapes eat one trailing space). */
function readCssString(css: string): string {
  expect(css.startsWith('"') && css.endsWith('"')).toBe(true);
  return css.slice(1, -1).replace(/\\([0-9a-f]{1,6}) ?|\\(.)/gis, (_, hex: string | undefined, char: string | undefined) =>
    hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : (char ?? ''),
  );
}

const HOSTILE = [
  '</style><script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; } body { display: none } /*",
  'back\\slash \\3c  and \\',
  'line\nbreak\r\nand\ttab\fform feed',
  '</STYLE  ><svg onload=alert(1)>',
  'R&D — Ünïcödé, עברית, 東京',
];

describe('cssString', () => {
  it('quotes plain text as it is', () => {
    expect(cssString('Fixture Mesh 2026.11')).toBe('"Fixture Mesh 2026.11"');
  });

  it('escapes what could close the string or the style element', () => {
    expect(cssString('</style>"\\\n')).toMatchInlineSnapshot(`""\\3c /style\\3e \\22 \\5c \\a ""`);
  });

  for (const text of HOSTILE) {
    it(`keeps ${JSON.stringify(text)} inside one CSS string`, () => {
      const css = cssString(text);
      expect(css).not.toMatch(/[<>\n\r\f\t]/);
      // No quote inside the string's delimiters, so nothing ends it early.
      expect(css.slice(1, -1)).not.toMatch(/["']/);
      expect(readCssString(css)).toBe(text);
    });
  }

  it('turns NUL into the replacement character, as a CSS parser would', () => {
    expect(cssString('a\u0000b')).toBe('"a\ufffdb"');
  });
});
