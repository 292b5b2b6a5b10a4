import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/pdf/static-server.ts';
import { INDEX_PAGE_ROWS } from '../../src/site/view/paginate-index.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { launchChromium } from '../../src/browser/index.ts';
import { buildContentSite } from '../helpers/built-site.ts';

const REPO = join(import.meta.dirname, '..', '..');
// Inside the project (tmp/ is ignored by git), so the build resolves modules as for content/.
const relative = join('tmp', `long-index-${process.pid}`, 'content');
const content = join(REPO, relative);
/** The valid fixture's one deployment and these make the index run onto a second page. */
const ADDED = INDEX_PAGE_ROWS + 30;

let site: ReturnType<typeof buildContentSite>;

/** Deployments of the valid fixture's service, one every 12 hours going back from November. */
function writeDeployments(): void {
  cpSync(join(REPO, 'tests', 'fixtures', 'valid', 'content'), content, { recursive: true });
  mkdirSync(join(content, 'deployments'), { recursive: true });
  for (let n = 1; n <= ADDED; n++) {
    const date = new Date(Date.UTC(2026, 10, 1) - n * 12 * 3600_000).toISOString();
    writeFileSync(
      join(content, 'deployments', `api-release-${n}.md`),
      `---\ntitle: API release ${n}\nservice: api\nversion: 1.1.${n}\nenvironment: production\ndate: ${date}\npipeline: deploy-api\nchangePolicy: change-policy\napprover: alex\noutcome: succeeded\n---\n\nRelease ${n}.\n`,
    );
  }
}

const page = (path: string) => readFileSync(join(site.dir, path, 'index.html'), 'utf8');
const rowLinks = (html: string) => [...html.matchAll(/<tr><td data-sort="[^"]*"><a href="\/deployments\/([^/"]+)\/"/g)].map((match) => match[1]);

beforeAll(() => {
  writeDeployments();
  site = buildContentSite(relative, ['--no-pdf']);
}, 120_000);

afterAll(() => {
  site?.remove();
  rmSync(join(REPO, 'tmp', `long-index-${process.pid}`), { recursive: true, force: true });
});

describe('a collection index longer than one page', () => {
  it(`shows ${INDEX_PAGE_ROWS} rows on the index and the rest on page 2, each entry once`, () => {
    const first = rowLinks(page('deployments'));
    const second = rowLinks(page('deployments/page/2'));
    expect(first).toHaveLength(INDEX_PAGE_ROWS);
    expect(second).toHaveLength(ADDED + 1 - INDEX_PAGE_ROWS);
    expect(new Set([...first, ...second]).size).toBe(ADDED + 1);
    // Newest first: the fixture's November deployment leads, the oldest release ends page 2.
    expect(first[0]).toBe('api-1-2-0');
    expect(second.at(-1)).toBe(`api-release-${ADDED}`);
  });

  it('links the pages to each other and says which rows each holds', () => {
    const second = page('deployments/page/2');
    expect(second).toContain('<title>Deployments, page 2 of 2');
    expect(second).toMatch(new RegExp(`Rows ${INDEX_PAGE_ROWS + 1}–${ADDED + 1} of ${ADDED + 1}, 2 pages`));
    expect(second).toContain('<a href="/deployments/" rel="prev">Previous</a>');
    expect(second).toContain('<a href="/deployments/page/2/" aria-current="page"');
    expect(page('deployments')).toContain('<a href="/deployments/page/2/" rel="next">Next</a>');
    // The month split between the pages is marked as continued on the second.
    expect(second).toMatch(/<h2 id="group-2026-0\d">[A-Z][a-z]+ 2026\s*<span class="mp-continued">\(continued\)<\/span>/);
  });

  it('keeps short indexes on one page', () => {
    expect(page('services')).not.toContain('mp-pager');
  });

  it('has no serious or critical accessibility violations on a second page, light and dark', { timeout: 60_000 }, async () => {
    const server = await serveStatic(site.dir);
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      for (const colorScheme of ['light', 'dark'] as const) {
        const tab = await browser.newPage({ bypassCSP: true, colorScheme });
        await tab.goto(`${server.url}/deployments/page/2/`, { waitUntil: 'networkidle' });
        expect(await seriousAxeViolations(tab), colorScheme).toEqual([]);
        await tab.close();
      }
    } finally {
      await browser?.close();
      await server.close();
    }
  });
});
