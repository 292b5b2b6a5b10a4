import { describe, expect, it } from 'vitest';
import { editionReport } from '../../src/core/editions/edition-view.ts';
import { ENTRY_COLLECTIONS } from '../../src/site/routes.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from '../../src/core/check/run-check.ts';
import { PLANE_DEFINITIONS } from '../../src/core/planes.ts';
import { indexPageKey, plainForm, planePageKey } from '../../src/site/page-keys.ts';
import { collectionIndex } from '../../src/site/view/collection-index.ts';
import { paginateIndex } from '../../src/site/view/paginate-index.ts';
import { checkFixture, freshFixtureRoot, NOW } from '../helpers/fixtures.ts';

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

/** The key of every plane's page, by plane, for a checked platform. */
function planeKeys(report: ReturnType<typeof checkFixture>): Map<string, string> {
  const edition = editionReport(report, { edition: 'internal', includeDrafts: false });
  return new Map(PLANE_DEFINITIONS.map((plane) => [plane.id, planePageKey(edition, plane.id)]));
}

/** The valid platform with one file's text changed, checked. */
function changed(file: string, change: (text: string) => string): ReturnType<typeof checkFixture> {
  const root = freshFixtureRoot('valid');
  const path = join(root, 'content', file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  return runCheck({ root, now: NOW });
}

describe('the cache keys of plane pages', () => {
  it('are the same for the same platform, and differ between planes', () => {
    const keys = planeKeys(checkFixture('valid'));
    expect(planeKeys(checkFixture('valid'))).toEqual(keys);
    expect(new Set(keys.values()).size).toBe(PLANE_DEFINITIONS.length);
  });

  it('change for the plane whose findings change, and only where the page shows the change', () => {
    const before = planeKeys(checkFixture('valid'));
    // The service without on-call has two findings on the Execution plane's entries.
    const after = planeKeys(checkFixture('service-without-on-call'));
    expect(after.get('execution')).not.toBe(before.get('execution'));
    for (const plane of ['identity', 'knowledge', 'proof', 'narrative']) expect(after.get(plane), plane).toBe(before.get(plane));
  });

  it('change with the title of an entry the page lists, not with its body', () => {
    const before = planeKeys(checkFixture('valid'));
    const retitled = planeKeys(changed('articles/what-we-learned.md', (text) => text.replace('title: What we learned', 'title: What we learned, again')));
    expect(retitled.get('narrative')).not.toBe(before.get('narrative'));
    expect(retitled.get('identity')).toBe(before.get('identity'));
    const rewritten = planeKeys(changed('articles/what-we-learned.md', (text) => text.replace('Measuring first paid off.', 'Measuring first paid off, twice.')));
    expect(rewritten).toEqual(before);
  });
});

describe('the form keys are hashed in', () => {
  // What the keys hashed before: JSON with Maps and Sets as arrays, through a replacer.
  const withReplacer = (value: unknown) => JSON.stringify(value, (_, item: unknown) => (item instanceof Map ? [...item] : item instanceof Set ? [...item] : item));

  it('shows Maps and Sets as JSON with a replacer did, at any depth, and leaves the value as it was', () => {
    const value = {
      title: 'API',
      when: new Date('2026-11-26T00:00:00Z'),
      owners: new Set(['owners/platform', 'owners/sre']),
      scores: new Map<string, unknown>([
        ['services/api', { level: 'gold', checks: new Set(['owner', 'runbook']) }],
        ['services/db', null],
      ]),
      rows: [[1, 'a', undefined, new Map([['x', [new Set([2])]]])], { skipped: undefined, fn: () => 1 }],
    };
    const before = withReplacer(value);
    expect(JSON.stringify(plainForm(value))).toBe(before);
    expect(value.owners).toBeInstanceOf(Set);
    expect(withReplacer(value)).toBe(before);
  });

  it('returns plain data as it is, without copying it', () => {
    const plain = { a: [1, { b: 'c' }], d: null };
    expect(plainForm(plain)).toBe(plain);
  });
});
