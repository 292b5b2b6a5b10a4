import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/core/check/check-content.ts';
import { fromPortableModel, toPortableModel } from '../../src/core/model/portable-model.ts';
import { entryLoader } from '../../src/integration/entry-loader.ts';
import { LiveModel } from '../../src/integration/live-model.ts';
import { resolveOptions } from '../../src/integration/options.ts';
import { bodyFileOf, readBody, storedHeadings } from '../../src/site/entry-bodies.ts';
import { offSiteState } from '../../src/site/site-state.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const VALID = join(import.meta.dirname, '..', 'fixtures', 'valid');

type Stored = Parameters<LoaderContext['store']['set']>[0];

/** As much of Astro's loader context as the entry loader uses: a store in a Map, a Markdown renderer that counts its calls. */
function loaderContext(cacheDir: string) {
  const records = new Map<string, Stored>();
  const rendered: string[] = [];
  const store = {
    get: (id: string) => records.get(id),
    set: (record: Stored) => (records.set(record.id, record), true),
    delete: (id: string) => void records.delete(id),
    keys: () => [...records.keys()],
    values: () => [...records.values()],
    addModuleImport: () => {},
  };
  const context = {
    store,
    renderMarkdown: async (text: string) => {
      rendered.push(text);
      // As Astro's renderer answers: the headings, and the images and frontmatter a body in a file has none of.
      return { html: `<p>${text.length} characters</p>`, metadata: { headings: [{ depth: 2, slug: 'a', text: 'A' }], localImagePaths: [], remoteImagePaths: [], imagePaths: [], frontmatter: {} } };
    },
    logger: { error: (message: string) => { throw new Error(message); } },
    config: { cacheDir: pathToFileURL(`${cacheDir}/`) },
  } as unknown as LoaderContext;
  return { context, records, rendered };
}

describe('the entry loader', () => {
  const scratch = scratchFolders('entry-loader');
  // A loader follows the model the next test publishes, and would sync into this test's folders,
  // deleted by then, writing them again.
  afterEach(() => offSiteState('entries:services'));

  it("keeps each entry's rendered body in a file of its own and none of its data in Astro's store", async () => {
    const cacheDir = scratch();
    await new LiveModel(VALID, resolveOptions({ contentDir: 'content' }), false).publish();
    const { context, records, rendered } = loaderContext(cacheDir);
    await entryLoader('services').load(context);

    expect([...records.keys()].sort()).toEqual(['api', 'db']);
    for (const record of records.values()) {
      // The pages read each entry from the model: the store, which Astro serializes whole after
      // every sync, holds only what renders the body.
      expect(record.data).toEqual({});
      const file = bodyFileOf(record.rendered);
      expect(file && existsSync(file)).toBe(true);
      expect(readBody(record.rendered)).toBe(readFileSync(file!, 'utf8'));
      expect(record.filePath).toBe(`content/services/${record.id}.md`);
      // Of the rendering, only the body's file and its headings, as one string.
      expect(Object.keys(record.rendered?.metadata ?? {}).sort()).toEqual(['multiplaneBodyFile', 'multiplaneHeadings']);
      expect(storedHeadings(record.rendered)).toEqual([{ depth: 2, slug: 'a', text: 'A' }]);
    }
    expect(rendered).toHaveLength(2);
  });

  it('renders again only the entries whose file or rendering changed', async () => {
    const cacheDir = scratch();
    await new LiveModel(VALID, resolveOptions({ contentDir: 'content' }), false).publish();
    const first = loaderContext(cacheDir);
    await entryLoader('services').load(first.context);
    const again = loaderContext(cacheDir);
    for (const record of first.records.values()) again.records.set(record.id, record);
    await entryLoader('services').load(again.context);
    expect(again.rendered).toEqual([]);
    expect(again.records).toEqual(first.records);
  });

  /** A model as `npm run build` hands it to Astro's process: through its plan, without bodies. */
  async function handedOver(root: string) {
    const now = new Date('2026-11-26T00:00:00Z');
    const model = fromPortableModel(structuredClone(toPortableModel(await checkContent({ root, now }))));
    await new LiveModel(root, resolveOptions({ contentDir: 'content', model, now }), false).publish();
    return model;
  }

  it('reads the bodies of a model handed over without them from their files', async () => {
    const root = scratch();
    cpSync(VALID, root, { recursive: true });
    const model = await handedOver(root);
    expect(model.graph.get('services/api')!.body).toBe('');
    const { context, records, rendered } = loaderContext(scratch());
    await entryLoader('services').load(context);
    expect(records.size).toBe(2);
    const api = readFileSync(join(root, 'content/services/api.md'), 'utf8');
    expect(rendered).toContain(api.slice(api.indexOf('\n---', 3) + 4).replace(/^\n/, ''));
  });

  it('stops when a file changed after the check read it, naming the file', async () => {
    const root = scratch();
    cpSync(VALID, root, { recursive: true });
    await handedOver(root);
    const file = join(root, 'content/services/api.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nA line written after the check.\n`);
    const { context } = loaderContext(scratch());
    await expect(entryLoader('services').load(context)).rejects.toThrow(/content\/services\/api\.md changed while the site was being built, after the check read it\. Build again/);
  });
});

