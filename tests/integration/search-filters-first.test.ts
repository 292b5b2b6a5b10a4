import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { searchFiltersFirst } from '../../src/integration/search-filters-first.ts';

const require = createRequire(import.meta.url);
// Pagefind UI's module as installed: the plugin must find its place in the version the site ships.
const UI_ID = require.resolve('@pagefind/default-ui').replace(/cjs[\\/]ui-core\.cjs$/, 'mjs/ui-core.mjs');

/** Runs the plugin's transform hook the way Vite does, with `this.error` throwing. */
function transform(code: string, id: string): { code: string } | undefined {
  const hook = searchFiltersFirst().transform as (this: unknown, code: string, id: string) => { code: string } | undefined;
  return hook.call({ error: (message: string): never => { throw new Error(message); } }, code, id);
}

describe('the search filters plugin', () => {
  const installed = readFileSync(UI_ID, 'utf8');
  const { code } = transform(installed, UI_ID)!;

  it("has every search wait for every index's filters, loaded once Pagefind is ready", () => {
    const ready = code.indexOf('pagefind = imported_pagefind;');
    const loading = code.indexOf('filters_loaded = loadFilters().catch(() => {});');
    // After the indexes are merged, so the filters of every index are loaded.
    expect(ready).toBeGreaterThan(code.indexOf('imported_pagefind.mergeIndex(url, index)'));
    expect(code.slice(ready, loading)).toMatch(/^pagefind = imported_pagefind;\s*$/);
    // Declared in the component, before anything can use it.
    expect(code.indexOf('let filters_loaded;')).toBeGreaterThan(-1);
    expect(code.indexOf('let filters_loaded;')).toBeLessThan(code.indexOf('const search = async (term, filters) =>'));
    // The search waits for them before it asks Pagefind, and nothing else waits: preloading the
    // words being typed goes on meanwhile.
    const search = code.slice(code.indexOf('const search = async (term, filters) =>'));
    expect(search.indexOf('await filters_loaded;')).toBeGreaterThan(search.indexOf('await waitForApiInit();'));
    expect(search.indexOf('await filters_loaded;')).toBeLessThan(search.indexOf('pagefind.search('));
    expect(code.match(/await filters_loaded;/g)).toHaveLength(1);
  });

  it('changes nothing else', () => {
    const undone = code
      .replace(/\n[ \t]*let filters_loaded;/, '')
      .replace('filters_loaded = loadFilters().catch(() => {});', 'loadFilters();')
      .replace(/\n[ \t]*await filters_loaded;/, '');
    expect(undone).toBe(installed);
  });

  it('leaves every other module alone', () => {
    expect(transform('pagefind = imported_pagefind;\nloadFilters();', '/node_modules/@pagefind/default-ui/ui-core.js')).toBeUndefined();
  });

  it('fails the build, naming the file to update, when Pagefind UI changes', () => {
    expect(() => transform('export const x = 1;', UI_ID)).toThrow(/src\/integration\/search-filters-first\.ts/);
    // Ready as before, but searching differently.
    expect(() => transform('\n  pagefind = imported_pagefind;\n  loadFilters();\n  const loadFilters = async () => {', UI_ID)).toThrow(/search-filters-first\.ts/);
  });
});
