import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptHash } from '../../src/build/inline-scripts.ts';
import { REVIEWED_INLINE_SCRIPTS } from '../../src/build/reviewed-inline-scripts.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const MODULES = join(ROOT, 'node_modules');

/** The `is:inline` scripts of the .astro files under a folder: Astro copies their text into pages verbatim. */
function inlineScriptsIn(folder: string, labelFrom: string): { source: string; hash: string }[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((dirent) => dirent.isFile() && dirent.name.endsWith('.astro') && !relative(folder, dirent.parentPath).split(sep).includes('node_modules'))
    .flatMap((dirent) => {
      const file = join(dirent.parentPath, dirent.name);
      const source = relative(labelFrom, file).split(sep).join('/');
      return [...readFileSync(file, 'utf8').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter((match) => /\bis:inline\b/.test(match[1] ?? ''))
        .map((match) => ({ source, hash: scriptHash(match[2] ?? '') }));
    });
}

describe('the reviewed inline scripts', () => {
  const starlight = inlineScriptsIn(join(MODULES, '@astrojs', 'starlight', 'dist'), MODULES);
  const reviewed = new Set(REVIEWED_INLINE_SCRIPTS.map((script) => script.hash));

  it("cover every is:inline script of the installed Starlight", () => {
    const unreviewed = starlight.filter((script) => !reviewed.has(script.hash));
    expect(
      unreviewed.map((script) => `${script.source} has an inline script not on the reviewed list (hash ${script.hash}): read it, then update src/build/reviewed-inline-scripts.ts`),
    ).toEqual([]);
  });

  it('list no script that Starlight no longer has', () => {
    const installed = new Set(starlight.map((script) => script.hash));
    const gone = REVIEWED_INLINE_SCRIPTS.filter((script) => !installed.has(script.hash));
    expect(gone.map((script) => `${script.source}: ${script.hash} is not in the installed Starlight; remove it from src/build/reviewed-inline-scripts.ts`)).toEqual([]);
  });

  it("find Starlight's scripts where the list says they are", () => {
    for (const script of REVIEWED_INLINE_SCRIPTS) {
      expect(starlight.filter((found) => found.source === script.source).map((found) => found.hash)).toContain(script.hash);
    }
  });

  it("leave Multiplane's own components to Astro, which bundles and hashes their scripts", () => {
    expect(inlineScriptsIn(join(ROOT, 'src'), ROOT).map((script) => `${script.source} has an is:inline script; use a bundled <script> instead`)).toEqual([]);
  });
});
