import { describe, expect, it } from 'vitest';
import { searchFiltersFirst } from '../../src/integration/search-filters-first.ts';
import { installedPagefindUi, PAGEFIND_UI_ID as UI_ID, transformWith } from '../helpers/pagefind-ui.ts';

const transform = (code: string, id: string) => transformWith(searchFiltersFirst(), code, id);

describe('the search filters plugin', () => {
  const installed = installedPagefindUi();
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
