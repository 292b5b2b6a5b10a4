import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureSite } from '../helpers/built-site.ts';
import { readPdf } from '../helpers/read-pdf.ts';
import { liveMarkup } from '../render/live-markup.ts';

// Every internal entry of the fixture carries this marker in its title, ID or body; the draft
// carries its own. The public edition must contain neither, in any file, in any form.
const CANARY = 'zzcanary';
const DRAFT = 'zzdraft';

let publicSite: ReturnType<typeof buildFixtureSite>;
let internalSite: ReturnType<typeof buildFixtureSite>;

beforeAll(() => {
  publicSite = buildFixtureSite('editions', ['--edition', 'public']);
  internalSite = buildFixtureSite('editions');
}, 180_000);

afterAll(() => {
  publicSite?.remove();
  internalSite?.remove();
});

/** Every file of a built site as searchable text: Pagefind's gzipped index is decompressed, the PDF's text extracted. */
async function textsOf(dir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const dirent of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!dirent.isFile()) continue;
    const file = join(dirent.parentPath, dirent.name);
    const bytes = readFileSync(file);
    let text = bytes.toString('latin1');
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) text = gunzipSync(bytes).toString('latin1');
    if (file.endsWith('.pdf')) text += (await readPdf(file)).text.join('\n');
    texts.set(relative(dir, file), text.toLowerCase());
  }
  return texts;
}

function hits(texts: Map<string, string>, marker: string): string[] {
  return [...texts].filter(([, text]) => text.includes(marker)).map(([file]) => file);
}

describe('the public edition', () => {
  it('contains no trace of an internal entry in any output file, the search index and the PDF included', async () => {
    const texts = await textsOf(publicSite.dir);
    expect([...texts.keys()].some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect([...texts.keys()]).toContain('whitepaper.pdf');
    expect(hits(texts, CANARY)).toEqual([]);
  });

  it('still publishes the public entries, saying that references to internal ones are withheld, without a count', () => {
    const page = readFileSync(join(publicSite.dir, 'services/public-api/index.html'), 'utf8');
    expect(page).toContain('Public API');
    expect(page).toContain('details withheld in this edition');
    const team = readFileSync(join(publicSite.dir, 'owners/public-team/index.html'), 'utf8');
    expect(team).toContain('details withheld in this edition');
    // Neither named nor counted: no placeholder per hidden member.
    expect(team).not.toContain('mp-internal');
    const catalog = JSON.parse(readFileSync(join(publicSite.dir, 'catalog.json'), 'utf8'));
    expect(catalog.entries.map((entry: { key: string }) => entry.key).sort()).toEqual([
      'articles/public-article',
      'owners/public-team',
      'policies/public-policy',
      'services/public-api',
      'whitepaper/public-chapter',
    ]);
    expect(catalog.entries.find((entry: { key: string }) => entry.key === 'services/public-api').fields.dependsOn).toEqual(['(internal)']);
  });

  it('derives its status from published incidents only', () => {
    expect(readFileSync(join(publicSite.dir, 'index.html'), 'utf8')).toContain('All systems operational');
    expect(readFileSync(join(internalSite.dir, 'index.html'), 'utf8')).toContain('>Outage<');
  });
});

describe('the internal edition', () => {
  it('contains the internal entries (so the canary search above can find them)', async () => {
    const found = hits(await textsOf(internalSite.dir), CANARY);
    expect(found).toContain('services/zzcanary-db/index.html');
    expect(found.some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect(found).toContain('whitepaper.pdf');
  });
});

describe('drafts', () => {
  it('appear in neither edition', async () => {
    expect(hits(await textsOf(publicSite.dir), DRAFT)).toEqual([]);
    expect(hits(await textsOf(internalSite.dir), DRAFT)).toEqual([]);
  });
});

describe('raw HTML written by authors', () => {
  it('is dead in the built page, while harmless HTML still works', () => {
    const page = readFileSync(join(publicSite.dir, 'articles/public-article/index.html'), 'utf8');
    const content = page.slice(page.indexOf('<div class="sl-markdown-content">'), page.indexOf('id="relations"'));
    expect(content).toContain('Raw HTML written by an author');
    expect(liveMarkup(content)).toEqual([]);
    expect(content).toContain('<details><summary>Still works</summary>Hidden text</details>');
    expect(content).toContain('<kbd>Ctrl</kbd>');
  });
});

describe('metrics in the public edition', () => {
  const metricsOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8'));

  it('are computed from public entries only: the internal deployment and incident of the public API count nowhere', () => {
    const published = metricsOf(publicSite.dir);
    const internal = metricsOf(internalSite.dir);
    // The internal edition sees the public API's one production deployment; the public edition sees none.
    expect(internal.services.find((service: { key: string }) => service.key === 'services/public-api').window.deploymentFrequency.deployments).toBe(1);
    expect(published.platform.window.deploymentFrequency).toEqual({ status: 'no-data', deployments: 0, days: 90 });
    expect(published.platform.window.timeToRestore).toEqual({ status: 'no-data', restored: 0, unresolved: 0 });
    expect(published.services.map((service: { key: string }) => service.key)).toEqual(['services/public-api']);
    // The public team owns an internal service too: its numbers are the public API's alone.
    expect(published.owners.map((owner: { key: string }) => owner.key)).toEqual(['owners/public-team']);
    expect(published.owners[0].window).toEqual(published.services[0].window);
  });

  it('count only published entries in the governance history', () => {
    const published = metricsOf(publicSite.dir).history;
    const internal = metricsOf(internalSite.dir).history;
    expect(published.available).toBe(true);
    const entries = (week: { completeness?: Record<string, { entries: number }> }) =>
      Object.values(week.completeness ?? {}).reduce((sum, plane) => sum + plane.entries, 0);
    const latest = (history: { weeks: { completeness?: Record<string, { entries: number }> }[] }) => history.weeks.filter((week) => week.completeness).at(-1)!;
    // The platform and the five public entries, then; the internal edition counts them all.
    expect(entries(latest(published))).toBe(6);
    expect(entries(latest(internal))).toBeGreaterThan(6);
  });

  it('draw their charts on the public pages, with tables', () => {
    for (const page of ['governance/index.html', 'services/public-api/index.html', 'planes/proof/index.html']) {
      const html = readFileSync(join(publicSite.dir, page), 'utf8');
      expect(html.match(/<svg[^>]*role="img"[^>]*class="mp-chart-svg"/g)?.length ?? 0, page).toBeGreaterThanOrEqual(4);
      expect(html, page).toContain('<details class="mp-chart-data"');
    }
  });
});
