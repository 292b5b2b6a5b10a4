import { describe, expect, it } from 'vitest';
import { searchFiltersFirst } from '../../src/integration/search-filters-first.ts';
import { searchSuperseded } from '../../src/integration/search-superseded.ts';
import { installedPagefindUi, PAGEFIND_UI_ID as UI_ID, transformWith } from '../helpers/pagefind-ui.ts';

const transform = (code: string, id: string) => transformWith(searchSuperseded(), code, id);

describe('the superseded search plugin', () => {
  const installed = installedPagefindUi();
  const { code } = transform(installed, UI_ID)!;

  it('numbers each search as it starts, and drops one overtaken by then before it asks Pagefind', () => {
    const search = code.slice(code.indexOf('const search = async (term, filters) =>'));
    expect(search.indexOf('const started = ++searches_started;')).toBeGreaterThan(0);
    expect(search.indexOf('const started = ++searches_started;')).toBeLessThan(search.indexOf('await waitForApiInit();'));
    const check = search.indexOf('if (started !== searches_started || (val && val !== search_term)) return;');
    expect(check).toBeGreaterThan(search.indexOf('await waitForApiInit();'));
    expect(check).toBeLessThan(search.indexOf('pagefind.search('));
    // Declared in the component, before the search function.
    expect(code.indexOf('let searches_started = 0;')).toBeGreaterThan(code.indexOf('let val = "";'));
    expect(code.indexOf('let searches_started = 0;')).toBeLessThan(code.indexOf('const search = async (term, filters) =>'));
  });

  it("checks after every wait, the filters' included, whichever patch comes first", () => {
    const both = transformWith(searchFiltersFirst(), code, UI_ID)!.code;
    const search = both.slice(both.indexOf('const search = async (term, filters) =>'));
    expect(search.indexOf('if (started !== searches_started')).toBeGreaterThan(search.indexOf('await filters_loaded;'));
  });

  it('changes nothing else', () => {
    const undone = code
      .replace(/\n[ \t]*let searches_started = 0;/, '')
      .replace(/\n[ \t]*const started = \+\+searches_started;/, '')
      .replace(/\n[ \t]*if \(started !== searches_started \|\| \(val && val !== search_term\)\) return;/, '');
    expect(undone).toBe(installed);
  });

  it('fails the build, naming the file to update, when Pagefind UI changes', () => {
    expect(() => transform('export const x = 1;', UI_ID)).toThrow(/src\/integration\/search-superseded\.ts/);
    expect(() => transform('\n  const search = async (term, filters) => {\n  const local_search_id = ++search_id;', UI_ID)).toThrow(/search-superseded\.ts/);
  });
});
