import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { sideFileFor } from '../../src/build/output-swap.ts';
import { writeSiteAhead } from '../../src/build/site-step.ts';
import { runCheck } from '../../src/core/check/run-check.ts';
import { type EditionReport, editionReport } from '../../src/core/editions/edition-view.ts';
import { fromPortableModel, toPortableModel } from '../../src/core/model/portable-model.ts';
import { commitDatesAhead, handedAheadIn, pageKeysAhead, writeHandedAhead } from '../../src/site/handed-ahead.ts';
import { entryContentKey } from '../../src/site/page-keys.ts';
import { ENTRY_COLLECTIONS } from '../../src/site/routes.ts';
import { siteDataOf } from '../../src/site/site-data.ts';
import { freshFixtureRoot, NOW } from '../helpers/fixtures.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const scratch = scratchFolders('handed-ahead-');
const published = (model: Parameters<typeof editionReport>[0]) => editionReport(model, { edition: 'internal', includeDrafts: false });

/** A copy of the valid platform, committed once, so its files have commit dates. */
function committedRoot(): string {
  const root = freshFixtureRoot('valid');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_DATE: '2026-10-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-10-01T12:00:00Z' } });
  git('init', '-q');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'add', 'content');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'content');
  return root;
}

/** What the build hands ahead for `root`'s checked platform, as Astro's process reads it. */
async function handedFor(root: string, report: EditionReport = published(runCheck({ root, now: NOW }))) {
  const staging = join(scratch(), 'site');
  writeSiteAhead(staging, report, root, undefined);
  handedAheadIn(sideFileFor(staging, 'ahead'));
  return { keys: (await pageKeysAhead())!, lastUpdated: commitDatesAhead() };
}

describe('what the build hands the site ahead', () => {
  it("holds the keys Astro's process would make of the model it revives, one for every entry page, and the content's commit dates", async () => {
    const root = committedRoot();
    const model = runCheck({ root, now: NOW });
    const { keys, lastUpdated } = await handedFor(root, published(model));

    // Astro's process renders from the model as the build plan carries it (src/build/build-plan.ts),
    // and, once the file is read, with its dates rather than git's.
    const revived = published(fromPortableModel(deserialize(serialize(toPortableModel(model)))));
    const site = siteDataOf(revived, root, 'content');
    expect(lastUpdated?.size).toBeGreaterThan(5);
    expect([...lastUpdated!].map(([file, date]) => [file, date.toISOString()])).toEqual([...site.lastUpdated].map(([file, date]) => [file, date.toISOString()]));
    expect(lastUpdated!.get('content/services/api.md')?.toISOString()).toBe('2026-10-01T12:00:00.000Z');
    const pages = ENTRY_COLLECTIONS.flatMap((collection) => revived.graph.collection(collection));
    expect(pages.length).toBeGreaterThan(5);
    expect([...keys.keys()].sort()).toEqual(pages.map((entry) => entry.key).sort());
    for (const entry of pages) expect(keys.get(entry.key), entry.key).toBe(entryContentKey(revived, entry, site));
    // No two pages share a key.
    expect(new Set(keys.values()).size).toBe(keys.size);
  });

  it('change with what the page shows: a related entry renamed changes the pages that show it', async () => {
    const root = freshFixtureRoot('valid');
    const before = (await handedFor(root)).keys;
    const api = join(root, 'content', 'services', 'api.md');
    writeFileSync(api, readFileSync(api, 'utf8').replace(/^title: .*$/m, 'title: Renamed API'));
    const after = (await handedFor(root)).keys;
    const changed = [...after].filter(([key, value]) => before.get(key) !== value).map(([key]) => key);
    expect(changed).toContain('services/api');
    // Its neighbours show its title; an entry that does not reach it keeps its key.
    expect(changed.length).toBeGreaterThan(1);
    expect(changed.length).toBeLessThan(after.size);
  });

  it('are waited for when the file comes after the plan, and written whole', async () => {
    const folder = scratch();
    const file = join(folder, '.multiplane-ahead-1');
    handedAheadIn(file);
    const waiting = pageKeysAhead();
    expect(commitDatesAhead()).toBeUndefined();
    setTimeout(() => writeHandedAhead(file, { keys: new Map([['services/api', 'k1']]), lastUpdated: new Map([['content/services/api.md', new Date('2026-10-01T00:00:00Z')]]) }), 100);
    expect([...(await waiting)!]).toEqual([['services/api', 'k1']]);
    expect(commitDatesAhead()?.get('content/services/api.md')?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    // The file came through a rename: nothing half-written is left beside it.
    expect(readdirSync(folder)).toEqual(['.multiplane-ahead-1']);
  });

  it('leaves the site to make everything itself when making it failed, so the wait ends', async () => {
    const broken = {
      graph: {
        collection() {
          throw new Error('no graph');
        },
      },
      findings: [],
      scores: [],
    } as unknown as EditionReport;
    const { keys, lastUpdated } = await handedFor(freshFixtureRoot('valid'), broken);
    expect(keys.size).toBe(0);
    expect(lastUpdated).toBeUndefined();
  });
});
