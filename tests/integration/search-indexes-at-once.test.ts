import { describe, expect, it } from 'vitest';
import { searchIndexesAtOnce } from '../../src/integration/search-indexes-at-once.ts';
import { installedPagefindUi, PAGEFIND_UI_ID as UI_ID, transformWith } from '../helpers/pagefind-ui.ts';

const transform = (code: string, id: string) => transformWith(searchIndexesAtOnce(), code, id);

describe('the plugin that merges the search indexes at once', () => {
  const installed = installedPagefindUi();
  const { code } = transform(installed, UI_ID)!;

  it('asks for every index before it waits for any, and for all of them before Pagefind is ready', () => {
    expect(code).not.toContain('await imported_pagefind.mergeIndex(');
    const asked = code.indexOf('merging.push(imported_pagefind.mergeIndex(url, index));');
    const waited = code.indexOf('await Promise.all(merging);');
    expect(asked).toBeGreaterThan(code.indexOf('const merging = [];'));
    expect(waited).toBeGreaterThan(asked);
    expect(waited).toBeLessThan(code.indexOf('pagefind = imported_pagefind;'));
  });

  it('changes nothing else', () => {
    const undone = code
      .replace(/\n[ \t]*const merging = \[\];/, '')
      .replace('merging.push(imported_pagefind.mergeIndex(url, index));', 'await imported_pagefind.mergeIndex(url, index);')
      .replace(/\n[ \t]*await Promise\.all\(merging\);/, '');
    expect(undone).toBe(installed);
  });

  it('leaves every other module alone', () => {
    expect(transform('for (const index of merge_index) { await imported_pagefind.mergeIndex(url, index); }', '/node_modules/@pagefind/default-ui/ui-core.js')).toBeUndefined();
  });

  it('fails the build, naming the file to update, when Pagefind UI changes', () => {
    expect(() => transform('export const x = 1;', UI_ID)).toThrow(/src\/integration\/search-indexes-at-once\.ts/);
  });
});
