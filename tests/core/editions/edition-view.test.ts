import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { editionReport, INTERNAL_ID } from '../../../src/core/editions/edition-view.ts';
import { entryRelations } from '../../../src/site/view/relations.ts';
import { entryCard } from '../../../src/core/collections/entry-card.ts';
import { NOW } from '../../helpers/fixtures.ts';

const full = runCheck({ root: join(import.meta.dirname, '../../fixtures/editions'), now: NOW });

describe('editions', () => {
  it('publishes every entry but drafts in the internal edition', () => {
    const internal = editionReport(full, { edition: 'internal', includeDrafts: false });
    expect([...internal.hidden]).toEqual(['articles/draft-article']);
    expect(internal.graph.get('services/zzcanary-db')).toBeDefined();
  });

  it('keeps drafts when asked (astro dev)', () => {
    expect(editionReport(full, { edition: 'internal', includeDrafts: true }).hidden.size).toBe(0);
  });

  it('publishes only public entries in the public edition, and the platform', () => {
    const published = editionReport(full, { edition: 'public', includeDrafts: false });
    expect([...published.graph.entries.keys()].sort()).toEqual([
      'articles/public-article',
      'owners/public-team',
      'platform/platform',
      'policies/public-policy',
      'services/public-api',
      'whitepaper/public-chapter',
    ]);
  });

  it('replaces references to internal entries with a placeholder, wherever they were written', () => {
    const published = editionReport(full, { edition: 'public', includeDrafts: false });
    const api = published.graph.get('services/public-api');
    if (api?.collection !== 'services') throw new Error('fixture changed');
    expect(api.data.dependsOn).toEqual([INTERNAL_ID]);
    // Also declared from the policy's side (appliesTo), which must not hide it from redaction.
    expect(api.data.governedBy).toEqual([INTERNAL_ID]);
    expect(api.data.operations.onCall).toBe(INTERNAL_ID);
    const article = published.graph.get('articles/public-article');
    if (article?.collection !== 'articles') throw new Error('fixture changed');
    expect(article.data.explains).toEqual([`services/${INTERNAL_ID}`, 'services/public-api']);
    expect(JSON.stringify([...published.graph.entries.values()].map((entry) => entry.data))).not.toMatch(/zzcanary/i);
  });

  it('keeps the full platform\'s governance results for published entries', () => {
    const published = editionReport(full, { edition: 'public', includeDrafts: false });
    // public-api is governed by an internal policy: still governed, still Gold.
    expect(published.scores.map((score) => [score.key, score.level])).toEqual([['services/public-api', 'Gold']]);
    expect(published.openLoops).toEqual([]);
  });
});

describe('what the public edition withholds', () => {
  it('shows no finding about a file that is not a published entry', () => {
    const root = mkdtempSync(join(tmpdir(), 'multiplane-edition-'));
    try {
      cpSync(join(import.meta.dirname, '../../fixtures/editions/content'), join(root, 'content'), { recursive: true });
      writeFileSync(join(root, 'content', 'runbooks', 'zzcanary-notes.txt'), 'stray notes');
      const report = runCheck({ root, now: NOW });
      expect(report.findings.some((finding) => finding.file.includes('zzcanary-notes'))).toBe(true);
      const published = editionReport(report, { edition: 'public', includeDrafts: false });
      expect(JSON.stringify(published.findings)).not.toMatch(/zzcanary/i);
      expect(editionReport(report, { edition: 'internal', includeDrafts: false }).findings.some((finding) => finding.file.includes('zzcanary-notes'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('says a scorecard check failed on withheld entries without naming or counting them', () => {
    // A year on, the internal runbook that covers public-api is overdue for review.
    const later = runCheck({ root: join(import.meta.dirname, '../../fixtures/editions'), now: new Date('2027-09-01T00:00:00Z') });
    const internal = later.scores.find((score) => score.key === 'services/public-api')!;
    const check = internal.levels.flatMap((level) => level.checks).find((candidate) => candidate.via === 'coveredBy')!;
    expect(check.failing).toEqual(['runbooks/zzcanary-runbook']);
    const published = editionReport(later, { edition: 'public', includeDrafts: false });
    const shown = published.scores[0]!.levels.flatMap((level) => level.checks).find((candidate) => candidate.via === 'coveredBy')!;
    expect(shown).toMatchObject({ passed: false, failing: [], withheld: true });
    expect(JSON.stringify(published.scores)).not.toMatch(/zzcanary/i);
  });

  it('shows a team with internal members as having members whose details are withheld, without a count', () => {
    const published = editionReport(full, { edition: 'public', includeDrafts: false });
    const context = { graph: published.graph, governance: published.content.governance, now: published.now, scores: new Map() };
    const card = entryCard(published.graph.get('owners/public-team')!, context);
    expect(card.find((field) => field.label === 'Members')?.value).toEqual({ kind: 'entries', keys: [], withheld: true });
  });
});

describe('relations of an entry', () => {
  it('lists a reference the entry wrote as its own, even when the other side wrote it too', () => {
    // public-api lists zzcanary-policy in governedBy, and the policy lists public-api in appliesTo.
    const relations = entryRelations(full.graph, 'services/public-api');
    expect(relations.outgoing.find((group) => group.relation === 'governedBy')?.keys).toContain('policies/zzcanary-policy');
    expect(relations.incoming.find((group) => group.relation === 'governedBy')?.keys ?? []).not.toContain('policies/zzcanary-policy');
  });
});
