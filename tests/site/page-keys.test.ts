import { describe, expect, it } from 'vitest';
import { editionReport } from '../../src/core/editions/edition-view.ts';
import { ENTRY_COLLECTIONS } from '../../src/site/routes.ts';
import { indexPageKey } from '../../src/site/page-keys.ts';
import { collectionIndex } from '../../src/site/view/collection-index.ts';
import { paginateIndex } from '../../src/site/view/paginate-index.ts';
import { checkFixture } from '../helpers/fixtures.ts';

const published = (fixture: string) => editionReport(checkFixture(fixture), { edition: 'internal', includeDrafts: false });

/** Every collection index page of a platform: its key and what it shows. */
function indexPages(fixture: string, rowsPerPage?: number): Map<string, { key: string; shown: string }> {
  const report = published(fixture);
  const pages = new Map<string, { key: string; shown: string }>();
  for (const collection of ENTRY_COLLECTIONS) {
    const index = collectionIndex(collection, report);
    for (const page of paginateIndex(index, rowsPerPage)) {
      pages.set(`${collection}/${page.number}`, { key: indexPageKey(report, collection, index.columns, page), shown: JSON.stringify([index.columns, page]) });
    }
  }
  return pages;
}

describe('the cache keys of collection index pages', () => {
  it('are the same for the same platform, and differ between pages', () => {
    const first = indexPages('valid', 1);
    const again = indexPages('valid', 1);
    expect([...again]).toEqual([...first]);
    const keys = [...first.values()].map((page) => page.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('change exactly where what the page shows changes', () => {
    // The service without on-call shows its errors and level on the services index; the other
    // collections' index pages show nothing of it.
    const before = indexPages('valid');
    const after = indexPages('service-without-on-call');
    let changed = 0;
    for (const [page, { key, shown }] of after) {
      const was = before.get(page);
      if (!was) continue;
      expect(key === was.key, page).toBe(shown === was.shown);
      if (key !== was.key) changed++;
    }
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(after.size);
    expect(after.get('services/1')?.key).not.toBe(before.get('services/1')?.key);
  });

  it('change with the edition, whose pages show other entries', () => {
    const report = checkFixture('valid');
    const internal = editionReport(report, { edition: 'internal', includeDrafts: false });
    const publicEdition = editionReport(report, { edition: 'public', includeDrafts: false });
    const key = (edition: typeof internal) => {
      const index = collectionIndex('services', edition);
      return indexPageKey(edition, 'services', index.columns, paginateIndex(index)[0]!);
    };
    expect(key(publicEdition)).not.toBe(key(internal));
  });
});
