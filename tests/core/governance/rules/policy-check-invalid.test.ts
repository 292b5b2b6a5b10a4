import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('policy-check-invalid', () => {
  it('passes policies whose checks compile', () => {
    expect(findingsOf(checkFixture('policy-check-pass'), 'policy-check-invalid')).toEqual([]);
    expect(findingsOf(checkFixture('policy-check-relation'), 'policy-check-invalid')).toEqual([]);
  });

  it("rejects an expression that is not CEL, at the check's line, with CEL's message", () => {
    expect(findingsOf(checkFixture('policy-check-compile-error'), 'policy-check-invalid')).toMatchInlineSnapshot(`
      [
        {
          "field": "checks[0].expression",
          "file": "content/policies/change-policy.md",
          "hint": "Correct the expression; the variables are \`entry\`, \`relations\` and \`now\`. See /authoring/policy-checks/ in the site's authoring guide.",
          "line": 16,
          "message": "Check \`broken\` of policy \`change-policy\`: the expression is not valid CEL: at 1:12: found = but expecting end of input.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects an unknown field, listing the fields that are there', () => {
    const findings = findingsOf(checkFixture('policy-check-unknown-field'), 'policy-check-invalid');
    expect(findings[0]).toMatchInlineSnapshot(`
      {
        "field": "checks[0].expression",
        "file": "content/policies/change-policy.md",
        "hint": "Did you mean \`onCall\`? Available fields: monitoring, alerting, onCall, backups, dataClassification, repository.",
        "line": 16,
        "message": "Check \`misspelt\` of policy \`change-policy\` uses \`entry.operations.oncall\`, but \`entry.operations\` has no field \`oncall\`.",
        "severity": "error",
      }
    `);
    expect(findings.map((finding) => [finding.line, finding.message])).toEqual([
      [16, 'Check `misspelt` of policy `change-policy` uses `entry.operations.oncall`, but `entry.operations` has no field `oncall`.'],
      [16, 'Check `misspelt` of policy `change-policy` uses `entry.teir`, but `entry` has no field `teir`.'],
      [20, 'Check `misspelt-inside` of policy `change-policy` uses `entri`, but there is no variable `entri`.'],
      [20, 'Check `misspelt-inside` of policy `change-policy` uses `policy.statuss`, but `policy` has no field `statuss`.'],
      [20, 'Check `misspelt-inside` of policy `change-policy` uses `relations.coverdBy`, but services and deployments have no relation `coverdBy`.'],
    ]);
    expect(findings[1]?.hint).toMatch(/^Did you mean `tier`\? Available fields: title, description, tags, draft, visibility, owner, tier, lifecycle, .*, id, collection\.$/);
    expect(findings[2]?.hint).toBe('Did you mean `entry`? Available variables: entry, relations, now.');
    expect(findings[3]?.hint).toMatch(/^Did you mean `status`\? Available fields: .*\bstatus\b/);
    expect(findings[4]?.hint).toMatch(/^Did you mean `coveredBy`\? Available relations: .*\bcoveredBy, .*\bdeploys\b/);
  });

  it('compiles the checks of a draft policy too', () => {
    expect(findingsOf(checkFixture('policy-check-draft'), 'policy-check-invalid').map((finding) => finding.field)).toEqual(['checks[1].expression']);
  });
});
