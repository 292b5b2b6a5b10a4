import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import.ts';
import { runCheck } from '../../src/core/check/run-check.ts';
import { PLACEHOLDER_OWNER } from '../../src/importers/import-result.ts';
import { importMarkdown } from '../../src/importers/markdown/import-markdown.ts';
import { NOW } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';
import { FIXTURES, filesUnder, PAGERDUTY_CORPUS, read, scratchRoot } from './scratch.ts';

const options = { owner: PLACEHOLDER_OWNER, ownerIsPlaceholder: true, date: '2026-11-26', collection: 'runbooks', kind: 'procedure', prefix: '' } as const;
const line = (item: { source: string; line?: number; what: string; why: string }) => `${item.source}${item.line ? `:${item.line}` : ''}: ${item.what}, ${item.why}`;

describe('importing the PagerDuty MkDocs corpus', () => {
  const result = importMarkdown(PAGERDUTY_CORPUS, options);
  const byId = (id: string) => result.entries.find((entry) => entry.id === id);
  const lines = result.unmapped.map(line);

  it('imports every page, titled, tagged and ordered by the nav', () => {
    expect(result.entries).toHaveLength(36);
    expect(byId('whos_oncall')).toMatchObject({
      source: 'oncall/whos_oncall.md',
      data: { title: "Who's On-Call?", tags: ['On-Call'], owner: 'unassigned-owner', kind: 'procedure', order: 3, review: { cadence: '1y', last: '2026-11-26' } },
    });
    expect(byId('index')?.data).toMatchObject({ title: 'Home', order: 0 });
    // The nav's title wins over the page's own, as in MkDocs.
    expect(byId('incident_response')?.data).toMatchObject({ title: 'Incident Response', tags: ['Training Courses'] });
    const ordered = [...result.entries].sort((a, b) => Number(a.data.order) - Number(b.data.order)).map((entry) => entry.id);
    expect(ordered.slice(0, 6)).toEqual(['index', 'getting_started', 'being_oncall', 'whos_oncall', 'alerting_principles', 'what_is_an_incident']);
    expect(ordered.at(-1)).toBe('about');
    expect(lines.some((text) => text.includes('nav order'))).toBe(false);
  });

  it('points links between pages at the entries, relative to each page, so any base path works', () => {
    const scribe = byId('scribe')?.body ?? '';
    expect(scribe).toContain('[Different Roles for Incidents](../different_roles/)');
    expect(scribe).toContain('[Steps for Scribe](../during_an_incident/#steps-for-scribe)');
    expect(byId('different_roles')?.body).toContain('[ecg]: ../external_communication_guidelines/');
    for (const entry of result.entries) {
      expect(entry.body, entry.source).not.toMatch(/\]\((?!https?:|mailto:)[^)#]*\.md\b/);
      expect(entry.body, entry.source).not.toMatch(/\]\(\/(?!\/)/);
    }
  });

  it('turns every admonition into a Starlight aside', () => {
    const during = byId('during_an_incident')?.body ?? '';
    expect(during).toContain(':::note[Documentation]');
    expect(during).toContain(':::caution[Security Incident?]');
    for (const entry of result.entries) expect(entry.body, entry.source).not.toMatch(/^\s*(!!!|\?\?\?)/m);
    expect(result.notes.at(-1)).toMatch(/^Converted: 40 MkDocs admonitions into Starlight asides \(14 collapsible, now shown open\); 4 embedded frames \(videos\) into links;/);
  });

  it('reports every picture the corpus lacks, at its line, and keeps its alt text', () => {
    const images = lines.filter((text) => / image /.test(text));
    const imageLinks = result.entries.flatMap((entry) => [...read(join(PAGERDUTY_CORPUS, entry.source)).matchAll(/!\[[^\]]*\]\((?!https?:)[^)]*\)/g)]);
    expect(imageLinks.length).toBeGreaterThan(100);
    expect(images).toHaveLength(imageLinks.length);
    expect(images.every((text) => text.includes('the picture is missing from the imported folder; replaced by its alt text'))).toBe(true);
    expect(lines.filter((text) => text.startsWith('oncall/being_oncall.md'))).toMatchInlineSnapshot(`
      [
        "oncall/being_oncall.md: field cover ("assets/img/covers/being_on-call.png"), page settings of the old site, with no matching entry field",
        "oncall/being_oncall.md:63: image ../assets/img/misc/escalation.png, the picture is missing from the imported folder; replaced by its alt text",
        "oncall/being_oncall.md:76: image ../assets/img/misc/mobile_alerts.png, the picture is missing from the imported folder; replaced by its alt text",
        "oncall/being_oncall.md:87: image ../assets/img/misc/ack.png, the picture is missing from the imported folder; replaced by its alt text",
      ]
    `);
    expect(read(join(PAGERDUTY_CORPUS, 'oncall/being_oncall.md')).split('\n')[62]).toContain('../assets/img/misc/escalation.png');
    expect(byId('being_oncall')?.body).not.toContain('escalation.png');
    expect(result.files).toEqual([]);
  });

  it('reports what the site removes, once per page with its lines', () => {
    expect(lines.find((text) => text.startsWith('training/courses/incident_response.md:20: raw HTML <input>'))).toMatch(/^training\/courses\/incident_response\.md:20: raw HTML <input> \(85 of them, on lines 20, 31, /);
    const accounted = new Set([...result.entries.map((entry) => entry.source), ...result.unmapped.map((item) => item.source)]);
    expect(filesUnder(PAGERDUTY_CORPUS).filter((file) => !accounted.has(file))).toEqual([]);
  });

  it('produces content the check loads, with no broken link or picture', () => {
    const root = scratchRoot({ platform: true });
    expect(importCommand(['markdown', PAGERDUTY_CORPUS], memoryIo(root))).toBe(0);
    expect(filesUnder(join(root, 'content', 'runbooks'))).toHaveLength(36);
    const report = runCheck({ root, now: NOW });
    const rules = (rule: string) => report.findings.filter((finding) => finding.rule === rule);
    expect(report.findings.filter((finding) => /^(field|frontmatter|file)-/.test(finding.rule))).toEqual([]);
    expect(rules('dangling-link')).toEqual([]);
    expect(rules('owner-exists')).toHaveLength(36);
    expect(rules('runbook-sections').length).toBeGreaterThan(30);
  });

  it('imports the pages as articles or whitepaper chapters', () => {
    const articles = importMarkdown(PAGERDUTY_CORPUS, { ...options, collection: 'articles', owner: 'sam', ownerIsPlaceholder: false });
    expect(articles.entries.find((entry) => entry.id === 'scribe')).toMatchObject({
      collection: 'articles',
      data: { title: 'Scribe', tags: ['Training'], author: 'sam', date: '2026-11-26' },
    });
    expect(articles.entries.find((entry) => entry.id === 'scribe')?.body).toContain('(../different_roles/)');
    expect(articles.unmapped.some((item) => item.what.startsWith('nav order'))).toBe(true);
    const chapters = importMarkdown(PAGERDUTY_CORPUS, { ...options, collection: 'whitepaper' });
    const ordered = [...chapters.entries].sort((a, b) => Number(a.data.order) - Number(b.data.order)).map((entry) => entry.id);
    expect(ordered.slice(0, 4)).toEqual(['index', 'getting_started', 'being_oncall', 'whos_oncall']);
  });
});

describe('importing an MkDocs site with pictures, files, tabs and nested admonitions', () => {
  const result = importMarkdown(join(FIXTURES, 'import-mkdocs'), options);
  const byId = (id: string) => result.entries.find((entry) => entry.id === id);

  it('orders and titles the pages by the nav, a folder\'s README by its folder, pages not in it last', () => {
    expect(result.entries.map((entry) => [entry.id, entry.data.title, entry.data.order])).toEqual([
      ['extra', 'Extra', 3],
      ['guide', 'Guide', 2],
      ['setup', 'Set Up', 1],
      ['index', 'Home', 0],
    ]);
  });

  it('removes a heading that repeats the title and puts the others under it', () => {
    expect(byId('setup')?.body.startsWith('::::caution[Before you start]')).toBe(true);
    expect(byId('index')?.body.startsWith('## Welcome to the handbook\n')).toBe(true);
  });

  it('converts nested admonitions, tabs and frames, and carries the picture and the file beside the entry', () => {
    expect(byId('setup')?.body).toMatchInlineSnapshot(`
      "::::caution[Before you start]
      Read the [home page](../index/) first.

      :::note
      Nested notes work too.
      :::
      ::::

      <details open>
      <summary>macOS</summary>

      Install with \`brew install tool\`.

      </details>

      <details>
      <summary>Linux</summary>

      Install with \`apt install tool\`.

      </details>

      ![The flow](./img/flow.png)

      Follow the [checklist](./files/checklist.txt).

      <a href="https://video.example.com/embed/42">https://video.example.com/embed/42</a>

      !!! "A title without a type"
      "
    `);
    expect(result.files.map((file) => [file.source, file.target])).toEqual([
      ['docs/img/flow.png', 'runbooks/img/flow.png'],
      ['docs/files/checklist.txt', 'runbooks/files/checklist.txt'],
    ]);
  });

  it('reports what it left, each at its file and line', () => {
    expect(result.unmapped.map(line)).toMatchInlineSnapshot(`
      [
        "mkdocs.yml: nav link "Elsewhere": https://example.com/, it leads to another site, not to a page",
        "mkdocs.yml: site settings site_name, theme, markdown_extensions, the site's identity, theme and Markdown extensions are Multiplane's own (content/platform.yaml, astro.config.mjs)",
        "docs/extra.md: place in the nav, the page is not in mkdocs.yml's nav; imported after the pages it lists, titled "Extra"",
        "docs/extra.md:3: template placeholder \`{{ page.meta.foo }}\`, no value for it; shown as written: replace it with the text it stands for",
        "docs/guide/setup.md:17: link ../files/checklist.txt, the file was copied beside the entry, where the check finds it, but the site publishes only the pictures pages show (![…](…)) so far: until it serves linked files, also put it where readers can fetch it",
        "docs/guide/setup.md:21: MkDocs block \`!!! "A title without a type"\`, not an admonition or tab Multiplane understands; left as text",
      ]
    `);
  });

  it('puts the entries in a folder of the collection with --prefix, the links following', () => {
    const prefixed = importMarkdown(join(FIXTURES, 'import-mkdocs'), { ...options, prefix: 'handbook' });
    expect(prefixed.entries.map((entry) => entry.id)).toEqual(['handbook/extra', 'handbook/guide', 'handbook/setup', 'handbook/index']);
    expect(prefixed.entries.find((entry) => entry.id === 'handbook/index')?.body).toContain('[setting up](../setup/)');
    expect(prefixed.files.map((file) => file.target)).toEqual(['runbooks/handbook/img/flow.png', 'runbooks/handbook/files/checklist.txt']);
  });
});

describe('importing Markdown edge cases', () => {
  const fixture = join(FIXTURES, 'import-markdown-edge');
  const result = importMarkdown(fixture, options);
  const byId = (id: string) => result.entries.find((entry) => entry.id === id);

  it('takes the title from the page, else its first heading, else its folder or file name', () => {
    expect(byId('intro')?.data.title).toBe('Getting Going');
    expect(byId('intro')?.body.startsWith('Start with the')).toBe(true);
    expect(byId('b')?.data).toMatchObject({ title: 'Second Guide', tags: ['guide'] });
    // The heading differs from the title, so it stays, a level down.
    expect(byId('b')?.body).toContain('## A Heading Kept In The Body');
    expect(byId('b')?.body).toContain(':::note[Heads up]');
    expect(byId('a')?.data).toMatchObject({ title: 'A', description: 'The first guide.' });
  });

  it('keeps a page\'s own date when it becomes an article', () => {
    const articles = importMarkdown(fixture, { ...options, collection: 'articles' });
    expect(articles.entries.find((entry) => entry.id === 'news')?.data).toEqual({ title: 'We Moved The Docs', author: 'unassigned-owner', date: '2025-04-01' });
    expect(articles.entries.find((entry) => entry.id === 'intro')?.data.date).toBe('2026-11-26');
    expect(articles.unmapped.some((item) => item.source === 'news.md')).toBe(false);
  });

  it('rewrites links by page and directory URL, leaving code alone', () => {
    expect(byId('intro')?.body).toMatchInlineSnapshot(`
      "Start with the [first guide](../a/) and the [second](../b/) one.
      See the [diagram](./img/flow.png) and the missing page.

      \`\`\`sh
      cat [not a link](guides/a/index.md)
      \`\`\`
      "
    `);
    expect(byId('a')?.body).toContain('[back](../intro/#getting-going)');
    expect(byId('a')?.body).toContain('![Flow](./img/flow.png)');
  });

  it('reports what it could not map, including a page it could not read', () => {
    expect(result.entries).toHaveLength(4);
    expect(result.unmapped.map(line)).toMatchInlineSnapshot(`
      [
        "guides/.pages: the whole hidden file, not read: hidden entries hold tool state, not documents",
        "broken.md: the whole page, not imported: its frontmatter cannot be read as YAML: unexpected end of the stream within a flow collection on line 3",
        "guides/a/index.md: field template ("wide.html"), page settings of the old site, with no matching entry field",
        "news.md: field date ("2025-04-01"), page settings of the old site, with no matching entry field",
        "guides/a/index.md:8: image ../../img/gone.png, the picture is missing from the imported folder; replaced by its alt text",
        "intro.md:4: link img/flow.png, the file was copied beside the entry, where the check finds it, but the site publishes only the pictures pages show (![…](…)) so far: until it serves linked files, also put it where readers can fetch it",
        "intro.md:4: link nowhere.md, no such page in the imported folder; unlinked, its text kept",
      ]
    `);
  });
});
