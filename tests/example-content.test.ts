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
