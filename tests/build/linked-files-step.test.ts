import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linkedFilesToPublish, publishLinkedFiles } from '../../src/build/linked-files-step.ts';
import { editionReport } from '../../src/core/editions/edition-view.ts';
import { checkFixture, fixtureRoot } from '../helpers/fixtures.ts';

const site = mkdtempSync(join(tmpdir(), 'multiplane-linked-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('files linked beside an entry', () => {
  it('are published where the link points from the entry page, and nothing from outside the content folder', () => {
    const report = editionReport(checkFixture('linked-files'), { edition: 'internal', includeDrafts: false });
    expect(publishLinkedFiles(linkedFilesToPublish(report, fixtureRoot('linked-files'), 'content'), site)).toBe(1);
    expect(readFileSync(join(site, 'runbooks', 'api-runbook', 'escalation.pdf'), 'utf8')).toContain('escalation sheet');
    expect(existsSync(join(site, 'package.json'))).toBe(false);
    // Pictures are Astro's to publish; a missing file is skipped (the check reports it).
    expect(existsSync(join(site, 'runbooks', 'api-runbook', 'flow.png'))).toBe(false);
    expect(existsSync(join(site, 'runbooks', 'api-runbook', 'form.pdf'))).toBe(false);
  });

  it('are listed before the site is built and copied after, never over a page the site has, nor outside it', () => {
    const report = editionReport(checkFixture('linked-files'), { edition: 'internal', includeDrafts: false });
    const files = linkedFilesToPublish(report, fixtureRoot('linked-files'), 'content');
    expect(files.map((file) => file.sitePath)).toContain('/runbooks/api-runbook/escalation.pdf');
    const built = mkdtempSync(join(tmpdir(), 'multiplane-linked-built-'));
    try {
      mkdirSync(join(built, 'runbooks', 'api-runbook'), { recursive: true });
      writeFileSync(join(built, 'runbooks', 'api-runbook', 'escalation.pdf'), 'the site\'s own');
      const gone = { source: join(built, 'no-such-file.pdf'), sitePath: '/runbooks/api-runbook/gone.pdf' };
      const outside = { source: files[0]!.source, sitePath: '/../../outside.pdf' };
      expect(publishLinkedFiles([...files, gone, outside], built)).toBe(0);
      expect(readFileSync(join(built, 'runbooks', 'api-runbook', 'escalation.pdf'), 'utf8')).toBe("the site's own");
      expect(existsSync(join(built, 'runbooks', 'api-runbook', 'gone.pdf'))).toBe(false);
      expect(existsSync(join(built, '..', 'outside.pdf'))).toBe(false);
    } finally {
      rmSync(built, { recursive: true, force: true });
    }
  });
});
