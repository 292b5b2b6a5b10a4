import { describe, expect, it } from 'vitest';
import { assignPages, defaultEntryPagesPerIndex, entryPagePath, indexOfPage, inIndexOrder, mergedIndexes, searchLayout } from '../../src/build/search-shards.ts';

describe('the layout of the search indexes', () => {
  it('keeps one index while the entries fit in one', () => {
    expect(searchLayout(0).indexes).toEqual(['pagefind']);
    expect(searchLayout(150).indexes).toEqual(['pagefind']);
    expect(mergedIndexes(searchLayout(150))).toEqual([]);
  });

  it('splits a larger site into the site pages\' index and enough entry indexes', () => {
    expect(searchLayout(151).indexes).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    expect(searchLayout(1_500).indexes).toHaveLength(11);
    expect(mergedIndexes(searchLayout(10, 4))).toEqual(['pagefind-1', 'pagefind-2', 'pagefind-3']);
  });

  it('grows its indexes instead of adding more past fifteen, up to 3,000 entries each', () => {
    expect(defaultEntryPagesPerIndex(2_250)).toBe(150);
    expect(searchLayout(2_250).indexes).toHaveLength(16);
    expect(defaultEntryPagesPerIndex(3_000)).toBe(200);
    expect(searchLayout(3_000).indexes).toHaveLength(16);
    expect(defaultEntryPagesPerIndex(10_000)).toBe(667);
    expect(searchLayout(10_000).indexes).toHaveLength(16);
    expect(defaultEntryPagesPerIndex(30_000)).toBe(2_000);
    expect(searchLayout(45_000).indexes).toHaveLength(16);
    expect(searchLayout(45_001).indexes).toHaveLength(17);
    // An index is only ever added as a site grows, so pages do not move back and forth.
    let before = 0;
    for (let entries = 0; entries <= 80_000; entries += 7) {
      const count = searchLayout(entries).indexes.length;
      expect(count, `${entries} entries`).toBeGreaterThanOrEqual(before);
      before = count;
    }
  });

  it('takes the size it is given instead', () => {
    expect(searchLayout(30_000, 1_000).indexes).toHaveLength(31);
  });

  it('refuses a size that is not a positive whole number', () => {
    for (const size of [0, -1, 1.5, Number.NaN]) expect(() => searchLayout(10, size)).toThrow(/positive whole number/);
  });
});

describe('which index a page goes in', () => {
  const layout = searchLayout(100, 10);

  it('puts site pages in the first index, entry pages in the others', () => {
    for (const page of ['index.html', '404.html', 'services/index.html', 'deployments/page/2/index.html', 'planes/control/index.html', 'model/index.html', 'governance/rules/index.html']) {
      expect(indexOfPage(layout, page)).toBe('pagefind');
    }
    for (const page of ['services/api/index.html', 'deployments/2026-11-26-api/index.html', 'whitepaper/operating-loop/index.html']) {
      expect(indexOfPage(layout, page)).toMatch(/^pagefind-\d+$/);
    }
  });

  it('spreads entry pages over the entry indexes, each page always to the same one', () => {
    const pages = ['model/index.html', ...Array.from({ length: 1_000 }, (_, i) => `deployments/deploy-${i}/index.html`)];
    const groups = assignPages(layout, pages);
    for (const [index, group] of groups) {
      if (index === 'pagefind') expect(group).toEqual(['model/index.html']);
      else expect(group.length).toBeGreaterThan(60);
    }
    expect(assignPages(layout, [...pages].reverse())).toEqual(groups);
    // One page more moves no other page.
    const more = assignPages(layout, [...pages, 'services/new/index.html']);
    for (const [index, group] of groups) expect(more.get(index)!.filter((page) => page !== 'services/new/index.html')).toEqual(group);
  });

  it('leaves no index empty while there are pages enough, whatever the hash says', () => {
    const groups = assignPages(searchLayout(4, 1), ['services/a/index.html', 'services/b/index.html', 'services/c/index.html', 'services/d/index.html', 'index.html']);
    expect([...groups.values()].every((group) => group.length === 1)).toBe(true);
    expect([...groups.values()].flat().sort()).toEqual(['index.html', 'services/a/index.html', 'services/b/index.html', 'services/c/index.html', 'services/d/index.html']);
  });
});

describe('the order entry pages are rendered in', () => {
  const layout = searchLayout(40, 10);
  const paths = Array.from({ length: 40 }, (_, i) => entryPagePath(['services', 'runbooks', 'deployments'][i % 3]!, `entry-${i}`));

  it('lists each index\'s pages together, the indexes in the layout\'s order, each in path order', () => {
    const ordered = inIndexOrder(layout, paths, (path) => path);
    expect([...ordered].sort()).toEqual([...paths].sort());
    const indexes = ordered.map((path) => layout.indexes.indexOf(indexOfPage(layout, path)));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    for (const index of new Set(indexes)) {
      const within = ordered.filter((_, i) => indexes[i] === index);
      expect(within).toEqual([...within].sort());
    }
    // The same pages, given in another order, come out the same.
    expect(inIndexOrder(layout, [...paths].reverse(), (path) => path)).toEqual(ordered);
  });

  it('keeps each index\'s pages as the build assigns them, so each index is done before the next starts', () => {
    const ordered = inIndexOrder(layout, paths, (path) => path);
    // With the site's own pages, which go in the first index (else it would take an entry page).
    const assigned = [...assignPages(layout, ['index.html', ...paths]).values()].flat().filter((path) => path !== 'index.html');
    expect(ordered).toEqual(assigned);
  });

  it('orders the items by their page paths, whatever the items are', () => {
    const items = paths.map((path) => ({ params: { path } }));
    expect(inIndexOrder(layout, items, (item) => item.params.path).map((item) => item.params.path)).toEqual(inIndexOrder(layout, paths, (path) => path));
  });

  it('is path order for a site of one index', () => {
    expect(inIndexOrder(searchLayout(3), ['b/x/index.html', 'a/y/index.html'], (path) => path)).toEqual(['a/y/index.html', 'b/x/index.html']);
  });

  it('names an entry\'s page as the built site does', () => {
    expect(entryPagePath('services', 'api')).toBe('services/api/index.html');
    expect(indexOfPage(layout, entryPagePath('services', 'api'))).not.toBe('pagefind');
  });
});
