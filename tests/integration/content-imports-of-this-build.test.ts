import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { ContentImports, contentImportsOfThisBuild, syncLockFile } from '../../src/integration/content-imports-of-this-build.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

type Load = (this: unknown, id: string) => { code: string; meta: unknown } | undefined;

function load(plugin: Plugin, id: string): { code: string; meta: unknown } | undefined {
  const hook = plugin.load as { filter: { id: RegExp }; handler: Load };
  return hook.filter.id.test(id) ? hook.handler.call({}, id) : undefined;
}

describe("a build's own .astro/ content modules", () => {
  const scratch = scratchFolders('content-imports');

  it('are bundled as its sync wrote them, whatever another build wrote since', async () => {
    const root = scratch();
    const dotAstro = join(root, '.astro');
    mkdirSync(dotAstro);
    const modules = join(dotAstro, 'content-modules.mjs');
    writeFileSync(modules, 'export default new Map([["content/whitepaper/intro.mdx", () => import("x")]]);');
    const imports = new ContentImports(dotAstro);
    await imports.lock(root, () => {});
    expect(existsSync(syncLockFile(root))).toBe(true);
    imports.keep();
    // The lock goes once the sync is done, and another build's sync writes the project's file.
    expect(existsSync(syncLockFile(root))).toBe(false);
    writeFileSync(modules, 'export default new Map();');
    const plugin = contentImportsOfThisBuild(imports);
    expect(load(plugin, modules)).toEqual({ code: expect.stringContaining('intro.mdx'), meta: { astroIncremental: { kind: 'content-data' } } });
    // content-assets.mjs was not written by this sync: Astro's own loading applies, as for any other module.
    expect(load(plugin, join(dotAstro, 'content-assets.mjs'))).toBeUndefined();
    expect(load(plugin, join(root, 'src', 'page.ts'))).toBeUndefined();
  });

  it("let a second build's sync wait for the first one's", async () => {
    const root = scratch();
    const first = new ContentImports(join(root, '.astro'));
    await first.lock(root, () => {});
    const waited: string[] = [];
    const second = new ContentImports(join(root, '.astro'));
    // The holder is this very process, alive: the second waits until the first lets go.
    const locking = second.lock(root, (line) => waited.push(line));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waited).toEqual([`Waiting for another build of this project (process ${process.pid}) to finish its content sync...`]);
    first.keep();
    await locking;
    second.keep();
    expect(existsSync(syncLockFile(root))).toBe(false);
  });
});
