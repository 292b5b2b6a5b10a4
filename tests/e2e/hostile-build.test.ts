import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContentSite } from '../helpers/built-site.ts';

const REPO = join(import.meta.dirname, '..', '..');
const relative = join('tmp', `hostile-${process.pid}`, 'content');
const content = join(REPO, relative);

afterAll(() => rmSync(join(REPO, 'tmp', `hostile-${process.pid}`), { recursive: true, force: true }));

describe('a site built from unusual but valid content', () => {
  it('builds pages for Unicode and right-to-left text, file names with spaces, and deeply nested lists', { timeout: 120_000 }, () => {
    for (const fixture of ['valid', 'unicode-rtl', 'unicode-file-names', 'deep-markdown']) {
      cpSync(join(REPO, 'tests', 'fixtures', fixture, 'content'), content, { recursive: true });
    }
    const site = buildContentSite(relative, ['--no-pdf']);
    try {
      const rtl = join(site.dir, 'runbooks', 'تشغيل', 'index.html');
      expect(existsSync(rtl)).toBe(true);
      expect(readFileSync(rtl, 'utf8')).toContain('שלום עולם');
      expect(existsSync(join(site.dir, 'runbooks', 'runbook-mit-ümlaut-und-leerzeichen', 'index.html'))).toBe(true);
      expect(existsSync(join(site.dir, 'runbooks', '東京-failover', 'index.html'))).toBe(true);
      expect(readFileSync(join(site.dir, 'runbooks', 'deep-list', 'index.html'), 'utf8')).toContain('level 299');
    } finally {
      site.remove();
    }
  });
});
