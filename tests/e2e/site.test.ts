import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { GUNZIP_RUNTIME } from '../../src/build/search-gunzip.ts';
import { PACK_RUNTIME } from '../../src/build/search-pack.ts';
import { SEARCH_DEBOUNCE_MS } from '../../src/integration/search-ui-config.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { serveExampleSite } from '../helpers/served-site.ts';

// The example site built in global setup, served on a free port and driven in the system Chromium.
const served = serveExampleSite();

/** Opens a page and collects what it logs as errors. */
async function open(path: string, colorScheme: 'light' | 'dark' = 'light', bypassCSP = false): Promise<{ page: Page; errors: string[] }> {
  const page = await served.browser.newPage({ colorScheme, bypassCSP });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // Network idle: the console-error checks must see what loads after the page (search, status).
  await page.goto(`${served.url}${path}`, { waitUntil: 'networkidle' });
  return { page, errors };
}

describe('the published site', { timeout: 60_000 }, () => {
  it('shows the status derived from open incidents and the seven planes on the home page', async () => {
    const { page } = await open('/');
    // The example has one open SEV3 incident, so the platform is degraded, not operational.
    await expect(page.locator('.mp-status [role="status"] strong').textContent()).resolves.toBe('Degraded performance');
    await expect(page.locator('.mp-status').textContent()).resolves.toContain('SMS notifications delayed');
    await expect(page.locator('.mp-plane-card h3').allTextContents()).resolves.toEqual([
      'Identity',
      'Control',
      'Knowledge',
      'Execution',
      'Operations',
      'Proof',
      'Narrative',
    ]);
    await page.close();
  });

  it('shows an entry\'s backlinks, grouped by relation', async () => {
    const { page } = await open('/services/mesh-gateway/');
    const referencedBy = page.locator('h2#referenced-by + dl');
    await expect(referencedBy.locator('dt').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Governed by'), expect.stringContaining('Runbooks')]),
    );
    await expect(referencedBy.locator('a[href="/runbooks/gateway-5xx-surge/"]').count()).resolves.toBe(1);
    await page.close();
  });

  it('finds an entry by search and narrows the results with the plane filter', async () => {
    const { page } = await open('/');
    await page.locator('button[data-open-modal]').first().click();
    const input = page.locator('#starlight__search .pagefind-ui__search-input');
    await input.fill('restore');
    const results = page.locator('.pagefind-ui__result');
    // Pagefind UI lists the results first, each title a placeholder (`pagefind-ui__loading`) until
    // that result's excerpt has come: read the titles once they are there.
    const titles = page.locator('.pagefind-ui__result-title:not(.pagefind-ui__loading)');
    await expect.poll(async () => (await titles.allTextContents()).some((title) => /restore/i.test(title))).toBe(true);
    const all = await results.count();

    const planes = page.locator('.pagefind-ui__filter-block', { has: page.locator('summary', { hasText: /^Plane$/ }) });
    await planes.locator('summary').click();
    await planes.getByLabel(/^Knowledge/).check();
    // The list re-renders while the filter applies; wait until it settles on the narrowed results.
    const hrefs = () => page.locator('.pagefind-ui__result-link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    await expect.poll(async () => {
      const count = await results.count();
      const links = await hrefs();
      return count > 0 && count < all && links.length > 0 && links.every((href) => href.startsWith('/runbooks/'));
    }).toBe(true);
    await page.close();
  });

  it('shows every filter with the first results, however slowly the filters load', async () => {
    const { page } = await open('/');
    // Without the search pack, each filter is a request of its own (src/build/search-pack.ts).
    // Every filter's data but the first that is asked for comes a second late, so the search's
    // own data arrives first: the first results must still count every filter of every index.
    await page.route('**/multiplane-pack.*.bin', (route) => route.fulfill({ status: 404 }));
    let first = true;
    await page.route('**/*.pf_filter', async (route) => {
      if (!first) await new Promise((resolve) => setTimeout(resolve, 1_000));
      first = false;
      await route.continue();
    });
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search .pagefind-ui__search-input').fill('restore');
    await page.locator('#starlight__search .pagefind-ui__result').first().waitFor();
    const names = await page.locator('#starlight__search .pagefind-ui__filter-name').allTextContents();
    expect(names.map((name) => name.trim()).sort()).toEqual(['Collection', 'Owner', 'Plane', 'Status']);
    await page.close();
  });

  it('drops a search for a half-typed word that was overtaken while the search box loaded', async () => {
    const { page } = await open('/');
    // Records each search the search box hands Pagefind's worker.
    await page.evaluate(() => {
      const searches: unknown[] = [];
      (window as unknown as { searches: unknown[] }).searches = searches;
      const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
      Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
        const { method, args: given } = (args[0] ?? {}) as { method?: string; args?: unknown[] };
        if (method === 'search') searches.push(given?.[0]);
        post.apply(this, args);
      };
    });
    // The filters come a second late (each on its own, without the search pack): the search for
    // "res" starts, then waits for them.
    await page.route('**/multiplane-pack.*.bin', (route) => route.fulfill({ status: 404 }));
    await page.route('**/*.pf_filter', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await route.continue();
    });
    await page.locator('button[data-open-modal]').first().click();
    const input = page.locator('#starlight__search .pagefind-ui__search-input');
    await input.fill('res');
    await page.waitForTimeout(SEARCH_DEBOUNCE_MS * 4);
    await input.fill('restore');
    // Shown once the search for the whole word is done; one for "res" would have been asked first.
    await page.waitForFunction(() => document.querySelector('#starlight__search .pagefind-ui__message')?.textContent?.trim().endsWith('restore'), null, { timeout: 30_000 });
    await page.locator('#starlight__search .pagefind-ui__result').first().waitFor();
    await expect(page.evaluate(() => (window as unknown as { searches: unknown[] }).searches)).resolves.toEqual(['restore']);
    await page.close();
  });

  it('loads the metadata and filters of every index of a split search in one request', async () => {
    const { page, errors } = await open('/');
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search .pagefind-ui__search-input').fill('restore');
    await page.locator('#starlight__search .pagefind-ui__result').first().waitFor();
    const names = await page.locator('#starlight__search .pagefind-ui__filter-name').allTextContents();
    expect(names.map((name) => name.trim()).sort()).toEqual(['Collection', 'Owner', 'Plane', 'Status']);
    const merged = readdirSync(inject('siteDir')).filter((name) => /^pagefind-\d+$/.test(name));
    expect(merged.length).toBeGreaterThan(1);
    // Asked of the host: the primary entry file and the pack, then word chunks and fragments.
    expect(asked.filter((path) => /\.pf_(meta|filter)$|^\/pagefind-\d+\/pagefind-entry\.json$/.test(path))).toEqual([]);
    expect(asked.filter((path) => path.startsWith('/pagefind/multiplane-pack.'))).toHaveLength(1);
    expect(asked.filter((path) => path === '/pagefind/pagefind-entry.json')).toHaveLength(1);
    expect(asked.some((path) => /^\/pagefind-\d+\/index\/.*\.pf_index$/.test(path))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has the browser inflate the files Pagefind compressed, as Pagefind would', async () => {
    const site = inject('siteDir');
    expect(readFileSync(join(site, 'pagefind/pagefind-worker.js'), 'utf8').startsWith(PACK_RUNTIME)).toBe(true);
    const first = (folder: string, suffix: string) => `${folder}/${readdirSync(join(site, folder)).filter((name) => name.endsWith(suffix)).sort()[0]}`;
    const files = [
      first('pagefind', '.pf_meta'),
      first('pagefind-1/index', '.pf_index'),
      first('pagefind-1/filter', '.pf_filter'),
      first('pagefind-1/fragment', '.pf_fragment'),
      'pagefind/wasm.en.pagefind',
    ];
    const { page, errors } = await open('/');
    // The runtime as Pagefind's worker runs it, in the page; a string, so that vitest leaves it alone.
    const digests = (await page.evaluate(`(async () => {
      ${GUNZIP_RUNTIME}
      return Promise.all(${JSON.stringify(files)}.map(async (file) => {
        const bytes = await multiplaneGunzip(new Uint8Array(await (await fetch('/' + file)).arrayBuffer()));
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
      }));
    })()`)) as string[];
    for (const [i, file] of files.entries()) {
      const inflated = gunzipSync(readFileSync(join(site, file)));
      expect(inflated.subarray(0, 12).toString(), file).toBe('pagefind_dcd');
      expect(digests[i], file).toBe(createHash('sha256').update(inflated).digest('hex'));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('searches every index of a split search as one', async () => {
    const folders = ['pagefind', ...readdirSync(inject('siteDir')).filter((name) => /^pagefind-\d+$/.test(name))];
    expect(folders.length).toBeGreaterThan(2);
    const { page, errors } = await open('/');
    // Each merged index holds its data alone: Pagefind's module and engine come from the first.
    for (const folder of folders.slice(1)) expect(existsSync(join(inject('siteDir'), folder, 'pagefind.js')), folder).toBe(false);
    // The first index searched alone, then with each other index merged in, each time through a
    // module of its own (another URL): what each merged index adds is its own results.
    const counts = (await page.evaluate(`Promise.all(${JSON.stringify(folders)}.map(async (folder, i) => {
      const pagefind = await import('/pagefind/pagefind.js?alone=' + i);
      if (i > 0) await pagefind.mergeIndex('/' + folder + '/');
      return (await pagefind.search('service')).results.length;
    }))`)) as number[];
    const added = counts.slice(1).map((count) => count - counts[0]!);
    expect(added.filter((count) => count > 0).length).toBeGreaterThan(1);
    const total = counts[0]! + added.reduce((sum, count) => sum + count, 0);

    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search .pagefind-ui__search-input').fill('service');
    const message = page.locator('#starlight__search .pagefind-ui__message');
    await expect.poll(async () => (await message.textContent()) ?? '').toMatch(new RegExp(`^${total} results? for service$`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds an entry by its own words, not by the names of the entries it links to', async () => {
    // Joel Marchetti's page names the incident "SMS notifications delayed" among its relations
    // and says nothing of SMS itself: a search for SMS must find the incident, not the person.
    const owner = readFileSync(join(inject('siteDir'), 'owners/joel-marchetti/index.html'), 'utf8');
    const context = owner.slice(owner.indexOf('class="mp-entry-context"'));
    expect(context).toContain('SMS notifications delayed');
    expect(owner.slice(0, owner.indexOf('class="mp-entry-context"')).replace(/<[^>]+>/g, ' ')).not.toMatch(/\bSMS\b/i);

    const { page } = await open('/');
    // Pagefind's own API lists every result, where the search box shows the first five. (A string,
    // so that vitest leaves its dynamic import alone.)
    // The site's search is split (tests/e2e/global-setup.ts): merge its other indexes as the
    // search box does.
    const merged = readdirSync(inject('siteDir')).filter((name) => /^pagefind-\d+$/.test(name));
    expect(merged.length).toBeGreaterThan(1);
    const urls = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      for (const folder of ${JSON.stringify(merged)}) await pagefind.mergeIndex('/' + folder + '/');
      const search = await pagefind.search('SMS');
      return Promise.all(search.results.map(async (result) => (await result.data()).url));
    })()`)) as string[];
    expect(urls).toContain('/incidents/2026-11-notification-delays/');
    expect(urls).not.toContain('/owners/joel-marchetti/');
    await page.close();
  });

  it("searches after the site's shorter pause in typing, not Pagefind's default", () => {
    const scripts = join(inject('siteDir'), '_astro');
    const search = readdirSync(scripts)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(scripts, name), 'utf8'))
      .find((code) => code.includes('#starlight__search'));
    expect(search).toMatch(new RegExp(`debounceTimeoutMs\\s*[=:]\\s*${SEARCH_DEBOUNCE_MS}\\b`));
  });

  it('waits longer before it searches one letter, so a short pause after it starts no search', async () => {
    const { page } = await open('/');
    await page.locator('button[data-open-modal]').first().click();
    const input = page.locator('#starlight__search .pagefind-ui__search-input');
    await input.waitFor();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __messages: string[] }).__messages = seen;
      new MutationObserver(() => {
        const text = document.querySelector('#starlight__search .pagefind-ui__message')?.textContent?.trim();
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // The page's timers on a paused clock of the test's own, so that a slow machine's keystrokes
    // cannot stretch the pause: only the time the test runs the clock for counts. An installed
    // clock alone still follows the wall clock; pausing it is what stops that.
    await page.clock.install();
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await input.pressSequentially('m');
    // Longer than the box waits after a word, shorter than after one or two letters.
    await page.clock.runFor(SEARCH_DEBOUNCE_MS + 50);
    await input.pressSequentially('esh');
    const result = page.locator('#starlight__search .pagefind-ui__result').first();
    await expect.poll(async () => (await page.clock.runFor(100), result.isVisible()), { timeout: 30_000 }).toBe(true);
    const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages.some((message) => /\bmesh(\.\.\.)?$/.test(message))).toBe(true);
    expect(messages.filter((message) => /\bfor m(\.\.\.)?$/.test(message))).toEqual([]);
    await page.close();
  });

  for (const path of ['/', '/services/', '/services/mesh-gateway/', '/owners/delivery-infrastructure/', '/governance/', '/governance/rules/', '/loop/', '/planes/control/', '/runbooks/mesh-routing-architecture/', '/authoring/', '/authoring/services/', '/whitepaper/operating-loop/']) {
    it(`logs no console errors on ${path}`, async () => {
      const { page, errors } = await open(path);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  for (const path of ['/', '/services/', '/services/mesh-gateway/', '/governance/']) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`has no serious or critical accessibility violations on ${path} (${scheme})`, async () => {
        const { page } = await open(path, scheme, true);
        const violations = await seriousAxeViolations(page);
        expect(violations).toEqual([]);
        await page.close();
      });
    }
  }

  it('sends a Content-Security-Policy that allows no inline script it did not hash', async () => {
    const html = await (await fetch(`${served.url}/services/mesh-gateway/`)).text();
    const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).toContain("'sha256-");
  });

  it('publishes catalog.json, the RSS feed, the sitemap and a 404 page', async () => {
    const catalog = await (await fetch(`${served.url}/catalog.json`)).json();
    expect(catalog.entries.length).toBeGreaterThanOrEqual(80);
    const service = catalog.entries.find((entry: { key: string }) => entry.key === 'services/mesh-gateway');
    expect(service.relations.ownedBy).toEqual(['owners/delivery-infrastructure']);
    expect(service.backlinks.coveredBy).toContain('runbooks/gateway-5xx-surge');
    const rss = await (await fetch(`${served.url}/rss.xml`)).text();
    expect(rss).toContain('<item>');
    const sitemap = await (await fetch(`${served.url}/sitemap-0.xml`)).text();
    expect(sitemap).toContain('/services/mesh-gateway/');
    const missing = await fetch(`${served.url}/no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  });
});
