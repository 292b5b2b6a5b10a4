import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import.ts';
import { splitFrontmatter } from '../../src/core/content/frontmatter.ts';
import { runCheck } from '../../src/core/check/run-check.ts';
import { PLACEHOLDER_OWNER } from '../../src/importers/import-result.ts';
import { importMarkdown } from '../../src/importers/markdown/import-markdown.ts';
import { readPage } from '../../src/importers/markdown/read-page.ts';
import { NOW } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';
import { FIXTURES, filesUnder, PAGERDUTY_CORPUS, read, scratchRoot } from './scratch.ts';

const options = { owner: PLACEHOLDER_OWNER, ownerIsPlaceholder: true, date: '2026-11-26', collection: 'runbooks', kind: 'procedure' } as const;

/** Link targets blanked, so a body compares equal to its source whatever links were rewritten. */
const withoutTargets = (text: string) => text.replace(/\]\([^)\n]*\)/g, ']()').replace(/^( {0,3}\[[^\]\n]+\]:).*$/gm, '$1').trimEnd();

describe('importing the PagerDuty MkDocs corpus', () => {
  const result = importMarkdown(PAGERDUTY_CORPUS, options);
  const byId = (id: string) => result.entries.find((entry) => entry.id === id);
  const lines = result.unmapped.map((item) => `${item.source}: ${item.what}, ${item.why}`);

  it('imports every page, titled and tagged by the nav', () => {
    expect(result.entries).toHaveLength(36);
    expect(byId('whos_oncall')).toMatchObject({
      source: 'oncall/whos_oncall.md',
      data: { title: "Who's On-Call?", tags: ['On-Call'], owner: 'unassigned-owner', kind: 'procedure', review: { cadence: '1y', last: '2026-11-26' } },
    });
    expect(byId('index')?.data).toMatchObject({ title: 'Home' });
    expect(byId('index')?.data.tags).toBeUndefined();
    // The nav's title wins over the page's own, as in MkDocs.
    expect(byId('incident_response')?.data).toMatchObject({ title: 'Incident Response', tags: ['Training Courses'] });
    expect(byId('getting_started')?.data.description).toMatch(/^This 'Getting Started' guide will help you/);
  });

  it('points links between pages at the imported entries', () => {
    const scribe = byId('scribe')?.body ?? '';
    expect(scribe).toContain('[Different Roles for Incidents](/runbooks/different_roles/)');
    expect(scribe).toContain('[Steps for Scribe](/runbooks/during_an_incident/#steps-for-scribe)');
    expect(byId('incident_commander')?.body).toContain('(/runbooks/incident_commander/#gaining-consensus-polling-during-a-decision)');
    expect(byId('different_roles')?.body).toContain('[ecg]: /runbooks/external_communication_guidelines/');
    for (const entry of result.entries) expect(entry.body, entry.source).not.toMatch(/\]\((?!https?:|mailto:)[^)#]*\.md\b/);
  });

  it('reports every image, which all dangle in this corpus', () => {
    const images = lines.filter((line) => /: image /.test(line));
    const imageLinks = result.entries.flatMap((entry) => [...read(join(PAGERDUTY_CORPUS, entry.source)).matchAll(/!\[[^\]]*\]\((?!https?:)[^)]*\)/g)]);
    expect(imageLinks.length).toBeGreaterThan(100);
    expect(images).toHaveLength(imageLinks.length);
    expect(images.every((line) => line.includes('missing from the source'))).toBe(true);
    expect(lines.filter((line) => line.startsWith('oncall/being_oncall.md:'))).toMatchInlineSnapshot(`
      [
        "oncall/being_oncall.md: image ../assets/img/misc/escalation.png (line 63), missing from the source; now points at /assets/img/misc/escalation.png, its place in public/",
        "oncall/being_oncall.md: image ../assets/img/misc/mobile_alerts.png (line 76), missing from the source; now points at /assets/img/misc/mobile_alerts.png, its place in public/",
        "oncall/being_oncall.md: image ../assets/img/misc/ack.png (line 87), missing from the source; now points at /assets/img/misc/ack.png, its place in public/",
        "oncall/being_oncall.md: field cover ("assets/img/covers/being_on-call.png"), page settings of the old site, with no matching entry field",
      ]
    `);
    expect(read(join(PAGERDUTY_CORPUS, 'oncall/being_oncall.md')).split('\n')[62]).toContain('../assets/img/misc/escalation.png');
  });

  it('reports the site settings, the nav order and files that are not pages', () => {
    expect(lines.filter((line) => /^(mkdocs\.yml|LICENSE)/.test(line))).toMatchInlineSnapshot(`
      [
        "mkdocs.yml: site settings site_name, site_description, site_author, site_url, repo_url, copyright, theme, extra, extra_css, google_analytics, markdown_extensions, dev_addr, the site's identity, theme and Markdown extensions are Multiplane's own (content/platform.yaml, astro.config.mjs)",
        "LICENSE: the whole file, not Markdown, so not an entry; if pages link to it, copy it to public/LICENSE",
        "mkdocs.yml: nav order of 36 pages, runbooks are listed by title; nav section titles became tags",
      ]
    `);
    const accounted = new Set([...result.entries.map((entry) => entry.source), ...result.unmapped.map((item) => item.source)]);
    expect(filesUnder(PAGERDUTY_CORPUS).filter((file) => !accounted.has(file))).toEqual([]);
  });

  it('writes every page\'s text, changing only link targets', () => {
    const root = scratchRoot({ platform: true });
    expect(importCommand(['markdown', PAGERDUTY_CORPUS], memoryIo(root))).toBe(0);
    expect(filesUnder(join(root, 'content', 'runbooks'))).toHaveLength(36);
    for (const entry of result.entries) {
      const source = readPage(read(join(PAGERDUTY_CORPUS, entry.source)));
      if (!source.ok) throw new Error(`${entry.source} did not read`);
      const written = splitFrontmatter(read(join(root, 'content', 'runbooks', `${entry.id}.md`)));
      expect(withoutTargets(written.body), entry.source).toBe(withoutTargets(source.page.body));
    }
  });

  it('produces content the check loads, flagging the placeholder owner and the missing sections', () => {
    const root = scratchRoot({ platform: true });
    importCommand(['markdown', PAGERDUTY_CORPUS], memoryIo(root));
    const report = runCheck({ root, now: NOW });
    const rules = (rule: string) => report.findings.filter((finding) => finding.rule === rule);
    expect(report.findings.filter((finding) => /^(field|frontmatter|file)-/.test(finding.rule) && finding.rule !== 'file-missing')).toEqual([]);
    // The corpus's pictures are not in it: each image is a broken picture, a warning at its line.
    expect(rules('file-missing')).toHaveLength(120);
    expect(rules('file-missing').every((finding) => finding.severity === 'warning')).toBe(true);
    expect(rules('owner-exists')).toHaveLength(36);
    expect(rules('runbook-sections')).toHaveLength(36);
    expect(rules('runbook-sections')[0]?.message).toBe('Procedure `about` has no "Purpose" and "Steps" sections.');
    // The corpus's own TODO, in a quoted block of the scribe's notes, is a guidance line too.
    expect(rules('placeholder-text').map((finding) => finding.file)).toEqual(['content/runbooks/scribe.md']);
    expect(report.findings).toHaveLength(73 + 120);
  });

  it('imports the pages as articles or whitepaper chapters', () => {
    const articles = importMarkdown(PAGERDUTY_CORPUS, { ...options, collection: 'articles', owner: 'sam', ownerIsPlaceholder: false });
    expect(articles.entries.find((entry) => entry.id === 'scribe')).toMatchObject({
      collection: 'articles',
      data: { title: 'Scribe', tags: ['Training'], author: 'sam', date: '2026-11-26' },
    });
    expect(articles.entries.find((entry) => entry.id === 'scribe')?.body).toContain('(/articles/different_roles/)');
    const chapters = importMarkdown(PAGERDUTY_CORPUS, { ...options, collection: 'whitepaper' });
    const ordered = [...chapters.entries].sort((a, b) => Number(a.data.order) - Number(b.data.order)).map((entry) => entry.id);
    expect(ordered.slice(0, 4)).toEqual(['index', 'getting_started', 'being_oncall', 'whos_oncall']);
    expect(chapters.unmapped.some((item) => item.what.startsWith('nav order'))).toBe(false);
  });
});

describe('importing Markdown edge cases', () => {
  const fixture = join(FIXTURES, 'import-markdown-edge');
  const result = importMarkdown(fixture, options);
  const byId = (id: string) => result.entries.find((entry) => entry.id === id);

  it('takes the title from the first heading, else the page, else the file name', () => {
    expect(byId('intro')?.data.title).toBe('Getting Going');
    expect(byId('intro')?.body.startsWith('Start with the')).toBe(true);
    // Two index pages keep their folders to stay apart.
    expect(byId('guides/b/index')?.data).toMatchObject({ title: 'Second Guide', tags: ['guide'] });
    expect(byId('guides/b/index')?.body).toContain('# A Heading Kept In The Body');
    expect(byId('guides/a/index')?.data).toMatchObject({ title: 'Index', description: 'The first guide.' });
  });

  it('keeps a page\'s own date when it becomes an article', () => {
    const articles = importMarkdown(fixture, { ...options, collection: 'articles' });
    expect(articles.entries.find((entry) => entry.id === 'news')?.data).toEqual({ title: 'We Moved The Docs', author: 'unassigned-owner', date: '2025-04-01' });
    expect(articles.entries.find((entry) => entry.id === 'intro')?.data.date).toBe('2026-11-26');
    expect(articles.unmapped.some((item) => item.source === 'news.md')).toBe(false);
  });

  it('rewrites links by page and directory URL, leaving code alone', () => {
    expect(byId('intro')?.body).toMatchInlineSnapshot(`
      "Start with the [first guide](/runbooks/guides/a/index/) and the [second](/runbooks/guides/b/index/) one.
      See the [diagram](/img/flow.png) and the [missing page](nowhere.md).

      \`\`\`sh
      cat [not a link](guides/a/index.md)
      \`\`\`
      "
    `);
    expect(byId('guides/a/index')?.body).toContain('[back](/runbooks/intro/#getting-going)');
  });

  it('reports what it could not map, including a page it could not read', () => {
    expect(result.entries).toHaveLength(4);
    expect(result.unmapped.map((item) => `${item.source}: ${item.what}, ${item.why}`)).toMatchInlineSnapshot(`
      [
        "guides/.pages: the whole hidden file, not read: hidden entries hold tool state, not documents",
        "broken.md: the whole page, not imported: its frontmatter cannot be read as YAML: unexpected end of the stream within a flow collection on line 3",
        "img/flow.png: the whole file, not Markdown, so not an entry; if pages link to it, copy it to public/img/flow.png",
        "guides/a/index.md: image ../../img/flow.png (line 7), not Markdown, so not imported; now points at /img/flow.png: copy the file to public/img/flow.png",
        "guides/a/index.md: image ../../img/gone.png (line 8), missing from the source; now points at /img/gone.png, its place in public/",
        "guides/a/index.md: field template ("wide.html"), page settings of the old site, with no matching entry field",
        "guides/b/index.md: 1 MkDocs admonition or tab (!!!, ???, ===), kept as plain text: Starlight writes asides as :::note … :::, so convert them by hand",
        "intro.md: link img/flow.png (line 4), not Markdown, so not imported; now points at /img/flow.png: copy the file to public/img/flow.png",
        "intro.md: link nowhere.md (line 4), no such page in the imported folder; left as written",
        "news.md: field date ("2025-04-01"), page settings of the old site, with no matching entry field",
      ]
    `);
  });
});
