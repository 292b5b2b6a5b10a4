import { ExpressiveCodeEngine } from '@expressive-code/core';
import { loadShikiTheme, pluginShiki } from '@expressive-code/plugin-shiki';
import { toHtml } from 'hast-util-to-html';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wholeLineHighlighting } from '../../src/render/whole-line-highlighting.ts';

/** Highlights a shell block in Starlight's two themes, dark first, as a page's code block is. */
async function highlight(transformers: unknown[]): Promise<string> {
  const themes = await Promise.all([loadShikiTheme('night-owl'), loadShikiTheme('night-owl-light')]);
  const engine = new ExpressiveCodeEngine({ themes, plugins: [pluginShiki({ transformers })] });
  const { renderedGroupAst } = await engine.render({ code: 'npm run build -- --out site', language: 'sh' });
  return toHtml(renderedGroupAst);
}

/** The dark theme's colour of each span (`--0:#…`), in order. */
const darkColours = (html: string) => [...html.matchAll(/--0:(#[0-9A-Fa-f]+)/g)].map((match) => match[1]!.toUpperCase());

// vscode-textmate times each line with Date.now(): a clock that jumps a second between two
// readings is a machine so busy that no line finishes within Shiki's default limit.
function slowMachine(): void {
  let now = Date.UTC(2026, 11, 1);
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 1_000));
}

afterEach(() => vi.restoreAllMocks());

describe('code highlighting on a busy machine', () => {
  it('shows the same colours as on an idle one', async () => {
    const idle = await highlight([wholeLineHighlighting]);
    expect(new Set(darkColours(idle)).size).toBeGreaterThan(1);
    slowMachine();
    expect(await highlight([wholeLineHighlighting])).toBe(idle);
  });

  it('would show a slow line in the theme\'s text colour only, without the limit raised', async () => {
    // What the limit guards against: Shiki's default gives up on the line and colours none of it.
    slowMachine();
    expect(new Set(darkColours(await highlight([])))).toEqual(new Set(['#D6DEEB']));
  });

  it('still ends a line that never finishes, after a minute', () => {
    const options: { tokenizeTimeLimit?: number } = { tokenizeTimeLimit: 500 };
    wholeLineHighlighting.preprocess('echo', options);
    expect(options.tokenizeTimeLimit).toBe(60_000);
  });
});
