import { join, relative, sep } from 'node:path';
import { createServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCollections, registeredCollections } from '../../src/integration/content-collections.ts';
import { siteCollections } from '../../src/integration/site-collections.ts';
import type { Loader } from 'astro/loaders';
import { ENTRY_COLLECTIONS } from '../../src/site/routes.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const KEY = Symbol.for('multiplane.content-collections');

/**
 * The modules Vite's module runner loads for `file` (from the project's root), as Astro has it load
 * the content config: each is transformed on every build, one after another.
 */
async function loadedThroughVite(file: string): Promise<string[]> {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    appType: 'custom',
    server: { middlewareMode: true, ws: false, watch: null },
    // Astro has the runner transform its own modules and Starlight's: here every package goes
    // through it, so that any import shows.
    ssr: { noExternal: true },
    // No crawl of the project for the browser's dependencies: it would read every HTML file under
    // the root, a built site of thousands of pages included, and nothing here runs in a browser.
    optimizeDeps: { noDiscovery: true, entries: [] },
  });
  try {
    await server.ssrLoadModule(file);
    return [...server.environments.ssr.moduleGraph.idToModuleMap.keys()].map((id) => relative(ROOT, id).split(sep).join('/')).sort();
  } finally {
    await server.close();
  }
}

const loaderOf = (name: string): Loader => ({ name: `test-${name}`, load: async () => {} });

describe('the content collections, handed from the integration to the content config', () => {
  const before = (globalThis as Record<symbol, unknown>)[KEY];
  afterEach(() => {
    (globalThis as Record<symbol, unknown>)[KEY] = before;
  });

  it('leave the content config nothing to import through Vite but the module that hands them over', async () => {
    // Vite's module runner transforms every module the content config imports, one after another,
    // on every build: Starlight's loaders and `astro:content` alone were some 130 modules.
    registerCollections(siteCollections(Object.fromEntries(ENTRY_COLLECTIONS.map((name) => [name, loaderOf(name)])) as Parameters<typeof siteCollections>[0]));
    const config = await loadedThroughVite('/src/content.config.ts');
    expect(config).toEqual(['src/content.config.ts', 'src/integration/content-collections.ts']);
    expect(Object.keys((await import('../../src/content.config.ts')).collections).sort()).toEqual(['docs', 'i18n', ...ENTRY_COLLECTIONS].sort());
  });

  it('are Starlight’s docs and i18n collections and one per entry collection, each with its loader', () => {
    const loaders = Object.fromEntries(ENTRY_COLLECTIONS.map((name) => [name, loaderOf(name)])) as Parameters<typeof siteCollections>[0];
    const collections = siteCollections(loaders) as Record<string, { type?: string; loader: unknown; schema?: unknown }>;
    expect(Object.keys(collections).sort()).toEqual(['docs', 'i18n', ...ENTRY_COLLECTIONS].sort());
    for (const name of ENTRY_COLLECTIONS) {
      expect(collections[name]!.loader).toBe(loaders[name as keyof typeof loaders]);
      // The model validated the entries once: Astro gets no schema to validate them again.
      expect(collections[name]!.schema).toBeUndefined();
    }
    expect((collections.docs!.loader as Loader).name).toBe('starlight-docs-loader');
    expect(collections.docs!.schema).toBeTypeOf('function');
    expect(collections.i18n!.schema).toBeDefined();
    for (const collection of Object.values(collections)) expect(collection.type).toBe('content_layer');
  });

  it('are the ones the integration registered, in every copy of the module', async () => {
    const collections = siteCollections(Object.fromEntries(ENTRY_COLLECTIONS.map((name) => [name, loaderOf(name)])) as Parameters<typeof siteCollections>[0]);
    registerCollections(collections);
    expect(registeredCollections()).toBe(collections);
    // Vite's runner loads its own copy of the module: it finds them through globalThis.
    // @ts-expect-error: the query has Vite load a second copy of the module, which TypeScript does not know.
    const copy = (await import('../../src/integration/content-collections.ts?copy')) as typeof import('../../src/integration/content-collections.ts');
    expect(copy.registeredCollections()).toBe(collections);
  });

  it('say how to build when the integration has registered none', () => {
    delete (globalThis as Record<symbol, unknown>)[KEY];
    expect(() => registeredCollections()).toThrow(/Keep multiplane\(\) in astro\.config\.mjs and build with npm run build/);
  });
});
