import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Pagefind UI's module as installed: a patch must find its places in the version the site ships. */
export const PAGEFIND_UI_ID = require.resolve('@pagefind/default-ui').replace(/cjs[\\/]ui-core\.cjs$/, 'mjs/ui-core.mjs');

/** The installed Pagefind UI module's code. */
export function installedPagefindUi(): string {
  return readFileSync(PAGEFIND_UI_ID, 'utf8');
}

export { transformWith } from './vite-transform.ts';
