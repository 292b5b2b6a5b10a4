import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { POLICY_CHECK_EXAMPLES } from '../../../src/site/view/policy-check-examples.ts';
import { freshFixtureRoot, NOW } from '../../helpers/fixtures.ts';

describe("the authoring guide's examples of policy checks", () => {
  it('all compile and run, as written', () => {
    const root = freshFixtureRoot('valid');
    const file = join(root, 'content/policies/change-policy.md');
    const text = readFileSync(file, 'utf8');
    const checks = POLICY_CHECK_EXAMPLES.map((example) => example.yaml).join('\n');
    writeFileSync(file, text.replace(/\n---\n/, `\nchecks:\n${checks}\n---\n`));
    const report = runCheck({ root, now: NOW });
    expect(report.findings.filter((finding) => finding.rule === 'policy-check-invalid' || finding.rule.startsWith('field-'))).toEqual([]);
    const names = [...checks.matchAll(/- name: (\S+)/g)].map((match) => `policy:change-policy/${match[1]}`);
    expect(names).toHaveLength(POLICY_CHECK_EXAMPLES.length);
    expect(names.filter((name) => !report.run.knows(name))).toEqual([]);
    // Guarded as the guide says: no entry of the fixture makes one fail to evaluate.
    expect(report.findings.filter((finding) => finding.message.includes('could not be evaluated'))).toEqual([]);
  });
});
