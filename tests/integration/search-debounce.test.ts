import { describe, expect, it } from 'vitest';
import { SEARCH_DEBOUNCE_MS, searchDebounce } from '../../src/integration/search-debounce.ts';

const STARLIGHT_ID = '\0virtual:starlight/pagefind-config';

/** Runs the plugin's transform hook the way Vite does, with `this.error` throwing. */
function transform(code: string, id: string): { code: string } | undefined {
  const hook = searchDebounce().transform as (this: unknown, code: string, id: string) => { code: string } | undefined;
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
  };
  return hook.call(context, code, id);
}

describe('the search debounce plugin', () => {
  it("sets Pagefind UI's debounce in the options Starlight passes to it", async () => {
    const result = transform('export const pagefindUserConfig = {"ranking":{"pageLength":0.1}}', STARLIGHT_ID);
    const module = (await import(`data:text/javascript,${encodeURIComponent(result!.code)}`)) as { pagefindUserConfig: Record<string, unknown> };
    expect(module.pagefindUserConfig).toEqual({ ranking: { pageLength: 0.1 }, debounceTimeoutMs: SEARCH_DEBOUNCE_MS });
  });

  it('leaves every other module alone', () => {
    expect(transform('export const pagefindUserConfig = {}', '\0virtual:starlight/user-config')).toBeUndefined();
  });

  it('fails the build, naming the file to update, when Starlight changes the module', () => {
    expect(() => transform('export default {}', STARLIGHT_ID)).toThrow(/src\/integration\/search-debounce\.ts/);
  });
});
