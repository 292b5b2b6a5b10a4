import { describe, expect, it } from 'vitest';
import type { CollectionIndex, IndexRow } from '../../../src/site/view/collection-index.ts';
import { paginateIndex } from '../../../src/site/view/paginate-index.ts';

const rows = (prefix: string, count: number): IndexRow[] =>
  Array.from({ length: count }, (_, offset) => ({ key: `deployments/${prefix}-${offset + 1}`, title: `${prefix} ${offset + 1}`, cells: [], errors: 0, warnings: 0 }));

const index = (...groups: [string, number][]): CollectionIndex => ({
  columns: ['Service'],
  groups: groups.map(([label, count]) => ({ label, rows: rows(label, count) })),
});

/** Each page as its groups: label, rows on the page, whether continued. */
const shape = (pages: ReturnType<typeof paginateIndex>) => pages.map((page) => page.groups.map((group) => [group.label, group.rows.length, group.continued]));

describe('paginating a collection index', () => {
  it('keeps a short index on one page', () => {
    const pages = paginateIndex(index(['2026-11', 3], ['2026-10', 2]), 10);
    expect(shape(pages)).toEqual([[['2026-11', 3, false], ['2026-10', 2, false]]]);
    expect(pages[0]).toMatchObject({ number: 1, pages: 1, firstRow: 1, lastRow: 5, totalRows: 5 });
  });

  it('fills each page to the limit, continuing a group on the next page', () => {
    const pages = paginateIndex(index(['2026-11', 4], ['2026-10', 7], ['2026-09', 1]), 5);
    expect(shape(pages)).toEqual([
      [['2026-11', 4, false], ['2026-10', 1, false]],
      [['2026-10', 5, true]],
      [['2026-10', 1, true], ['2026-09', 1, false]],
    ]);
    expect(pages.map((page) => [page.number, page.pages, page.firstRow, page.lastRow])).toEqual([
      [1, 3, 1, 5],
      [2, 3, 6, 10],
      [3, 3, 11, 12],
    ]);
    // Headings keep the whole group's count on every page it spans.
    expect(pages[1]?.groups[0]?.total).toBe(7);
  });

  it('keeps every row exactly once, in order', () => {
    const whole = index(['a', 17], ['b', 1], ['c', 40]);
    const keys = paginateIndex(whole, 7).flatMap((page) => page.groups.flatMap((group) => group.rows.map((row) => row.key)));
    expect(keys).toEqual(whole.groups.flatMap((group) => group.rows.map((row) => row.key)));
  });

  it('gives an empty collection one empty page', () => {
    expect(paginateIndex(index(), 10)).toEqual([{ number: 1, pages: 1, groups: [], firstRow: 0, lastRow: 0, totalRows: 0 }]);
  });

  it('refuses a page size that is not a positive whole number', () => {
    expect(() => paginateIndex(index(['a', 1]), 0)).toThrow(/positive whole number/);
  });
});
