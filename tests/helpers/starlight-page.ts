import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptHash } from '../../src/build/inline-scripts.ts';

/** A script Astro bundled: its hash is in the policy Astro writes. */
export const BUNDLED = 'console.log("bundled by Astro")';
const POLICY = `default-src 'self'; script-src 'self' ${scriptHash(BUNDLED)}; style-src 'self' 'unsafe-inline' ;`;
/** The policy as Astro writes it, after the rest of the head. */
export const META = `<meta http-equiv="content-security-policy" content="${POLICY}">`;
/** Starlight's theme provider, whose hash is on the reviewed list (read from the installed package). */
export const THEME = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', '@astrojs', 'starlight', 'dist', 'components', 'ThemeProvider.astro'), 'utf8').match(
  /<script is:inline>([\s\S]*?)<\/script>/,
)![1]!;

/** A page shaped like Starlight's: theme script in the head before Astro's policy. */
export const starlightPage = (body = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"/><title>T</title><script>${THEME}</script>${META}<script type="module">${BUNDLED}</script></head><body>${body}</body></html>`;
