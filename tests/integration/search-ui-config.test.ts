import { describe, expect, it } from 'vitest';
import { transformWith } from '../helpers/vite-transform.ts';
import { SEARCH_DEBOUNCE_MS, type SearchUiOptions, searchUiConfig } from '../../src/integration/search-ui-config.ts';

const STARLIGHT_ID = '\0virtual:starlight/pagefind-config';

/** Runs the plugin's transform hook the way Vite does, with `this.error` throwing. */
function transform(code: string, id: string, options?: SearchUiOptions): { code: string } | undefined {
  return transformWith(searchUiConfig(options), code, id);
}

async function configOf(code: string): Promise<Record<string, unknown>> {
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { pagefindUserConfig: Record<string, unknown> };
  return module.pagefindUserConfig;
}

describe('the search UI options plugin', () => {
  it("sets Pagefind UI's debounce in the options Starlight passes to it", async () => {
    const result = transform('export const pagefindUserConfig = {"ranking":{"pageLength":0.1}}', STARLIGHT_ID);
    expect(await configOf(result!.code)).toEqual({ ranking: { pageLength: 0.1 }, debounceTimeoutMs: SEARCH_DEBOUNCE_MS });
  });

  it('adds the further indexes of a split search under the base path, after any the project merges itself', async () => {
    const own = 'export const pagefindUserConfig = {"mergeIndex":[{"bundlePath":"https://docs.example.com/pagefind/"}]}';
    const result = transform(own, STARLIGHT_ID, { base: '/repo', mergedIndexes: ['pagefind-1', 'pagefind-2'] });
    expect((await configOf(result!.code)).mergeIndex).toEqual([
      { bundlePath: 'https://docs.example.com/pagefind/' },
      { bundlePath: '/repo/pagefind-1/' },
      { bundlePath: '/repo/pagefind-2/' },
    ]);
  });

  it('merges nothing for a site with one index', async () => {
    const result = transform('export const pagefindUserConfig = {}', STARLIGHT_ID, { mergedIndexes: [] });
    expect(await configOf(result!.code)).not.toHaveProperty('mergeIndex');
  });

  it('leaves every other module alone', () => {
    expect(transform('export const pagefindUserConfig = {}', '\0virtual:starlight/user-config')).toBeUndefined();
  });

  it('fails the build, naming the file to update, when Starlight changes the module', () => {
    expect(() => transform('export default {}', STARLIGHT_ID)).toThrow(/src\/integration\/search-ui-config\.ts/);
  });
});
