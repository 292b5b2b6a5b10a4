import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeBuildPlan } from '../../src/build/build-plan.ts';
import { entryKeyPartsAside } from '../../src/build/entry-key-parts.ts';
import { checkContent } from '../../src/core/check/check-content.ts';
import { editionReport } from '../../src/core/editions/edition-view.ts';
import { fromPortableModel, toPortableModel } from '../../src/core/model/portable-model.ts';
import { LiveModel } from '../../src/integration/live-model.ts';
import { resolveOptions } from '../../src/integration/options.ts';
import { entryKeyPart, entryPageKey, siteKey } from '../../src/site/page-keys.ts';
import { ENTRY_COLLECTIONS } from '../../src/site/routes.ts';
import { siteState } from '../../src/site/site-state.ts';
import { fixtureRoot, NOW } from '../helpers/fixtures.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const folderWith = scratchFolders('key-parts');

describe('the entry pages’ key parts worked out beside Astro', () => {
  it('are, for every published entry of the edition, what the pages would work out themselves', { timeout: 60_000 }, async () => {
    const root = fixtureRoot('valid');
    for (const edition of ['internal', 'public'] as const) {
      const portable = toPortableModel(await checkContent({ root, now: NOW }));
      const planFile = join(folderWith({}), 'plan');
      const work = join(root, 'never-built');
      writeBuildPlan(planFile, {
        root,
        outDir: work,
        cacheDir: work,
        keptPages: work,
        contentDir: 'content',
        edition,
        now: NOW,
        marksFile: join(work, 'marks'),
        mergedSearchIndexes: [],
        diagramsDrawn: join(work, 'diagrams'),
        model: portable,
      });
      const parts = await entryKeyPartsAside(planFile);
      expect(parts).toBeDefined();

      // As Astro's process publishes the plan's model (src/build/astro-process.ts).
      const model = fromPortableModel(portable);
      await new LiveModel(root, resolveOptions({ contentDir: 'content', edition, model, now: NOW }), false).publish();
      const { report } = siteState();
      const published = [...report.graph.entries.values()].filter((entry) => (ENTRY_COLLECTIONS as readonly string[]).includes(entry.collection));
      if (edition === 'internal') expect(published.length).toBeGreaterThan(5);
      expect([...parts!.keys()].sort()).toEqual(published.map((entry) => entry.key).sort());
      for (const entry of published) {
        expect(parts!.get(entry.key), entry.key).toBe(entryKeyPart(report, entry));
        expect(entryPageKey(report, entry, parts!.get(entry.key))).toBe(`${siteKey(report)}.${entryKeyPart(report, entry)}`);
      }
      // The public edition leaves internal entries out, and their pages with them.
      if (edition === 'public') expect(published.length).toBeLessThan(editionReport(model, { edition: 'internal', includeDrafts: false }).graph.entries.size - 1);
    }
  });

  it('are none when the plan cannot be read, and the pages work out their own', async () => {
    expect(await entryKeyPartsAside(join(folderWith({}), 'missing-plan'))).toBeUndefined();
  });
});
