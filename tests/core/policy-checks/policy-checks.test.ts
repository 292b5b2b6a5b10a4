import { describe, expect, it } from 'vitest';
import { parsePolicyCheckId, policyCheckId } from '../../../src/core/policy-checks/policy-check-id.ts';
import { policyCompliance } from '../../../src/site/view/policy-compliance.ts';
import { checkFixture, findingsOf } from '../../helpers/fixtures.ts';

const TIER = 'policy:change-policy/tier-one-only';

describe('checks a policy carries', () => {
  it('pass: an entry that meets the check is no finding, and counts as passing', () => {
    const report = checkFixture('policy-check-pass');
    expect(report.findings).toEqual([]);
    const rule = 'policy:change-policy/on-call-named';
    expect([report.run.applies(rule, 'services/api'), report.run.failed(rule, 'services/api')]).toEqual([true, false]);
    const policy = report.graph.get('policies/change-policy');
    expect(policy?.collection === 'policies' && policyCompliance(report, policy)[0]?.results).toEqual([
      { collection: 'services', applicable: 2, passing: 2, failing: [] },
    ]);
  });

  it('fail: an entry that does not is a finding at its own file and line, pointing at the policy', () => {
    expect(findingsOf(checkFixture('policy-check-fail'), TIER)).toMatchInlineSnapshot(`
      [
        {
          "field": "tier",
          "file": "content/services/db.md",
          "hint": "Change the entry so that \`entry.tier == 1\` holds. The policy is content/policies/change-policy.md:16.",
          "line": 4,
          "message": "Service \`db\` fails check \`tier-one-only\` of policy \`change-policy\`: Every service is tier 1.",
          "severity": "error",
        },
      ]
    `);
  });

  it("takes its severity from the policy's enforcement level: enforced is an error, advisory a warning", () => {
    expect(findingsOf(checkFixture('policy-check-fail'), TIER).map((finding) => finding.severity)).toEqual(['error']);
    expect(findingsOf(checkFixture('policy-check-advisory'), TIER).map((finding) => finding.severity)).toEqual(['warning']);
  });

  it('lets governance.yaml override the severity, down to off, without changing what failed', () => {
    expect(findingsOf(checkFixture('policy-check-override'), TIER).map((finding) => finding.severity)).toEqual(['warning']);
    const off = checkFixture('policy-check-off');
    expect(findingsOf(off, TIER)).toEqual([]);
    expect(off.run.failed(TIER, 'services/db')).toBe(true);
    // The override names a check that exists, so the settings are not reported either.
    expect(findingsOf(off, 'governance-unknown-rule')).toEqual([]);
  });

  it('reports a setting that names a check no policy carries', () => {
    expect(findingsOf(checkFixture('policy-check-misspelt-setting'), 'governance-unknown-rule').map((finding) => [finding.field, finding.message, finding.hint])).toEqual([
      ['severity.policy:change-policy/on-call-nam', '`policy:change-policy/on-call-nam` is not a rule.', 'Did you mean `policy:change-policy/on-call-named`?'],
    ]);
  });

  it('reads relations: a service through its runbooks, a deployment through its service, narrowed by appliesTo', () => {
    const report = checkFixture('policy-check-relation');
    expect(findingsOf(report, 'policy:access-policy/quarterly-runbook').map((finding) => [finding.file, finding.message])).toEqual([
      ['content/services/api.md', 'Service `api` fails check `quarterly-runbook` of policy `access-policy`: A service is covered by a runbook reviewed every quarter.'],
    ]);
    // access-policy applies to api only: db is out of scope (n/a), api's deployment is in it and passes.
    expect(report.run.applies('policy:access-policy/quarterly-runbook', 'services/db')).toBe(false);
    expect(report.run.applies('policy:access-policy/deploys-tier-one', 'deployments/api-1-2-0')).toBe(true);
    expect(report.run.failed('policy:access-policy/deploys-tier-one', 'deployments/api-1-2-0')).toBe(false);
  });

  it('does not count an entry its `when` leaves out, and fails one the expression cannot be evaluated for', () => {
    const report = checkFixture('policy-check-missing-field');
    expect(report.run.applies('policy:change-policy/when-excludes', 'services/api')).toBe(false);
    expect(report.run.failed('policy:change-policy/when-excludes', 'services/db')).toBe(false);
    expect(findingsOf(report, 'policy:change-policy/restore-tested-this-year')).toMatchInlineSnapshot(`
      [
        {
          "field": "operations.backups.lastRestoreTest",
          "file": "content/services/api.md",
          "hint": "Change the entry so that \`entry.operations.backups.lastRestoreTest > now - duration('8760h')\` holds, or guard the expression with has() in the policy. The policy is content/policies/change-policy.md:16.",
          "line": 7,
          "message": "Service \`api\` fails check \`restore-tested-this-year\` of policy \`change-policy\`: Restores are tested every year. The expression could not be evaluated for it: field not found: backups.",
          "severity": "error",
        },
      ]
    `);
  });

  it('makes a scorecard level that requires a check depend on it, and n/a where it does not apply', () => {
    const report = checkFixture('policy-check-scorecard');
    expect(report.scores.map((score) => [score.key, score.level])).toEqual([
      ['services/api', 'Gold'],
      ['services/db', 'Bronze'],
    ]);
    expect(report.scores[1]?.levels[1]?.checks).toEqual([{ rule: TIER, status: 'fail', passed: false, failing: ['services/db'] }]);
    const relation = checkFixture('policy-check-relation');
    expect(relation.run.applies('policy:access-policy/quarterly-runbook', 'services/db')).toBe(false);
  });

  it('runs nothing for a draft policy', () => {
    const report = checkFixture('policy-check-draft');
    expect(report.run.knows(TIER)).toBe(false);
    expect(report.findings.filter((finding) => finding.rule.startsWith('policy:'))).toEqual([]);
  });

  it('names checks policy:<policy-id>/<name>, policy IDs with folders included', () => {
    expect(policyCheckId('security/secrets', 'rotated')).toBe('policy:security/secrets/rotated');
    expect(parsePolicyCheckId('policy:security/secrets/rotated')).toEqual({ policyId: 'security/secrets', name: 'rotated' });
    expect(parsePolicyCheckId('service-governed')).toBeUndefined();
  });
});

describe('policy compliance in an edition', () => {
  it('counts and names only the entries the edition publishes', async () => {
    const { editionReport } = await import('../../../src/core/editions/edition-view.ts');
    // change-policy and api are public; db, which fails the check, is internal.
    const full = checkFixture('policy-check-edition');
    const policy = full.graph.get('policies/change-policy');
    expect(policy?.collection === 'policies' && policyCompliance(full, policy)[0]?.results[0]).toMatchObject({ applicable: 2, failing: ['services/db'] });
    const published = editionReport(full, { edition: 'public', includeDrafts: false });
    const shown = published.graph.get('policies/change-policy');
    expect(shown?.collection === 'policies' && policyCompliance(published, shown)[0]?.results).toEqual([
      { collection: 'services', applicable: 1, passing: 1, failing: [] },
    ]);
  });
});
