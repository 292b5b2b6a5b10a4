import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { launchChromium } from '../../src/browser/index.ts';
import { GovernanceSchema } from '../../src/core/schemas/governance.ts';
import { PlatformSchema } from '../../src/core/schemas/platform.ts';
import { serveStatic } from '../../src/pdf/static-server.ts';
import { buildContentSite } from '../helpers/built-site.ts';
import { readPdf } from '../helpers/read-pdf.ts';

/*
 * The site built from hostile content (tests/fixtures/xss-hostile over tests/fixtures/valid):
 * every string of platform.yaml and governance.yaml, titles, descriptions, tags, owner names,
 * addresses and Markdown bodies carry payloads that call `__xss(<id>)` if they ever run. Every
 * page is loaded twice in Chromium, without the Content-Security-Policy (so the escaping and the
 * sanitizer are tested on their own) and with it, and the search dialog is used once in each.
 * Nothing may run, no markup from a text field may become an element, and the policy may not
 * have to block anything.
 */

const REPO = join(import.meta.dirname, '..', '..');
const FIXTURE = join(REPO, 'tests', 'fixtures', 'xss-hostile');
const work = join('tmp', `xss-${process.pid}`);

let site: ReturnType<typeof buildContentSite>;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

/** Copies fixture trees, each laid over the previous, into a content folder inside the project. */
function contentFrom(name: string, overlays: readonly string[], removals: readonly string[] = []): string {
  const content = join(work, name, 'content');
  for (const overlay of overlays) cpSync(overlay, join(REPO, content), { recursive: true });
  for (const path of removals) rmSync(join(REPO, work, name, path), { force: true });
  return content;
}

beforeAll(async () => {
  site = buildContentSite(contentFrom('hostile', [join(REPO, 'tests', 'fixtures', 'valid', 'content'), join(FIXTURE, 'content')]));
  server = await serveStatic(site.dir);
  // Addresses outside this machine fail at once instead of waiting on DNS; requests to them are
  // still seen (and counted when they go to the payloads' marker host).
  browser = await launchChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  site?.remove();
  rmSync(join(REPO, work), { recursive: true, force: true });
});

/** Every page of the built site, as a path under the site's root (`/services/api/`). */
function sitePages(): string[] {
  return readdirSync(site.dir, { withFileTypes: true, recursive: true })
    .filter((dirent) => dirent.isFile() && dirent.name.endsWith('.html'))
    .map((dirent) => `/${relative(site.dir, join(dirent.parentPath, dirent.name)).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

interface Pass {
  /** `page: id` of every payload that ran. */
  readonly executed: string[];
  /** What the policy blocked (nothing should have been there to block). */
  readonly violations: string[];
  /** Live markup found in the pages after loading: handlers, script URLs, frames, payload elements. */
  readonly live: string[];
  /** Dialogs, navigations away and requests to the payloads' marker host. */
  readonly escapes: string[];
  pages: number;
}

/** Lists what in the current document could run or came from markup in a text field. */
function auditDocument(): string[] {
  const found: string[] = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster'];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.localName;
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
      if (name === 'srcdoc') found.push(`<${tag} srcdoc>`);
      // Pagefind UI's own search form, which it never submits.
      const pagefindForm = tag === 'form' && element.classList.contains('pagefind-ui__form') && attribute.value === 'javascript:void(0);';
      if (urlAttributes.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value) && !pagefindForm) found.push(`<${tag} ${name}=${value.slice(0, 30)}>`);
    }
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'portal'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'base' || (tag === 'meta' && element.getAttribute('http-equiv')?.toLowerCase() === 'refresh')) found.push(`<${tag}>`);
    if (tag === 'mp-xss') found.push('<mp-xss> (markup from a text field became an element)');
    if (tag === 'script' && element.textContent?.includes('__xss')) found.push('<script> with a payload');
  }
  return found;
}

/** Lets queued events (image errors, toggles, focus) fire before the page is judged. */
function settle(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 150))));
}

async function newContext(bypassCSP: boolean, pass: Pass): Promise<BrowserContext> {
  const context = await browser.newContext({ bypassCSP });
  await context.exposeBinding('__xss', ({ page }, id: unknown) => {
    pass.executed.push(`${new URL(page.url()).pathname}: ${String(id)}`);
  });
  await context.exposeBinding('__cspViolation', ({ page }, text: unknown) => {
    pass.violations.push(`${new URL(page.url()).pathname}: ${String(text)}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __cspViolation: (text: string) => void }).__cspViolation(
        `${event.violatedDirective} ${event.blockedURI} ${event.sample}`.trim(),
      );
    });
  });
  return context;
}

/** Records dialogs, navigations away and requests to the marker host; `where` names the page being judged. */
function watch(page: Page, where: () => string, pass: Pass): void {
  page.on('dialog', (dialog) => {
    pass.escapes.push(`${where()}: a ${dialog.type()} dialog (${dialog.message()})`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (new URL(request.url()).hostname.endsWith('xss.invalid')) pass.escapes.push(`${where()}: a request to ${request.url()}`);
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url() !== 'about:blank' && !frame.url().startsWith(server.url)) {
      pass.escapes.push(`${where()}: navigated to ${frame.url()}`);
    }
  });
}

/** Loads every page, a few at a time in one context, then searches once; returns what happened. */
async function visitSite(bypassCSP: boolean): Promise<Pass> {
  const pass: Pass = { executed: [], violations: [], live: [], escapes: [], pages: 0 };
  const context = await newContext(bypassCSP, pass);
  const queue = sitePages();
  const worker = async () => {
    const page = await context.newPage();
    let current = '';
    watch(page, () => current, pass);
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      current = path;
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      await settle(page);
      for (const problem of await page.evaluate(auditDocument)) pass.live.push(`${path}: ${problem}`);
      pass.pages++;
    }
    await page.close();
  };
  await Promise.all([worker(), worker(), worker()]);
  await search(context, pass);
  await context.close();
  return pass;
}

/** Searches for the word every hostile title holds and opens the filters, where values are HTML. */
async function search(context: BrowserContext, pass: Pass): Promise<void> {
  const page = await context.newPage();
  watch(page, () => '/ (search)', pass);
  await page.goto(`${server.url}/`, { waitUntil: 'load' });
  await page.locator('button[data-open-modal]').click();
  await page.locator('#starlight__search .pagefind-ui__search-input').fill('zebraquux');
  await page.locator('#starlight__search .pagefind-ui__result').first().waitFor({ timeout: 30_000 });
  // The first results come with every filter (src/integration/search-filters-first.ts), the
  // owner's among them.
  await expect(page.locator('#starlight__search .pagefind-ui__filter-label', { hasText: HOSTILE_OWNER_LABEL }).count()).resolves.toBeGreaterThan(0);
  await settle(page);
  for (const problem of await page.evaluate(auditDocument)) pass.live.push(`/ (search): ${problem}`);
  searchFilters = await page.locator('#starlight__search .pagefind-ui__filter-label').allTextContents();
  await page.close();
}
let searchFilters: string[] = [];
/** How the search's owner filter shows the hostile owner's name: as text, its markup in look-alike characters. */
const HOSTILE_OWNER_LABEL = '＜img src=x onerror=__xss(24)＞';

/** The paths of a schema's string fields: `links.[].label`, `severity.{key}`. */
function stringFields(schema: z.ZodType, path = ''): string[] {
  const def = schema._zod.def as unknown as Record<string, z.ZodType> & { type: string; shape: Record<string, z.ZodType>; options: z.ZodType[] };
  const at = (part: string) => (path ? `${path}.${part}` : part);
  switch (def.type) {
    case 'string':
      return [path];
    case 'object':
      return Object.entries(def.shape).flatMap(([key, field]) => stringFields(field, at(key)));
    case 'optional':
    case 'default':
      return stringFields(def.innerType!, path);
    case 'array':
      return stringFields(def.element!, at('[]'));
    case 'record':
      return [...stringFields(def.keyType!, at('{key}')), ...stringFields(def.valueType!, at('{}'))];
    case 'union':
      return def.options.flatMap((option) => stringFields(option, path));
    default:
      return [];
  }
}

/** The values at a field path of parsed YAML, expanding lists (`[]`), map values (`{}`) and keys (`{key}`). */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return [value];
  const [part, ...rest] = path;
  if (part === '[]') return Array.isArray(value) ? value.flatMap((item) => valuesAt(item, rest)) : [];
  if (value === null || typeof value !== 'object') return [];
  if (part === '{}') return Object.values(value).flatMap((item) => valuesAt(item, rest));
  if (part === '{key}') return Object.keys(value);
  return valuesAt((value as Record<string, unknown>)[part!], rest);
}

describe('the hostile fixture', () => {
  // Fields whose values are checked against what exists, so they cannot carry markup.
  const VALIDATED = [
    'trustAnchor',
    'severity.{key}',
    'backups.restoreTestMaxAge',
    'scorecard.levels.[].checks.[]',
    'scorecard.levels.[].checks.[].rule',
    'scorecard.levels.[].checks.[].via',
    // Durations (90d, 1w): anything else is refused.
    'metrics.window',
    ...['deploymentFrequency', 'leadTime', 'timeToRestore'].flatMap((metric) => ['elite', 'high', 'medium'].map((band) => `metrics.bands.${metric}.${band}`)),
  ];

  for (const [file, schema] of [
    ['platform.yaml', PlatformSchema],
    ['governance.yaml', GovernanceSchema],
  ] as const) {
    it(`fills every string field of ${file} with a payload`, () => {
      const data = yaml.load(readFileSync(join(FIXTURE, 'content', file), 'utf8'));
      const fields = stringFields(schema).filter((field) => !VALIDATED.includes(field));
      expect(fields.length).toBeGreaterThan(3);
      const tame = fields.filter((field) => !valuesAt(data, field.split('.')).some((value) => String(value).includes('__xss(')));
      expect(tame, `fields of ${file} without a payload: add one to tests/fixtures/xss-hostile/content/${file}`).toEqual([]);
    });
  }
});

describe('a site built from hostile content', { timeout: 300_000 }, () => {
  it('runs no payload and holds no live markup without the Content-Security-Policy', async () => {
    const pass = await visitSite(true);
    expect(pass.pages).toBe(sitePages().length);
    expect(pass.executed).toEqual([]);
    expect(pass.live).toEqual([]);
    expect(pass.escapes).toEqual([]);
    // The owner filter shows the hostile owner's name as text, its markup in look-alike characters.
    expect(searchFilters.some((label) => label.includes(HOSTILE_OWNER_LABEL))).toBe(true);
  });

  it('runs no payload and leaves the policy nothing to block with it', async () => {
    const pass = await visitSite(false);
    expect(pass.executed).toEqual([]);
    expect(pass.violations).toEqual([]);
    expect(pass.live).toEqual([]);
    expect(pass.escapes).toEqual([]);
  });

  it("puts the policy first in every page's head, after the character set", () => {
    const late = sitePages().filter((path) => {
      const html = readFileSync(join(site.dir, path.endsWith('/') ? `${path}index.html` : path), 'utf8');
      return !/^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"\s*\/?><meta http-equiv="content-security-policy"/i.test(html);
    });
    expect(late).toEqual([]);
  });

  it('prints the platform and whitepaper strings into the PDF as text', async () => {
    const pdf = await readPdf(join(site.dir, 'whitepaper.pdf'));
    const text = pdf.text.join('\n');
    const platform = readFileSync(join(FIXTURE, 'content', 'platform.yaml'), 'utf8');
    // The cover shows the platform's name, with its markup, as characters.
    expect(platform).toContain('Zebraquux 1 </title>');
    // pdf.js breaks the text where the cover wraps it.
    expect(text.replace(/\s+/g, '')).toContain('Zebraquux1</title></style></textarea><script>__xss(1)</script><mp-xss></mp-xss>');
    expect(String(pdf.info.Title)).toContain('</title>');
  });

  it("keeps Starlight's asides in Markdown entries, with their icon", async () => {
    const html = readFileSync(join(site.dir, 'articles', 'what-we-learned', 'index.html'), 'utf8');
    expect(html).toMatch(/<aside aria-label="Note" class="starlight-aside starlight-aside--note"><p class="starlight-aside__title" aria-hidden="true"><svg [^>]*class="starlight-aside__icon"><path d="M/);
  });

  it('publishes a picture placed beside its entry', () => {
    const html = readFileSync(join(site.dir, 'articles', 'hostile-markdown', 'index.html'), 'utf8');
    const image = /<img [^>]*alt="A relative diagram"[^>]*>/.exec(html)?.[0] ?? '';
    expect(image).toMatch(/ src="[^"]*\/_astro\/diagram\.[^"]+"/);
    expect(html).not.toContain('__ASTRO_IMAGE_');
  });

  // The CSP step stops a build whose pages carry an unreviewed inline script, naming the page and
  // its entry (tests/build/csp-step.test.ts); trusted MDX that would write one is refused earlier,
  // by the check, at its own line.
  it('stops trusted MDX that would write an inline script at its file and line, and keeps the previous site', () => {
    const before = readdirSync(site.dir, { recursive: true }).length;
    const index = statSync(join(site.dir, 'index.html')).mtimeMs;
    const content = contentFrom(
      'mdx-script',
      [join(REPO, 'tests', 'fixtures', 'valid', 'content'), join(FIXTURE, 'mdx-script', 'content')],
      ['content/whitepaper/introduction.md'],
    );
    const result = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', join(REPO, 'scripts', 'build.ts'), '--content', content, '--out', site.dir, '--no-pdf'],
      { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26) / 1000) } },
    );
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/content\/whitepaper\/introduction\.mdx:9 {2}error {2}mdx-import/);
    expect(result.stderr).toContain('Build stopped: the content has');
    expect(readdirSync(site.dir, { recursive: true }).length).toBe(before);
    expect(statSync(join(site.dir, 'index.html')).mtimeMs).toBe(index);
    expect(existsSync(join(site.dir, 'articles', 'hostile-markdown', 'index.html'))).toBe(true);
  });
});
