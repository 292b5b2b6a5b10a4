import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { checkContentAhead } from '../../../src/core/check/check-content.ts';
import type { LoadedContent } from '../../../src/core/content/content-store.ts';
import { fromPortableModel, reviveEntries, toPortableEntries, toPortableModel } from '../../../src/core/model/portable-model.ts';
import { scratchFolders } from '../../helpers/scratch-files.ts';
import { editionReport } from '../../../src/core/editions/edition-view.ts';
import { buildCatalog } from '../../../src/site/catalog.ts';

const VALID = join(import.meta.dirname, '..', '..', 'fixtures', 'valid');
const scratch = scratchFolders('portable-model-');

/** What crosses to Astro's process: V8's serialization, as the build plan is written. */
const across = <T>(value: T): T => deserialize(serialize(value)) as T;

describe('a model handed to another process', () => {
  it('is the same whether its entries come in the plan or ahead of it, as soon as the content is loaded', async () => {
    const root = scratch();
    cpSync(VALID, root, { recursive: true });
    let loaded: LoadedContent | undefined;
    const { ahead: model } = await checkContentAhead({ root, now: new Date('2026-11-26T00:00:00Z'), onLoaded: (content) => (loaded = content) });
    // Told before the rules ran, with the very entries the model holds.
    expect(loaded?.entries).toBe(model.content.entries);

    const whole = fromPortableModel(across(toPortableModel(model)));
    const plan = across(toPortableModel(model, { entriesAhead: true }));
    expect(plan.content.entries).toEqual([]);
    const split = fromPortableModel(plan, reviveEntries(across(toPortableEntries(loaded!))));

    // Each entry's locator is a function of its own: compared by what it finds, below.
    const plain = (entries: readonly { locator: unknown }[]) => entries.map(({ locator: _locator, ...entry }) => entry);
    expect(plain(split.content.entries)).toEqual(plain(whole.content.entries));
    expect([...split.content.rejected]).toEqual([...whole.content.rejected]);
    expect([...split.graph.entries.keys()]).toEqual([...whole.graph.entries.keys()]);
    for (const key of whole.graph.entries.keys()) expect(split.graph.links(key)).toEqual(whole.graph.links(key));
    expect(split.findings).toEqual(whole.findings);
    expect(split.openLoops.map((entry) => entry.key)).toEqual(whole.openLoops.map((entry) => entry.key));
    // A revived entry finds the line of a field again, as the check's did.
    const api = split.graph.get('services/api')!;
    expect(api.locator.lineOf(['title'])).toBe(model.graph.get('services/api')!.locator.lineOf(['title']));
  });

  it('leaves behind what only the rules read, and the site shows the same of it', async () => {
    const root = scratch();
    cpSync(VALID, root, { recursive: true });
    const { ahead: model } = await checkContentAhead({ root, now: new Date('2026-11-26T00:00:00Z') });
    const handed = across(toPortableEntries(model.content));
    for (const entry of handed.entries) {
      expect(entry).not.toHaveProperty('raw');
      expect(entry.facts).not.toHaveProperty('paragraphStarts');
    }
    const revived = fromPortableModel(across(toPortableModel(model, { entriesAhead: true })), reviveEntries(handed));
    // The catalog shows every entry's fields, relations, findings and metrics.
    const published = (of: typeof model) => editionReport(of, { edition: 'internal', includeDrafts: false });
    expect(buildCatalog(published(revived), (key) => key)).toEqual(buildCatalog(published(model), (key) => key));
    const publicEdition = (of: typeof model) => editionReport(of, { edition: 'public', includeDrafts: false });
    expect(buildCatalog(publicEdition(revived), (key) => key)).toEqual(buildCatalog(publicEdition(model), (key) => key));
  });
});
