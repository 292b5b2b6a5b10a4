import { describe, expect, it } from 'vitest';
import { SHORT_WORD_DEBOUNCE_MS, SHORT_WORD_LENGTH, searchShortWords } from '../../src/integration/search-short-words.ts';
import { installedPagefindUi, PAGEFIND_UI_ID as UI_ID, transformWith } from '../helpers/pagefind-ui.ts';

const transform = (code: string, id: string) => transformWith(searchShortWords(), code, id);

describe('the plugin that waits longer before searching one or two letters', () => {
  const installed = installedPagefindUi();
  const { code } = transform(installed, UI_ID)!;
  const timer = /timer = setTimeout\(executeSearchFunc, (.+?)\);/.exec(code)?.[1] ?? '';

  it('sets the timer by the length of what was typed', () => {
    const wait = new Function('term', 'debounce_timeout_ms', `return ${timer};`) as (term: string, debounce: number) => number;
    expect(SHORT_WORD_LENGTH).toBe(3);
    expect(wait('r', 150)).toBe(SHORT_WORD_DEBOUNCE_MS);
    expect(wait('re', 150)).toBe(SHORT_WORD_DEBOUNCE_MS);
    expect(wait('res', 150)).toBe(150);
    expect(wait('restore', 150)).toBe(150);
    // A site that waits longer anyway keeps its own wait.
    expect(wait('r', 1_000)).toBe(1_000);
  });

  it('changes nothing else', () => {
    expect(code.replace(timer, 'debounce_timeout_ms')).toBe(installed);
  });

  it('fails the build, naming the file to update, when Pagefind UI changes', () => {
    expect(() => transform('export const x = 1;', UI_ID)).toThrow(/src\/integration\/search-short-words\.ts/);
    expect(transform('timer = setTimeout(executeSearchFunc, debounce_timeout_ms);', '/elsewhere/ui-core.mjs')).toBeUndefined();
  });
});
