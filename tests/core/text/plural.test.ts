import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/core/text/plural.ts';

describe('plural', () => {
  it('uses the singular for one and the plural otherwise, zero included', () => {
    expect([0, 1, 2].map((count) => plural(count, 'warning'))).toEqual(['0 warnings', '1 warning', '2 warnings']);
  });

  it('takes an irregular plural', () => {
    expect([1, 2].map((count) => plural(count, 'entry', 'entries'))).toEqual(['1 entry', '2 entries']);
  });

  it('groups thousands', () => {
    expect(plural(12_500, 'page')).toBe('12,500 pages');
    expect(plural(1_234_567, 'row')).toBe('1,234,567 rows');
    expect(plural(999, 'row')).toBe('999 rows');
  });
});
