import { describe, expect, it } from 'vitest';
import { searchFilterValue } from '../../../src/site/escape/search-filter-value.ts';

describe('searchFilterValue', () => {
  it('leaves ordinary names alone', () => {
    expect(searchFilterValue('Platform Team, "Ops" & SRE')).toBe('Platform Team, "Ops" ＆ SRE');
  });

  it('leaves no character that HTML or an entity decoder could make markup of', () => {
    const value = searchFilterValue(`<img src=x onerror="alert('1')"> &lt;b&gt; &amp;lt;i&amp;gt;`);
    expect(value).toMatchInlineSnapshot(`"＜img src=x onerror="alert('1')"＞ ＆lt;b＆gt; ＆amp;lt;i＆amp;gt;"`);
    expect(value).not.toMatch(/[<>&]/);
  });
});
