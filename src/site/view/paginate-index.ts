import type { CollectionIndex, IndexGroup } from './collection-index.ts';

/**
 * Rows on one page of a collection index. A 10,000-entry platform has thousands of deployments;
 * on one page they made a 2.6 MB document. 200 rows keep a page near 150 KB.
 */
export const INDEX_PAGE_ROWS = 200;

/** A group's rows on one page; a group longer than what is left of the page goes on over the next. */
export interface PageGroup extends IndexGroup {
  /** Rows the whole group has, on every page. */
  readonly total: number;
  /** Whether the group started on an earlier page. */
  readonly continued: boolean;
}

export interface IndexPage {
  /** 1-based. */
  readonly number: number;
  readonly pages: number;
  readonly groups: readonly PageGroup[];
  /** 1-based positions of the page's first and last rows in the whole index (0 and 0 when empty). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRows: number;
}

/**
 * Splits an index into pages of at most `rowsPerPage` rows, in order. Groups stay whole where
 * they fit; a group that does not is split, its later part marked as continued. An empty index
 * is one empty page, so the collection still has its index.
 */
export function paginateIndex(index: CollectionIndex, rowsPerPage: number = INDEX_PAGE_ROWS): IndexPage[] {
  if (!Number.isInteger(rowsPerPage) || rowsPerPage < 1) throw new RangeError(`rowsPerPage must be a positive whole number; got ${rowsPerPage}.`);
  const totalRows = index.groups.reduce((sum, group) => sum + group.rows.length, 0);
  const pages = Math.max(1, Math.ceil(totalRows / rowsPerPage));
  const result: { groups: PageGroup[]; firstRow: number; lastRow: number }[] = Array.from({ length: pages }, () => ({ groups: [], firstRow: 0, lastRow: 0 }));
  let position = 0;
  for (const group of index.groups) {
    for (let start = 0; start < group.rows.length; ) {
      const page = result[Math.floor(position / rowsPerPage)]!;
      const room = rowsPerPage - (position % rowsPerPage);
      const rows = group.rows.slice(start, start + room);
      page.groups.push({ label: group.label, rows, total: group.rows.length, continued: start > 0 });
      if (page.firstRow === 0) page.firstRow = position + 1;
      position += rows.length;
      page.lastRow = position;
      start += rows.length;
    }
  }
  return result.map((page, offset) => ({ number: offset + 1, pages, totalRows, ...page }));
}
