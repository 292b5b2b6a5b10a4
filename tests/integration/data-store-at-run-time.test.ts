import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATA_STORE_MODULE, dataStoreAtRunTime, dataStoreFile, dataStoreModule } from '../../src/integration/data-store-at-run-time.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const scratch = scratchFolders('data-store');
const ASTRO_CONTENT = join(import.meta.dirname, '..', '..', 'node_modules', 'astro', 'dist', 'content');

type LoadResult = { code: string; meta: unknown } | undefined;

function load(environment: string, id = DATA_STORE_MODULE, cacheDir = pathToFileURL('/cache/site/')): LoadResult {
  const hook = dataStoreAtRunTime(cacheDir).load as { filter: { id: RegExp }; handler(this: unknown, id: string): LoadResult };
  if (!hook.filter.id.test(id)) return undefined;
  return hook.handler.call({ environment: { name: environment } }, id);
}

/** Writes the module the pages import next to `store` (or no store), and imports it. */
async function importModule(folder: string, store?: string): Promise<unknown> {
  const file = join(folder, 'data-store.json');
  if (store !== undefined) writeFileSync(file, store);
  const module = join(folder, `store-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(module, dataStoreModule(file));
  return ((await import(pathToFileURL(module).href)) as { default: unknown }).default;
}

describe("the content layer's data store, read at run time", () => {
  it('reads the file Astro wrote into its cache folder, as Astro would have inlined it', async () => {
    const folder = scratch();
    const store = JSON.stringify([['Map', 1], 'services', ['Map']]);
    expect(await importModule(folder, store)).toEqual(JSON.parse(store));
    expect(dataStoreFile(pathToFileURL(`${folder}/`))).toBe(join(folder, 'data-store.json'));
  });

  it('is an empty store when none was written, as in Astro', async () => {
    expect(await importModule(scratch())).toEqual(new Map());
  });

  it('stops the build, naming the file, when the store cannot be read', () => {
    const folder = scratch({ 'data-store.json': '[["Map",1' });
    writeFileSync(join(folder, 'page.mjs'), `${dataStoreModule(join(folder, 'data-store.json'))}\nprocess.stdout.write('rendered');\n`);
    const run = spawnSync(process.execPath, [join(folder, 'page.mjs')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`data store ${join(folder, 'data-store.json')} cannot be read`);
    expect(run.stderr).toContain('Remove the folder it is in and build again.');
  });

  it('answers only for the pages of a build (the prerender environment), marked as content data', () => {
    const prerender = load('prerender');
    expect(prerender?.code).toContain(JSON.stringify('/cache/site/data-store.json'));
    expect(prerender?.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    expect(load('ssr')).toBeUndefined();
    expect(load('client')).toBeUndefined();
    expect(load('prerender', '\0astro:content')).toBeUndefined();
    expect(dataStoreAtRunTime(pathToFileURL('/cache/')).apply).toBe('build');
  });

  it("matches the installed Astro: the module's ID, its inlined JSON, and how the pages read it", () => {
    const consts = readFileSync(join(ASTRO_CONTENT, 'consts.js'), 'utf8');
    expect(consts).toContain('const DATA_STORE_VIRTUAL_ID = "astro:data-layer-content";');
    expect(consts).toContain('const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID;');
    const loader = readFileSync(join(ASTRO_CONTENT, 'vite-plugin-content-virtual-mod.js'), 'utf8');
    expect(loader).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
    expect(loader).toContain('code: "export default new Map()"');
    const reader = readFileSync(join(ASTRO_CONTENT, 'data-store.js'), 'utf8');
    expect(reader).toContain('await import("astro:data-layer-content")');
    expect(reader).toMatch(/if \(Array\.isArray\(data\.default\)\) \{\s*const map2 = devalue\.unflatten\(data\.default\);/);
    const paths = readFileSync(join(ASTRO_CONTENT, 'paths.js'), 'utf8');
    expect(paths).toContain('return new URL(DATA_STORE_FILE, isDev ? settings.dotAstroDir : settings.config.cacheDir);');
    expect(consts).toContain('const DATA_STORE_FILE = "data-store.json";');
  });
});
