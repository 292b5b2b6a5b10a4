import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transformWith } from '../helpers/vite-transform.ts';
import { cspDigestOnce } from '../../src/integration/csp-digest-once.ts';

const FETCH_STATE = join(import.meta.dirname, '..', '..', 'node_modules', 'astro', 'dist', 'core', 'fetch', 'fetch-state.js');

function transform(code: string, id: string): { code: string } | undefined {
  return transformWith(cspDigestOnce(), code, id);
}

// A page's hashing as Astro writes it (astro/dist/core/fetch/fetch-state.js), with a digest that counts its calls.
const PAGE = `
async function generateCspDigest(text, algorithm) { hashed.push(text); return algorithm + ':' + text.length; }
async function page(styles, scripts, cspAlgorithm) {
  const extraStyleHashes = [], extraScriptHashes = [];
  for (const style of styles) {
    extraStyleHashes.push(await generateCspDigest(style.children, cspAlgorithm));
  }
  for (const script of scripts) {
    extraScriptHashes.push(await generateCspDigest(script.children, cspAlgorithm));
  }
  return [extraStyleHashes, extraScriptHashes];
}`;

type Page = (styles: { children: string }[], scripts: { children: string }[], algorithm: string) => Promise<string[][]>;

describe("a route's styles and scripts, hashed once", () => {
  it('applies to the installed Astro: no style or script of a page is hashed without it', () => {
    const result = transform(readFileSync(FETCH_STATE, 'utf8'), FETCH_STATE);
    expect(result?.code.match(/await cspDigestOnce\((style|script)\.children, cspAlgorithm\)/g)).toHaveLength(2);
    expect(result?.code).not.toMatch(/await generateCspDigest\((style|script)\.children/);
  });

  it('hashes each text once per algorithm, and gives every page the same digests as before', async () => {
    const hashed: string[] = [];
    const page = new Function('hashed', `${transform(PAGE, FETCH_STATE)!.code}\nreturn page;`)(hashed) as Page;
    const styles = [{ children: 'body{color:red}' }, { children: '.mp{}' }];
    const scripts = [{ children: 'theme()' }];
    const first = await page(styles, scripts, 'SHA-256');
    expect(await page(styles.map((style) => ({ ...style })), scripts, 'SHA-256')).toEqual(first);
    expect(first).toEqual([['SHA-256:15', 'SHA-256:5'], ['SHA-256:7']]);
    expect(hashed).toEqual(['body{color:red}', '.mp{}', 'theme()']);
    // Another text, or another algorithm, is hashed.
    await page([{ children: 'p{}' }], scripts, 'SHA-512');
    expect(hashed).toEqual(['body{color:red}', '.mp{}', 'theme()', 'p{}', 'theme()']);
  });

  it('leaves every other module alone', () => {
    expect(transform(PAGE, '/x/node_modules/astro/dist/core/render/other.js')).toBeUndefined();
  });

  it('fails the build, naming the file to update, when Astro changes the module', () => {
    expect(() => transform('export {}', FETCH_STATE)).toThrow(/src\/integration\/csp-digest-once\.ts/);
  });
});
