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
  it("makes Pagefind UI wait for every index's filters before it lets a search run", () => {
    const installed = readFileSync(UI_ID, 'utf8');
    const { code } = transform(installed, UI_ID)!;
    const ready = code.indexOf('pagefind = imported_pagefind;');
    const loaded = code.indexOf('await imported_pagefind.filters().catch(() => {});');
    // After the indexes are merged, so the filters of every index are loaded; before Pagefind is
    // declared ready, so no search starts first.
    expect(loaded).toBeGreaterThan(code.indexOf('await imported_pagefind.mergeIndex(url, index);'));
    expect(loaded).toBeLessThan(ready);
    expect(code.slice(loaded, ready)).toMatch(/^await imported_pagefind\.filters\(\)\.catch\(\(\) => \{\}\);\s*$/);
    // Only that changes.
    expect(code.replace(/\n[ \t]*await imported_pagefind\.filters\(\)\.catch\(\(\) => \{\}\);/, '')).toBe(installed);
  });

  it('leaves every other module alone', () => {
    expect(transform('pagefind = imported_pagefind;\nloadFilters();', '/node_modules/@pagefind/default-ui/ui-core.js')).toBeUndefined();
  });

  it('fails the build, naming the file to update, when Pagefind UI changes', () => {
    expect(() => transform('export const x = 1;', UI_ID)).toThrow(/src\/integration\/search-filters-first\.ts/);
  });
});
