import { expect, it } from 'vitest';
import { escapeRegExp } from '../../../src/core/text/escape-regexp.ts';

it('escapes every character a RegExp gives meaning to', () => {
  const text = 'a.b*c+d?e^f$g{h}i(j)k|l[m]n\\o';
  expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
  expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false);
});
