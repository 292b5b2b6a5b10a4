import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** Pagefind UI's module as installed: a patch must find its places in the version the site ships. */
export const PAGEFIND_UI_ID = require.resolve('@pagefind/default-ui').replace(/cjs[\\/]ui-core\.cjs$/, 'mjs/ui-core.mjs');

/** The installed Pagefind UI module's code. */
export function installedPagefindUi(): string {
  return readFileSync(PAGEFIND_UI_ID, 'utf8');
}

/** Runs a plugin's transform hook the way Vite does, with `this.error` throwing. */
export function transformWith(plugin: Plugin, code: string, id: string): { code: string } | undefined {
  const hook = plugin.transform as (this: unknown, code: string, id: string) => { code: string } | undefined;
  return hook.call({ error: (message: string): never => { throw new Error(message); } }, code, id);
}
