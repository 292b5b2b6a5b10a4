import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { runCheck } from '../../src/core/check/run-check.ts';
import { PLANE_DEFINITIONS } from '../../src/core/planes.ts';
import { PRINT_ROUTE } from '../../src/site/routes.ts';
import { PLANE_ORDER_NOTE } from '../../src/site/view/plane-order.ts';
import { whitepaperChapters } from '../../src/site/view/whitepaper.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { serveExampleSite } from '../helpers/served-site.ts';
import { NOW, EXAMPLE_ROOT } from '../helpers/fixtures.ts';

// What a reader of the example site meets, in both themes, on a desktop and on a phone 390 px
// wide: the site built in global setup, served on a free port and driven in the system Chromium.
const served = serveExampleSite();

const SCHEMES = ['light', 'dark'] as const;
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;
type Viewport = keyof typeof VIEWPORTS;

/** A new tab in the given scheme and viewport, at no address yet: `visit` paths in it. */
function tab(scheme: (typeof SCHEMES)[number] = 'light', viewport: Viewport = 'desktop', bypassCSP = false): Promise<Page> {
  return served.browser.newPage({ colorScheme: scheme, viewport: VIEWPORTS[viewport], bypassCSP });
}

/** Loads a path of the site in a tab, as a reader who follows links does (styles and scripts come from its cache). */
async function visit(page: Page, path: string): Promise<Page> {
  await page.goto(`${served.url}${path}`, { waitUntil: 'load' });
  return page;
}

/** A path of the site in a tab of its own. */
async function open(path: string, scheme: (typeof SCHEMES)[number] = 'light', viewport: Viewport = 'desktop', bypassCSP = false): Promise<Page> {
  return visit(await tab(scheme, viewport, bypassCSP), path);
}

const report = runCheck({ root: EXAMPLE_ROOT, now: NOW });

describe('the operating loop diagram', { timeout: 120_000 }, () => {
  for (const scheme of SCHEMES) {
    for (const viewport of Object.keys(VIEWPORTS) as Viewport[]) {
      it(`shows its smallest text at 11 px or more, not justified (${scheme}, ${viewport})`, async () => {
        const page = await tab(scheme, viewport);
        for (const path of ['/', '/loop/']) {
          await visit(page, path);
          const seen = await page.evaluate(() => {
            const shown = [...document.querySelectorAll<SVGSVGElement>('svg.mp-loop')].filter((svg) => svg.getBoundingClientRect().width > 0);
            return shown.map((svg) => {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              const texts = [...svg.querySelectorAll('text')];
              return {
                layout: svg.classList.contains('mp-loop-narrow') ? 'narrow' : 'wide',
                texts: texts.length,
                smallest: Math.min(...texts.map((text) => Number.parseFloat(getComputedStyle(text).fontSize) * scale)),
                justified: texts.filter((text) => getComputedStyle(text).textAlign === 'justify').length,
                inside: svg.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
              };
            });
          });
          expect(seen, path).toHaveLength(1);
          // The circle on the overview's full column; pages with a table of contents beside a
          // narrower column may show the column of boxes, at its full size.
          if (viewport === 'phone') expect(seen[0]!.layout).toBe('narrow');
          if (viewport === 'desktop' && path === '/') expect(seen[0]!.layout).toBe('wide');
          expect(seen[0]!.texts).toBeGreaterThanOrEqual(14);
          expect(seen[0]!.smallest, `${path}: smallest text in px`).toBeGreaterThanOrEqual(11);
          expect(seen[0]!.justified).toBe(0);
          expect(seen[0]!.inside).toBe(true);
        }
        await page.close();
      });
    }
  }

  it("keeps Mermaid's labels centred when the whitepaper is printed, where prose is justified", async () => {
    const page = await open(PRINT_ROUTE);
    await page.emulateMedia({ media: 'print' });
    const aligns = await page.evaluate(() => ({
      labels: [...document.querySelectorAll('.mp-mermaid svg p')].map((label) => getComputedStyle(label).textAlign),
      loop: [...document.querySelectorAll('svg.mp-loop text')].map((text) => getComputedStyle(text).textAlign),
      prose: getComputedStyle(document.querySelector('.chapter > p')!).textAlign,
    }));
    expect(aligns.prose).toBe('justify');
    expect(aligns.labels.length).toBeGreaterThan(5);
    expect(aligns.labels.filter((align) => align === 'justify')).toEqual([]);
    expect(aligns.loop.filter((align) => align === 'justify')).toEqual([]);
    await page.close();
  });
});

/** Every page of the built site, as its path. */
function builtPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind' && name !== '_astro') walk(path);
      } else if (name.endsWith('.html')) pages.push(`/${relative(dir, path).replace(/index\.html$/, '')}`);
    }
  };
  walk(dir);
  return pages;
}

describe("the platform's status line", { timeout: 120_000 }, () => {
  it('is in the header of every page but the print route', () => {
    const dir = inject('siteDir');
    const pages = builtPages(dir).filter((path) => path !== PRINT_ROUTE);
    expect(pages.length).toBeGreaterThan(100);
    const without = pages.filter((path) => !readFileSync(join(dir, path.endsWith('/') ? `${path}index.html` : path), 'utf8').includes('data-mp-status='));
    expect(without).toEqual([]);
  });

  it('comes from one small file, so pages do not depend on the last incident or deployment', async () => {
    const status = await (await fetch(`${served.url}/status.json`)).json();
    expect(status).toMatchObject({ level: 'degraded', label: 'Degraded performance', openIncidents: 1 });
    expect(status.lastDeployment.text).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    // No page carries the state or the last deployment itself.
    const html = readFileSync(join(inject('siteDir'), 'services', 'mesh-gateway', 'index.html'), 'utf8');
    const line = /<section class="mp-page-status"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(line).toContain('JLT-Lane Mesh');
    expect(line).not.toContain('Degraded');
    expect(line).not.toContain(status.lastDeployment.text);
  });

  for (const scheme of SCHEMES) {
    for (const viewport of Object.keys(VIEWPORTS) as Viewport[]) {
      it(`names the platform, environment, docs version, state and last deployment (${scheme}, ${viewport})`, async () => {
        const page = await tab(scheme, viewport);
        for (const path of ['/', '/services/mesh-gateway/', '/deployments/', '/governance/', '/whitepaper/abstract/', '/no/such/page/']) {
          await visit(page, path);
          const line = page.getByRole('region', { name: 'Platform status', exact: true });
          await page.locator('[data-mp-status][data-mp-status-loaded]').waitFor({ timeout: 10_000 });
          const text = (await line.innerText()).replace(/\s+/g, ' ');
          // (The separators between the parts are drawn by CSS, which innerText leaves out.)
          expect(text, path).toMatch(/^JLT-Lane Mesh\s*production\s*Docs 2026\.11\s*Degraded performance\s*Last deploy \d{1,2} [A-Z][a-z]{2} \d{4}$/);
          await expect(line.getByRole('link', { name: 'Degraded performance' }).getAttribute('href')).resolves.toBe('/incidents/2026-11-notification-delays/');
          expect(await line.boundingBox().then((box) => (box ? box.x + box.width : Infinity))).toBeLessThanOrEqual(VIEWPORTS[viewport].width);
        }
        await page.close();
      });
    }
  }
});

describe('tables', { timeout: 180_000 }, () => {
  // An index, the dashboard, an entry's own table, Markdown tables (a timeline) and the field reference.
  const PAGES = ['/deployments/', '/governance/', '/case-studies/route-planner-v6/', '/incidents/2026-08-dispatch-outage/', '/authoring/services/'];
  for (const scheme of SCHEMES) {
    for (const viewport of Object.keys(VIEWPORTS) as Viewport[]) {
      it(`are never clipped without a sign that they scroll (${scheme}, ${viewport})`, async () => {
        let overflowing = 0;
        const page = await tab(scheme, viewport);
        for (const path of PAGES) {
          await visit(page, path);
          const tables = await page.evaluate(() => {
            const viewportWidth = document.documentElement.clientWidth;
            return [...document.querySelectorAll('table')].map((table) => {
              const chain = [table, ...(function* up(element: Element | null): Generator<Element> {
                for (let node = element?.parentElement ?? null; node; node = node.parentElement) yield node;
              })(table)];
              const scroller = chain.find((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowX));
              const style = scroller ? getComputedStyle(scroller) : undefined;
              const focusable = !!scroller && (scroller.matches('[tabindex]') || !!scroller.querySelector('a[href], button, [tabindex]'));
              return {
                table: table.className || table.closest('[class]')?.className || 'table',
                overflows: !!scroller && scroller.scrollWidth > scroller.clientWidth + 1,
                cue: !!style && style.backgroundImage.includes('radial-gradient') && style.backgroundAttachment.includes('local'),
                focusable,
                // Without a scroller, the table must fit the page.
                fits: scroller ? scroller.getBoundingClientRect().right <= viewportWidth + 1 : table.getBoundingClientRect().right <= viewportWidth + 1,
              };
            });
          });
          const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
          expect(pageWidth, `${path} scrolls sideways as a whole`).toBe(true);
          for (const table of tables) {
            expect(table.fits, `${path}: ${table.table}`).toBe(true);
            if (!table.overflows) continue;
            overflowing++;
            expect(table, `${path}: ${table.table} overflows`).toMatchObject({ cue: true, focusable: true });
          }
        }
        await page.close();
        // On a phone some tables are wider than the screen: the check above is exercised.
        if (viewport === 'phone') expect(overflowing).toBeGreaterThan(0);
      });
    }
  }
});

describe('previous and next', { timeout: 120_000 }, () => {
  const links = async (page: Page) =>
    page.evaluate(() => ({
      prev: document.querySelector('.pagination-links a[rel="prev"]')?.getAttribute('href') ?? null,
      next: document.querySelector('.pagination-links a[rel="next"]')?.getAttribute('href') ?? null,
    }));

  it("lead through the planes in the model's order, which each plane's page states", async () => {
    const order = PLANE_DEFINITIONS.map((plane) => `/planes/${plane.id}/`);
    const page = await tab();
    for (const [index, path] of order.entries()) {
      await visit(page, path);
      expect(await links(page), path).toEqual({ prev: order[index - 1] ?? null, next: order[index + 1] ?? null });
      expect((await page.locator('main').innerText()).replace(/\s+/g, ' ')).toContain(PLANE_ORDER_NOTE);
    }
    await page.close();
  });

  it("lead through the whitepaper's chapters in order", async () => {
    const order = whitepaperChapters(report).map((chapter) => `/whitepaper/${chapter.id}/`);
    // One chapter in the browser, on a phone in the dark; the chain from every chapter's page.
    const page = await open(order[1]!, 'dark', 'phone');
    expect(await links(page)).toEqual({ prev: order[0], next: order[2] });
    await page.close();
    for (const [index, path] of order.entries()) {
      const html = readFileSync(join(inject('siteDir'), path, 'index.html'), 'utf8');
      const link = (rel: string) => new RegExp(`<a href="([^"]+)" rel="${rel}"`).exec(html)?.[1] ?? null;
      expect({ prev: link('prev'), next: link('next') }, path).toEqual({ prev: order[index - 1] ?? null, next: order[index + 1] ?? null });
    }
  });
});

describe('code blocks', { timeout: 60_000 }, () => {
  for (const scheme of SCHEMES) {
    it(`are highlighted by their language (${scheme})`, async () => {
      const page = await open('/runbooks/ledger-failover/', scheme);
      const blocks = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('pre[data-language]')].map((pre) => ({
          language: pre.dataset.language,
          colours: new Set([...pre.querySelectorAll('.ec-line .code span')].map((span) => getComputedStyle(span).color)).size,
        })),
      );
      expect(blocks.map((block) => block.language)).toEqual(expect.arrayContaining(['bash', 'sql']));
      // Keywords, strings and names in colours of their own: more than one colour per block.
      for (const block of blocks) expect(block.colours, block.language).toBeGreaterThan(1);
      await page.close();
    });
  }
});

describe('wayfinding', { timeout: 60_000 }, () => {
  it("leads from an entry to its plane and collection, and marks the collection in the sidebar", async () => {
    const page = await open('/runbooks/restore-test-procedure/');
    const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(trail.getByRole('link').allTextContents()).resolves.toEqual(['Overview', 'Knowledge plane', 'Runbooks and standards']);
    await expect(page.locator('.mp-entry-head a.mp-kind-label').textContent()).resolves.toBe('Procedure');
    const marked = page.locator('.sidebar-content a[aria-current="true"]');
    await expect(marked.textContent()).resolves.toContain('Runbooks and standards');
    await expect(page.locator('.sidebar-content a[aria-current="page"]').count()).resolves.toBe(0);
    await page.close();
  });

  it("shows a case study's outcomes, marked, and an incident's lessons", async () => {
    const study = await open('/case-studies/route-planner-v6/');
    await expect(study.locator('table.mp-outcomes tbody tr').count()).resolves.toBe(3);
    await expect(study.locator('table.mp-outcomes').innerText()).resolves.toMatch(/improved/);
    await study.close();
    const incident = await open('/incidents/2026-08-dispatch-outage/');
    const lessons = incident.locator('section[aria-labelledby="lessons-learned"]');
    await expect(lessons.innerText()).resolves.toContain('A rollback restores code, not the state the bad release already changed.');
    await incident.close();
    const index = await open('/lessons/');
    await expect(index.locator('main li').count()).resolves.toBeGreaterThanOrEqual(8);
    await index.close();
  });

  for (const scheme of SCHEMES) {
    for (const path of ['/', '/case-studies/route-planner-v6/', '/runbooks/mesh-routing-architecture/']) {
      it(`has no serious or critical accessibility violations on a phone at ${path} (${scheme})`, async () => {
        const page = await open(path, scheme, 'phone', true);
        await page.locator('[data-mp-status-loaded]').waitFor({ timeout: 10_000 });
        expect(await seriousAxeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});

describe('search', { timeout: 60_000 }, () => {
  it('shows excerpts of what entries say, not of their metadata card', async () => {
    const page = await open('/');
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('#starlight__search .pagefind-ui__search-input').fill('review');
    const excerpts = page.locator('.pagefind-ui__result-excerpt');
    await excerpts.first().waitFor();
    const texts = await excerpts.allTextContents();
    expect(texts.length).toBeGreaterThan(2);
    // The card's labels run into their values ("Next review22 Jan 2027"), which the excerpt showed.
    expect(texts.filter((text) => /(Last|Next) review\s*\d/.test(text))).toEqual([]);
    await page.close();
  });
});

describe("the site's head", () => {
  it('titles the overview once, gives the not-found page no canonical, and leaves the print route out of the sitemap', async () => {
    const home = await (await fetch(`${served.url}/`)).text();
    expect(/<title>([^<]*)<\/title>/.exec(home)?.[1]).toBe('JLT-Lane Mesh');
    const missing = await (await fetch(`${served.url}/no/such/page/`)).text();
    expect(missing).not.toContain('rel="canonical"');
    const sitemap = await (await fetch(`${served.url}/sitemap-0.xml`)).text();
    expect(sitemap).toContain('/lessons/');
    expect(sitemap).not.toContain(PRINT_ROUTE);
  });
});
