import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/core/check/run-check.ts';
import { type EditionReport, editionReport } from '../../src/core/editions/edition-view.ts';
import { fromPortableModel, toPortableModel } from '../../src/core/model/portable-model.ts';
import { entryContentKey } from '../../src/site/page-keys.ts';
import { pageKeysAhead, pageKeysBeside, writePageKeysAhead } from '../../src/site/page-keys-ahead.ts';
import { ENTRY_COLLECTIONS } from '../../src/site/routes.ts';
import { siteDataOf } from '../../src/site/site-data.ts';
import { freshFixtureRoot, NOW } from '../helpers/fixtures.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const scratch = scratchFolders('page-keys-ahead-');
const published = (model: Parameters<typeof editionReport>[0]) => editionReport(model, { edition: 'internal', includeDrafts: false });

describe("the entry pages' keys made in the build's own process", () => {
  it("are those Astro's process would make of the model it revives, one for every entry page", async () => {
    const root = freshFixtureRoot('valid');
    const model = runCheck({ root, now: NOW });
    const file = join(scratch(), 'keys');
    writePageKeysAhead(file, published(model), root, 'content');
    pageKeysBeside(file);
    const ahead = (await pageKeysAhead())!;

    // Astro's process renders from the model as the build plan carries it (src/build/build-plan.ts).
    const revived = published(fromPortableModel(deserialize(serialize(toPortableModel(model)))));
    const site = siteDataOf(revived, root, 'content');
    const pages = ENTRY_COLLECTIONS.flatMap((collection) => revived.graph.collection(collection));
    expect(pages.length).toBeGreaterThan(5);
    expect([...ahead.keys()].sort()).toEqual(pages.map((entry) => entry.key).sort());
    for (const entry of pages) expect(ahead.get(entry.key), entry.key).toBe(entryContentKey(revived, entry, site));
    // No two pages share a key.
    expect(new Set(ahead.values()).size).toBe(ahead.size);
  });

  it('change with what the page shows: a related entry renamed changes the pages that show it', () => {
    const root = freshFixtureRoot('valid');
    const keysOf = () => {
      const report = published(runCheck({ root, now: NOW }));
      const file = join(scratch(), 'keys.json');
      writePageKeysAhead(file, report, root, 'content');
      return new Map((JSON.parse(readFile(file)) as { keys: [string, string][] }).keys);
    };
    const before = keysOf();
    const api = join(root, 'content', 'services', 'api.md');
    writeFileSync(api, readFile(api).replace(/^title: .*$/m, 'title: Renamed API'));
    const after = keysOf();
    const changed = [...after].filter(([key, value]) => before.get(key) !== value).map(([key]) => key);
    expect(changed).toContain('services/api');
    // Its neighbours show its title; an entry that does not reach it keeps its key.
    expect(changed.length).toBeGreaterThan(1);
    expect(changed.length).toBeLessThan(after.size);
  });

  it('are waited for when the file comes after the plan, and written whole', async () => {
    const folder = scratch();
    const file = join(folder, '.multiplane-keys-1');
    pageKeysBeside(file);
    const waiting = pageKeysAhead();
    const root = freshFixtureRoot('valid');
    setTimeout(() => writePageKeysAhead(file, published(runCheck({ root, now: NOW })), root, 'content'), 100);
    expect((await waiting)!.size).toBeGreaterThan(5);
    // The file came through a rename: nothing half-written is left beside it.
    expect(readdirSync(folder)).toEqual(['.multiplane-keys-1']);
  });

  it('leave every page to the route to key when keying fails, so the wait ends', async () => {
    const file = join(scratch(), 'keys');
    const broken = {
      graph: {
        collection() {
          throw new Error('no graph');
        },
      },
      findings: [],
      scores: [],
    } as unknown as EditionReport;
    writePageKeysAhead(file, broken, freshFixtureRoot('valid'), 'content');
    expect(existsSync(file)).toBe(true);
    pageKeysBeside(file);
    expect((await pageKeysAhead())!.size).toBe(0);
  });
});

const readFile = (file: string): string => readFileSync(file, 'utf8');
