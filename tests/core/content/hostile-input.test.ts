import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { MAX_FILE_BYTES } from '../../../src/core/content/read-source.ts';
import { checkFixture, findingsOf, freshFixtureRoot, NOW } from '../../helpers/fixtures.ts';

// Each hostile or broken input has its own fixture (or, where a file cannot be committed, is
// made by its test) and gets a clear finding or correct handling, never an exception.
describe('hostile and broken input', () => {
  it('refuses a huge file with a clear error instead of reading it', () => {
    const root = freshFixtureRoot();
    writeFileSync(join(root, 'content/runbooks/huge.md'), `---\ntitle: Huge\n---\n\n${'x'.repeat(10 * 1024 * 1024)}\n`);
    const report = runCheck({ root, now: NOW });
    expect(findingsOf(report, 'file-too-large')).toEqual([
      {
        severity: 'error',
        file: 'content/runbooks/huge.md',
        line: 1,
        message: `The file is 10.0 MB; entries may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
        hint: 'Split it into several entries, or move generated data out of content/.',
      },
    ]);
  });

  it('reports frontmatter nested too deeply as a YAML error on its line', () => {
    expect(findingsOf(checkFixture('deep-yaml'), 'frontmatter-yaml')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/deep.md",
          "hint": "Flatten the value: frontmatter lists and fields may nest at most 100 levels deep.",
          "line": 5,
          "message": "The YAML cannot be parsed: nesting exceeded maxDepth (100).",
          "severity": "error",
        },
      ]
    `);
  });

  it('loads and renders a body of deeply nested lists and quotes', async () => {
    const report = checkFixture('deep-markdown');
    expect(report.errors).toBe(0);
    const entry = report.graph.get('runbooks/deep-list');
    expect(entry?.headings.map((heading) => heading.text)).toEqual(['Scope', 'Requirements']);
    const renderer = await createSatteriMarkdownProcessor({ features: { rawHtml: true } });
    const html = (await renderer.render(entry?.body ?? '')).code;
    expect(html).toContain('level 299');
    expect(html).toContain('deep quote');
  });

  it('keeps Unicode and right-to-left text intact', () => {
    const report = checkFixture('unicode-rtl');
    expect(report.errors).toBe(0);
    const entry = report.graph.get('runbooks/تشغيل');
    expect(entry?.title).toBe('دليل التشغيل — إعادة تشغيل البوابة');
    expect(entry?.body).toContain('שלום עולם');
  });

  it('derives IDs from file names with spaces and non-Latin letters', () => {
    const report = checkFixture('unicode-file-names');
    expect(report.errors).toBe(0);
    expect(report.graph.get('runbooks/runbook-mit-ümlaut-und-leerzeichen')?.file).toBe('content/runbooks/Runbook mit Ümlaut und Leerzeichen.md');
    expect(report.graph.get('runbooks/東京-failover')?.title).toBe('東京 failover');
  });

  it('refuses a symbolic link that points outside content/', () => {
    const root = freshFixtureRoot();
    symlinkSync('/etc/hostname', join(root, 'content/runbooks/outside.md'));
    mkdirSync(join(root, 'content/runbooks/nested'), { recursive: true });
    symlinkSync(join(root, 'content/owners/alex.md'), join(root, 'content/runbooks/nested/inside.md'));
    const report = runCheck({ root, now: NOW });
    expect(findingsOf(report, 'file-outside-content')).toEqual([
      expect.objectContaining({ file: 'content/runbooks/outside.md', message: 'This file is a link to /etc/hostname, which is outside the content folder.' }),
    ]);
  });

  it('reports a broken symbolic link as unreadable', () => {
    const root = freshFixtureRoot();
    symlinkSync(join(root, 'content/nowhere.md'), join(root, 'content/runbooks/broken.md'));
    expect(findingsOf(runCheck({ root, now: NOW }), 'file-unreadable').map((finding) => finding.message)).toEqual([
      'The file is a link to something that does not exist.',
    ]);
  });

  it('reports IDs that differ only in letter case as duplicates', () => {
    expect(findingsOf(checkFixture('duplicate-id'), 'duplicate-id')).toHaveLength(1);
  });
});

describe('frontmatter Starlight would render as raw HTML', () => {
  it('is refused in content entries: head, banner and hero are unknown fields', () => {
    const findings = findingsOf(checkFixture('starlight-html-fields'), 'field-unknown');
    expect(findings.map((finding) => [finding.field, finding.line])).toEqual([
      ['head', 10],
      ['banner', 13],
      ['hero', 15],
    ]);
  });
});
