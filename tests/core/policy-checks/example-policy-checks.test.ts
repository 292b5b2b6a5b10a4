import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { allPolicyChecks } from '../../../src/site/view/policy-compliance.ts';
import { NOW, EXAMPLE_ROOT } from '../../helpers/fixtures.ts';

describe("the example platform's policy checks", () => {
  const report = runCheck({ root: EXAMPLE_ROOT, now: NOW });
  const checks = allPolicyChecks(report).flatMap(({ checks: list }) => list);

  it('carries at least three, all of which compile and run', () => {
    expect(checks.length).toBeGreaterThanOrEqual(3);
    expect(checks.filter((check) => check.state !== 'run')).toEqual([]);
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('fails one deliberately, as a warning of an advisory policy', () => {
    const failing = report.findings.filter((finding) => finding.rule.startsWith('policy:'));
    expect(failing.length).toBeGreaterThanOrEqual(1);
    expect(failing.every((finding) => finding.severity === 'warning')).toBe(true);
  });

  it('uses one as a scorecard check', () => {
    const rules = report.content.governance.scorecard.levels.flatMap((level) => level.checks.map((check) => (typeof check === 'string' ? check : check.rule)));
    expect(rules.some((rule) => rule.startsWith('policy:') && report.run.knows(rule))).toBe(true);
  });
});
