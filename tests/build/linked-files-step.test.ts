import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishLinkedFiles } from '../../src/build/linked-files-step.ts';
import { editionReport } from '../../src/core/editions/edition-view.ts';
import { checkFixture, fixtureRoot } from '../helpers/fixtures.ts';

const site = mkdtempSync(join(tmpdir(), 'multiplane-linked-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

describe('files linked beside an entry', () => {
  it('are published where the link points from the entry page, and nothing from outside the content folder', () => {
    const report = editionReport(checkFixture('linked-files'), { edition: 'internal', includeDrafts: false });
    expect(publishLinkedFiles(report, fixtureRoot('linked-files'), 'content', site)).toBe(1);
    expect(readFileSync(join(site, 'runbooks', 'api-runbook', 'escalation.pdf'), 'utf8')).toContain('escalation sheet');
    expect(existsSync(join(site, 'package.json'))).toBe(false);
    // Pictures are Astro's to publish; a missing file is skipped (the check reports it).
    expect(existsSync(join(site, 'runbooks', 'api-runbook', 'flow.png'))).toBe(false);
    expect(existsSync(join(site, 'runbooks', 'api-runbook', 'form.pdf'))).toBe(false);
  });
});
