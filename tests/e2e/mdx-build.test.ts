import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSite } from '../helpers/built-site.ts';
import { fixtureRoot } from '../helpers/fixtures.ts';

const REPO = join(import.meta.dirname, '..', '..');
// Inside the project (tmp/ is ignored by git), so MDX imports resolve as they do for content/.
const project = join(REPO, 'tmp', `mdx-build-${process.pid}`);

let site: ReturnType<typeof buildContentSite>;

beforeAll(() => {
  cpSync(join(fixtureRoot('mdx-trusted'), 'content'), join(project, 'content'), { recursive: true });
  site = buildContentSite(join('tmp', `mdx-build-${process.pid}`, 'content'), ['--no-pdf']);
}, 120_000);

afterAll(() => {
  site?.remove();
  rmSync(project, { recursive: true, force: true });
});

describe('a site with a trusted MDX chapter', () => {
  const chapter = () => readFileSync(join(site.dir, 'whitepaper', 'introduction', 'index.html'), 'utf8');

  it('renders the components it imports', () => {
    expect(chapter()).toMatch(/<aside[^>]*class="[^"]*starlight-aside[^"]*starlight-aside--tip/);
    expect(chapter()).toContain('Why platforms need an operating model.');
  });

  it('draws its Mermaid block as a diagram, like a Markdown entry', () => {
    const html = chapter();
    expect(html).toMatch(/<figure class="mp-mermaid" tabindex="0"><svg[^>]*role="img"/);
    expect(html).toContain('Governance');
    expect(html).not.toContain('language-mermaid');
  });
});
