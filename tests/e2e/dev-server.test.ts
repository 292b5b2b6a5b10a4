import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../src/browser/index.ts';
import { type DevServer, startDevServer } from '../helpers/dev-server.ts';

// Sized for a CI machine twice as slow as a developer's and busy: the edit itself shows in about
// a second here.
const FOLLOW_MS = 30_000;

let server: DevServer;
let browser: Browser;
let page: Page;

const file = (path: string) => join(server.root, 'content', path);
const edit = (path: string, change: (text: string) => string) => writeFileSync(file(path), change(readFileSync(file(path), 'utf8')));

/**
 * The text of Astro's error overlay, or '' when none is shown; null while the dev server reloads
 * the page, which it may do again after the overlay first shows (the next poll reads it again).
 */
const overlayText = () =>
  page
    .evaluate(() => {
      const overlay = document.querySelector('vite-error-overlay');
      return overlay?.shadowRoot?.textContent ?? '';
    })
    .catch((error: unknown) => {
      if (String(error).includes('Execution context was destroyed')) return null;
      throw error;
    });

describe('npm run dev follows the content', () => {
  beforeAll(async () => {
    server = await startDevServer('valid');
    browser = await launchChromium();
    page = await browser.newPage();
    // The first request makes Vite optimize dependencies, which may reload the page once; settle it.
    await page.goto(`${server.url}/services/api/`, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(1_500);
    await page.goto(`${server.url}/services/api/`, { waitUntil: 'load', timeout: 120_000 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows an edited title without a restart', { timeout: 90_000 }, async () => {
    expect(await page.locator('h1#_top').textContent()).toBe('API');
    edit('services/api.md', (text) => text.replace('title: API', 'title: Public API gateway'));
    await page.waitForFunction(() => document.querySelector('h1#_top')?.textContent === 'Public API gateway', undefined, { timeout: FOLLOW_MS });
  });

  it('shows an edited body without a restart', { timeout: 90_000 }, async () => {
    // Bodies are rendered into files beside the content store (src/site/entry-bodies.ts): the
    // page must show the new one, not the file of the body before.
    edit('services/api.md', (text) => `${text.trimEnd()}\n\nRequests are now traced end to end.\n`);
    await page.waitForFunction(() => document.querySelector('main')?.textContent?.includes('Requests are now traced end to end.') === true, undefined, {
      timeout: FOLLOW_MS,
    });
  });

  it('serves a new entry at once', { timeout: 90_000 }, async () => {
    writeFileSync(
      file('services/ledger.md'),
      '---\ntitle: Ledger\nowner: data-team\ntier: 3\nlifecycle: experimental\n---\n\nKeeps the books.\n',
    );
    await expect
      .poll(async () => (await fetch(`${server.url}/services/ledger/`)).status, { timeout: FOLLOW_MS, interval: 250 })
      .toBe(200);
    // In a page of its own: the open page is being reloaded by the dev server at this moment.
    const fresh = await browser.newPage();
    try {
      await fresh.goto(`${server.url}/services/ledger/`, { waitUntil: 'commit', timeout: FOLLOW_MS });
      await fresh.waitForFunction(() => document.querySelector('h1#_top')?.textContent === 'Ledger', undefined, { timeout: FOLLOW_MS });
    } finally {
      await fresh.close();
    }
  });

  it('shows the finding of a misspelt owner on the entry page', { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/services/ledger/`, { waitUntil: 'commit', timeout: FOLLOW_MS });
    await page.waitForFunction(() => document.querySelector('h1#_top')?.textContent === 'Ledger', undefined, { timeout: FOLLOW_MS });
    edit('services/ledger.md', (text) => text.replace('owner: data-team', 'owner: data-teem'));
    // The page reloads by itself; its governance section then lists the finding.
    await expect.poll(async () => page.locator('.mp-findings [data-rule="owner-exists"]').count().catch(() => 0), { timeout: FOLLOW_MS, interval: 250 }).toBe(1);
    expect(await page.locator('main').textContent()).toContain('data-teem');
    // Put it right again, so the next steps start from content without errors.
    edit('services/ledger.md', (text) => text.replace('owner: data-teem', 'owner: data-team'));
    await expect.poll(overlayText, { timeout: FOLLOW_MS, interval: 250 }).toBe('');
  });

  it('overlays a YAML mistake with the file and line npm run check gives', { timeout: 90_000 }, async () => {
    await page.goto(`${server.url}/services/api/`, { waitUntil: 'commit', timeout: FOLLOW_MS });
    await page.waitForFunction(() => document.querySelector('h1#_top') !== null, undefined, { timeout: FOLLOW_MS });
    // Line 5 of the file: an unclosed flow sequence.
    edit('services/api.md', (text) => text.replace('dependsOn: [db]', 'dependsOn: [db'));
    // Read whole in one poll: a reload between two reads would leave the second with nothing.
    await expect
      .poll(overlayText, { timeout: FOLLOW_MS, interval: 250 })
      .toSatisfy((overlay: string | null) => overlay !== null && overlay.includes('frontmatter-yaml') && /content\/services\/api\.md:\d+/.test(overlay) && overlay.includes('Check indentation'));
  });

  it('clears the overlay once the file is fixed', { timeout: 90_000 }, async () => {
    edit('services/api.md', (text) => text.replace('dependsOn: [db\n', 'dependsOn: [db]\n'));
    await expect.poll(overlayText, { timeout: FOLLOW_MS, interval: 250 }).toBe('');
    await page.waitForFunction(() => document.querySelector('h1#_top')?.textContent === 'Public API gateway', undefined, { timeout: FOLLOW_MS });
  });

  it('leaves the build cache out of what it watches', () => {
    // The edits above wrote rendered bodies into .cache/multiplane/; a watcher that saw them
    // reports each one, and at a large platform's start reads its tens of thousands of files.
    expect(server.output()).toContain('Syncing content');
    expect(server.output()).not.toMatch(/\[watch\][^\n]*\.cache\/multiplane/);
  });
});
