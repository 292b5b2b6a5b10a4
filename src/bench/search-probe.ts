import type { Browser } from 'playwright-core';
import { serveStatic } from '../pdf/static-server.ts';

/** A brisk typist's pause between keys; each keystroke is a new search the box may start. */
const TYPING_DELAY_MS = 120;

export interface SearchProbe {
  readonly query: string;
  /** Bytes fetched from opening search until the results show: everything searching costs. */
  readonly transferredBytes: number;
  /** Milliseconds from the last keystroke of the query to the first result's title on screen. */
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
    // Timed by the page's own clock, from the last keystroke to the first result title for the
    // whole query: Playwright's waits poll ever more slowly (up to every 500 ms) and would add
    // their own delay, and results for a half-typed word do not count.
    await page.evaluate((term) => {
      const timing: { typed?: number; shown?: number } = {};
      (window as unknown as { __searchTiming: typeof timing }).__searchTiming = timing;
      const field = document.querySelector('#starlight__search .pagefind-ui__search-input');
      field?.addEventListener('input', () => (timing.typed = performance.now()), { capture: true });
      new MutationObserver((_, observer) => {
        const message = document.querySelector('#starlight__search .pagefind-ui__message')?.textContent?.trim() ?? '';
        if (!message.endsWith(term) || !document.querySelector('#starlight__search .pagefind-ui__result-link')) return;
        timing.shown = performance.now();
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    }, query);
    await input.pressSequentially(query, { delay: TYPING_DELAY_MS });
    await page.waitForFunction(() => (window as unknown as { __searchTiming: { shown?: number } }).__searchTiming.shown !== undefined, null, { timeout: 30_000 });
    const timing = await page.evaluate(() => (window as unknown as { __searchTiming: { typed: number; shown: number } }).__searchTiming);
    const ms = timing.shown - timing.typed;
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    return { query, transferredBytes, ms: Math.round(ms), results: await page.locator('#starlight__search .pagefind-ui__result').count() };
  } finally {
    await page.close();
    await server.close();
  }
}
