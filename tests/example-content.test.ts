import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/core/check/run-check.ts';
import { COLLECTIONS } from '../src/core/schemas/index.ts';
import { NOW } from './helpers/fixtures.ts';

describe('the example platform in content/', () => {
  const report = runCheck({ root: join(import.meta.dirname, '..'), now: NOW });

  it('checks with zero errors', () => {
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('carries a few deliberate warnings for the dashboard to show', () => {
    const rules = new Set(report.findings.map((finding) => finding.rule));
    expect(report.warnings).toBeGreaterThanOrEqual(4);
    for (const rule of ['runbook-review-overdue', 'runbook-sections', 'service-runbook', 'open-loop']) {
      expect(rules, rule).toContain(rule);
    }
  });

  it('has at least the entries the model needs', () => {
    const minimum: Partial<Record<keyof typeof COLLECTIONS, number>> = {
      platform: 1,
      owners: 6,
      policies: 8,
      services: 8,
      runbooks: 10,
      deployments: 12,
      incidents: 4,
      'case-studies': 3,
      articles: 4,
      whitepaper: 11,
    };
    for (const [collection, count] of Object.entries(minimum)) {
      expect(report.graph.collection(collection as keyof typeof COLLECTIONS).length, collection).toBeGreaterThanOrEqual(count);
    }
  });

  it('names a trust anchor that is a team', () => {
    const anchor = report.graph.related('platform/platform', 'anchoredBy')[0];
    expect(anchor?.collection === 'owners' && anchor.data.kind).toBe('team');
  });

  it('reaches every scorecard level with at least one service', () => {
    const levels = new Set(report.scores.map((score) => score.level));
    expect(levels).toContain('Gold');
    expect(levels.size).toBeGreaterThanOrEqual(2);
  });
});

describe('a copy of the example platform, broken one thing at a time', () => {
  const copy = () => {
    const root = mkdtempSync(join(tmpdir(), 'multiplane-example-'));
    cpSync(join(import.meta.dirname, '..', 'content'), join(root, 'content'), { recursive: true });
    return root;
  };
  const edit = (root: string, file: string, from: RegExp, to: string) => {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    expect(text, `${file} no longer contains ${from}`).toMatch(from);
    writeFileSync(path, text.replace(from, to));
  };
  const cases = [
    { what: 'a reference', file: 'content/services/mesh-gateway.md', from: /- identity-broker/, to: '- identity-brokr', rule: 'dangling-reference', field: 'dependsOn[0]' },
    { what: 'an owner', file: 'content/services/mesh-gateway.md', from: /^owner: delivery-infrastructure$/m, to: 'owner: delivery-infra', rule: 'owner-exists', field: 'owner' },
    { what: 'a date', file: 'content/policies/change-management.md', from: /^effective: \d{4}-\d{2}-\d{2}$/m, to: 'effective: 2026-13-45', rule: 'field-invalid', field: 'effective' },
    { what: 'a required field', file: 'content/deployments/2026-09-17-event-bus-4-1-0.md', from: /^version: .*\n/m, to: '', rule: 'field-missing', field: 'version' },
  ];
  for (const { what, file, from, to, rule, field } of cases) {
    it(`names the file, line and field of ${what}`, () => {
      const root = copy();
      try {
        edit(root, file, from, to);
        const report = runCheck({ root, now: NOW });
        const errors = report.findings.filter((finding) => finding.severity === 'error');
        expect(errors.map(({ rule: id, file: where, field: name }) => ({ rule: id, file: where, field: name }))).toEqual([{ rule, file, field }]);
        expect(errors[0]?.line).toBeGreaterThan(1);
        expect(errors[0]?.hint.length).toBeGreaterThan(10);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
