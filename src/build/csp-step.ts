import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * Adds to each page's Content-Security-Policy the hashes of the inline scripts Astro did not
 * hash. Astro's `security.csp` hashes the scripts it bundles, but not `is:inline` ones, and
 * Starlight's theme switcher and sidebar state are `is:inline`: without their hashes the policy
 * would block them. Hashing what was actually written keeps the policy exact, whatever the theme
 * emits. Returns the number of pages changed.
 */
export function completeScriptHashes(siteDir: string): number {
  let changed = 0;
  for (const dirent of readdirSync(siteDir, { withFileTypes: true, recursive: true })) {
    if (!dirent.isFile() || !dirent.name.endsWith('.html')) continue;
    const file = join(dirent.parentPath, dirent.name);
    const html = readFileSync(file, 'utf8');
    const meta = META.exec(html);
    if (!meta?.[1]) continue;
    const policy = meta[1];
    const hashes = new Set<string>();
    for (const script of html.matchAll(INLINE_SCRIPT)) {
      const body = script[1] ?? '';
      if (body.trim() === '') continue;
      const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
      if (!policy.includes(hash)) hashes.add(hash);
    }
    if (hashes.size === 0) continue;
    const next = policy.replace(/script-src ([^;]*)/, (_, sources: string) => `script-src ${sources.trim()} ${[...hashes].join(' ')}`);
    writeFileSync(file, html.replace(meta[0], meta[0].replace(policy, next)));
    changed++;
  }
  return changed;
}
