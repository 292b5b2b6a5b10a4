import type { Browser } from 'playwright-core';
import { serveStatic } from '../pdf/static-server.ts';

export interface SearchProbe {
  readonly query: string;
  /** Bytes fetched from opening search until the results show: everything searching costs. */
  readonly transferredBytes: number;
  /** Milliseconds from typing the query to the first result on screen. */
  readonly ms: number;
  readonly results: number;
}

/**
 * Searches a built site in a real browser as a reader does: open the page, open search, type a
 * query, wait for results. Everything loaded from opening search on is counted (Pagefind's code,
 * its index, filters and result excerpts), not the page itself.
 */
export async function probeSearch(siteDir: string, query: string, browser: Browser): Promise<SearchProbe> {
  const server = await serveStatic(siteDir, '/', { compress: true });
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    let transferredBytes = 0;
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      pending.push(request.sizes().then((sizes) => void (transferredBytes += sizes.responseBodySize + sizes.responseHeadersSize)));
    });
    await page.locator('button[data-open-modal]').first().click();
    const input = page.locator('#starlight__search .pagefind-ui__search-input');
    await input.waitFor();
    const started = performance.now();
    await input.fill(query);
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 30_000 });
    const ms = performance.now() - started;
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    return { query, transferredBytes, ms: Math.round(ms), results: await page.locator('.pagefind-ui__result').count() };
  } finally {
    await page.close();
    await server.close();
  }
}
