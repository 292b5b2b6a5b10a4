import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import.ts';
import { listCollectionFiles } from '../../src/core/content/list-files.ts';
import { buildContentSite } from '../helpers/built-site.ts';
import { memoryIo } from '../helpers/io.ts';

const REPO = join(import.meta.dirname, '..', '..');
const CORPUS = join(REPO, '..', 'shared', 'corpus');
// Inside the project (tmp/ is ignored by git), so the build resolves modules as for content/.
const project = join(REPO, 'tmp', `import-build-${process.pid}`);
const content = join(project, 'content');
// A GitHub project page: every address of the site starts with /repo/.
const BASE = '/repo/';

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A minimal platform for the imports to land in, published under a base path, and one team to own them. */
function prepareContent(): void {
  mkdirSync(join(content, 'owners'), { recursive: true });
  writeFileSync(
    join(content, 'platform.yaml'),
    'name: Imported Knowledge\norganization: Import Test Org\nenvironment: production\ndocsVersion: "0.1"\ntrustAnchor: import-team\nurl: https://org.github.io/repo/\n',
  );
  writeFileSync(
    join(content, 'owners', 'import-team.md'),
    '---\ntitle: Import Team\nkind: team\ncontact:\n  chat: "#import"\nescalation:\n  route: import-primary rotation\n---\n\nOwns what was imported.\n',
  );
}

// Tiny but real pictures (sharp decodes them when the site is built), 2×2 pixels.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4EaBxIkCDAUIBACWOBQHvtZ07AAAAAElFTkSuQmCC', 'base64');
const JPEG = Buffer.from(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAACAAIDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCQAIqQ/9k=',
  'base64',
);

/**
 * The PagerDuty corpus ships without its pictures. A copy gets a stand-in at every path a page
 * shows one from, so the import has pictures to carry and the build has pictures to resolve.
 */
function pagerDutyWithPictures(): { dir: string; pictures: number } {
  const dir = join(project, 'sources', 'pagerduty');
  cpSync(join(CORPUS, 'pagerduty-incident-response'), dir, { recursive: true });
  const written = new Set<string>();
  for (const page of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.md'))) {
    for (const [, target] of readFileSync(join(dir, page), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)) {
      if (!target || /^[a-z]+:/i.test(target)) continue;
      const path = join(dir, dirname(page), target);
      if (relative(dir, path).startsWith('..')) continue;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, /\.jpe?g$/i.test(path) ? JPEG : PNG);
      written.add(path);
    }
  }
  return { dir, pictures: written.size };
}

/** Every `<a href>` and `<img src>` of the body of each page under `folders`, resolved against the page's address. */
function bodyReferences(dist: string, folders: readonly string[]) {
  const references: { page: string; tag: string; url: string; resolves: boolean }[] = [];
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const page = file.split(sep).join('/');
    if (!page.endsWith('/index.html') || !folders.some((folder) => page.startsWith(`${folder}/`)) || page.split('/').length < 3) continue;
    const html = readFileSync(join(dist, file), 'utf8');
    const start = html.indexOf('sl-markdown-content');
    const body = html.slice(start, html.indexOf('</main>', start));
    const address = `${BASE}${posix.dirname(page)}/`;
    for (const [, tag = '', url = ''] of body.matchAll(/<(a|img)\b[^>]*?\s(?:href|src)="([^"]*)"/g)) {
      const decoded = url.replace(/&amp;/g, '&');
      if (decoded === '' || decoded.startsWith('#') || /^[a-z]+:/i.test(decoded)) continue;
      const path = decodeURI(new URL(decoded, `https://org.github.io${address}`).pathname);
      const local = path.startsWith(BASE) ? join(dist, path.slice(BASE.length)) : undefined;
      const resolves = local !== undefined && (existsSync(join(local, 'index.html')) || (existsSync(local) && !local.endsWith('/')));
      references.push({ page, tag, url: decoded, resolves });
    }
  }
  return references;
}

describe('a site built from imported content, under a base path', () => {
  it('resolves every link and picture, keeps the nav order, shows asides, and the reports list what was left', { timeout: 180_000 }, () => {
    prepareContent();
    const pagerduty = pagerDutyWithPictures();
    // The placeholder owner would be an owner-exists error that stops the build; a real owner does not.
    const comply = memoryIo(project);
    expect(importCommand(['comply', join(CORPUS, 'comply-soc2'), '--owner', 'import-team', '--out', content], comply), comply.err()).toBe(0);
    const markdown = memoryIo(project);
    expect(importCommand(['markdown', pagerduty.dir, '--owner', 'import-team', '--prefix', 'pagerduty', '--out', content], markdown), markdown.err()).toBe(0);

    // The reports name what was not converted, at its file and line.
    expect(comply.out()).toContain('  policies/classification.md:49: pandoc grid table (lines 49–81), it has merged cells');
    expect(comply.out()).toContain('  policies/conduct.md:39: `\\pagebreak`, removed:');
    expect(comply.out()).toMatch(/^ {2}narratives\/security\.md:18: template placeholder `\{\{\.Name\}\}` \(15 times, also on lines 22, /m);
    expect(markdown.out()).toMatch(/^ {2}training\/courses\/incident_response\.md:20: raw HTML <input> \(85 of them/m);
    expect(markdown.out()).toContain(`  and ${pagerduty.pictures} images and files the entries show or link, beside them: ${pagerduty.pictures} copied.`);
    expect(markdown.out()).toContain('Converted: 40 MkDocs admonitions into Starlight asides');

    const site = buildContentSite(relative(REPO, content), ['--no-pdf']);
    try {
      expect(site.stdout).toMatch(/74 entries: 0 errors, \d+ warnings/);
      const pages = (['policies', 'runbooks'] as const).flatMap((collection) => [...listCollectionFiles(content, collection)].filter((file) => file.markdown).map((file) => `${collection}/${file.id}`));
      expect(pages).toHaveLength(27 + 9 + 36);
      expect(pages.filter((page) => !existsSync(join(site.dir, page, 'index.html')))).toEqual([]);

      // Every link and picture in the imported bodies resolves under /repo/.
      const references = bodyReferences(site.dir, ['policies', 'runbooks']);
      expect(references.filter((reference) => !reference.resolves)).toEqual([]);
      expect(references.filter((reference) => reference.tag === 'img')).toHaveLength(pagerduty.pictures);
      const scribe = readFileSync(join(site.dir, 'runbooks', 'pagerduty', 'scribe', 'index.html'), 'utf8');
      expect(scribe).toContain('href="../different_roles/"');
      expect(readFileSync(join(site.dir, 'runbooks', 'pagerduty', 'being_oncall', 'index.html'), 'utf8')).toMatch(/<img alt="Escalation"[^>]* src="\/repo\/_astro\/[^"]+"/);

      // The sidebar links the collections under /repo/, the base path added once.
      const nav = /<nav[^>]*aria-label="Main"[^>]*>([\s\S]*?)<\/nav>/.exec(scribe)?.[1] ?? '';
      const runbooksLink = /<a href="\/repo\/runbooks\/"[^>]*>/.exec(nav)?.[0] ?? '';
      expect(runbooksLink).toContain('aria-current="true"');
      expect(runbooksLink.match(/ class=/g)).toHaveLength(1);
      expect(nav).toContain('href="/repo/governance/"');
      expect(nav).not.toContain('/repo/repo/');

      // The runbooks list keeps the MkDocs nav's order.
      const index = readFileSync(join(site.dir, 'runbooks', 'index.html'), 'utf8');
      const listed = [...index.matchAll(/href="\/repo\/runbooks\/pagerduty\/([^/"]+)\/"/g)].map((match) => match[1]);
      expect(listed.slice(0, 6)).toEqual(['index', 'getting_started', 'being_oncall', 'whos_oncall', 'alerting_principles', 'what_is_an_incident']);

      // Admonitions became Starlight asides; none is left as text.
      const during = readFileSync(join(site.dir, 'runbooks', 'pagerduty', 'during_an_incident', 'index.html'), 'utf8');
      expect(during).toMatch(/<aside aria-label="Documentation" class="starlight-aside starlight-aside--note">/);
      expect(during).toMatch(/<aside aria-label="Security Incident\?" class="starlight-aside starlight-aside--caution">/);
      for (const page of pages) expect(readFileSync(join(site.dir, page, 'index.html'), 'utf8'), page).not.toMatch(/<p>(!!!|\?\?\?)/);

      // comply's H1 sections sit under the title, so "On this page" lists them.
      expect(readFileSync(join(site.dir, 'policies', 'access', 'index.html'), 'utf8')).toMatch(/<h2 id="purpose-and-scope">Purpose and Scope<\/h2>/);
    } finally {
      site.remove();
    }
  });
});
