import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startDevServer } from './dev-server.ts';

export interface DevProbe {
  /** From starting `astro dev` to its first page served. */
  readonly firstPageMs: number;
  /** From saving an edited title to the open page showing it, for each edit. */
  readonly editVisibleMs: readonly number[];
}

/**
 * Times `npm run dev` as an author meets it: how long until the first page is served, then, with
 * a page open in the browser, how long from saving a changed title to seeing it. `entry` is the
 * file (inside the content folder) whose page is opened and edited.
 */
export async function probeDevServer(content: string, entry: string, browser: Browser, edits = 3): Promise<DevProbe> {
  const server = await startDevServer({ content, timeoutMs: 600_000 });
  const page = await browser.newPage();
  try {
    const address = `${server.url}/${entry.replace(/\.md$/, '')}/`;
    // The first visit makes Vite optimize dependencies, which may reload the page once.
    await page.goto(address, { waitUntil: 'load', timeout: 300_000 });
    await page.waitForTimeout(2_000);
    await page.goto(address, { waitUntil: 'load', timeout: 300_000 });
    const file = join(server.root, 'content', entry);
    const editVisibleMs: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const title = `Edited title ${edit}`;
      const text = readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`);
      const saved = performance.now();
      writeFileSync(file, text);
      await page.waitForFunction((wanted) => document.querySelector('h1#_top')?.textContent === wanted, title, { timeout: 120_000, polling: 50 });
      editVisibleMs.push(Math.round(performance.now() - saved));
      await page.waitForTimeout(1_000);
    }
    return { firstPageMs: server.startedMs, editVisibleMs };
  } finally {
    await page.close();
    await server.stop();
  }
}
