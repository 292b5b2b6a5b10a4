import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

afterAll(() => rmSync(project, { recursive: true, force: true }));

/** A minimal platform for the imports to land in: its identity and one team to own them. */
function prepareContent(): void {
  mkdirSync(join(content, 'owners'), { recursive: true });
  writeFileSync(join(content, 'platform.yaml'), 'name: Imported Knowledge\norganization: Import Test Org\nenvironment: production\ndocsVersion: "0.1"\ntrustAnchor: import-team\n');
  writeFileSync(
    join(content, 'owners', 'import-team.md'),
    '---\ntitle: Import Team\nkind: team\ncontact:\n  chat: "#import"\nescalation:\n  route: import-primary rotation\n---\n\nOwns what was imported.\n',
  );
}

describe('a site built from imported content', () => {
  it('builds with only warnings and has a page per imported entry', { timeout: 120_000 }, () => {
    prepareContent();
    // The placeholder owner would be an owner-exists error that stops the build; a real owner does not.
    for (const argv of [
      ['comply', join(CORPUS, 'comply-soc2'), '--owner', 'import-team', '--out', content],
      ['markdown', join(CORPUS, 'pagerduty-incident-response'), '--owner', 'import-team', '--out', content],
    ]) {
      const io = memoryIo(project);
      expect(importCommand(argv, io), io.err()).toBe(0);
    }

    const site = buildContentSite(join('tmp', `import-build-${process.pid}`, 'content'), ['--no-pdf']);
    try {
      expect(site.stdout).toMatch(/74 entries: 0 errors, \d+ warnings/);
      const pages = (['policies', 'runbooks'] as const).flatMap((collection) =>
        [...listCollectionFiles(content, collection)].map((file) => `${collection}/${file.id}`),
      );
      expect(pages).toHaveLength(27 + 9 + 36);
      expect(pages.filter((page) => !existsSync(join(site.dir, page, 'index.html')))).toEqual([]);
      const scribe = readFileSync(join(site.dir, 'runbooks', 'scribe', 'index.html'), 'utf8');
      expect(scribe).toContain('href="/runbooks/different_roles/"');
      expect(readFileSync(join(site.dir, 'runbooks', 'being_oncall', 'index.html'), 'utf8')).toContain('<img src="/assets/img/misc/escalation.png"');
    } finally {
      site.remove();
    }
  });
});
