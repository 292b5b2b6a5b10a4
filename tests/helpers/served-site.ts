import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { serveStatic } from '../../src/pdf/static-server.ts';
import { launchChromium } from '../../src/browser/index.ts';

/** The example site built in global setup, served on a free port, and the system Chromium to drive it. */
export interface ServedSite {
  readonly url: string;
  readonly browser: Browser;
}

/**
 * Serves the example site that global setup built and launches Chromium before a file's tests,
 * and closes both after them. `url` and `browser` are read inside tests and hooks, once they exist.
 */
export function serveExampleSite(): ServedSite {
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(inject('siteDir'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The example site is served only once the tests have started.');
    return value;
  };
  return {
    get url() {
      return started(server).url;
    },
    get browser() {
      return started(browser);
    },
  };
}
