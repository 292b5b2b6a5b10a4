import type { Plugin } from 'vite';
import { pagefindUiPatch } from './module-patch.ts';

/** Words shorter than this wait longer before the search box searches them. */
export const SHORT_WORD_LENGTH = 3;

/** How long the search box waits after a keystroke that leaves one or two letters. */
export const SHORT_WORD_DEBOUNCE_MS = 400;

/** Where Pagefind UI sets its timer for the next search, after each keystroke. */
const DEBOUNCE_TIMER = /timer = setTimeout\(executeSearchFunc, debounce_timeout_ms\);/;

/**
 * A Vite plugin that has the search box wait longer before it searches one or two letters.
 *
 * A search cannot be stopped once it reaches Pagefind's worker, and one or two letters match
 * nearly every word: at 10,000 entries "r" found 8,500 pages in about 300 ms and "re" 6,100 in
 * 100 ms, against 20–40 ms for "res" once the words were loaded. A reader who paused a little
 * after the first letter (200 ms is enough against the box's 150 ms wait for a word,
 * src/integration/search-ui-config.ts) had that search run ahead of the word they went on to
 * type. Pagefind still fetches what those letters need meanwhile (`preload`), and a reader who
 * stops at one letter gets its results a quarter of a second later.
 */
export function searchShortWords(): Plugin {
  const wait = `term.length < ${SHORT_WORD_LENGTH} ? Math.max(debounce_timeout_ms, ${SHORT_WORD_DEBOUNCE_MS}) : debounce_timeout_ms`;
  return pagefindUiPatch({
    name: 'multiplane:search-short-words',
    file: 'src/integration/search-short-words.ts',
    what: 'waits between keystrokes',
    places: [DEBOUNCE_TIMER],
    patch: (code) => code.replace(DEBOUNCE_TIMER, `timer = setTimeout(executeSearchFunc, ${wait});`),
  });
}
