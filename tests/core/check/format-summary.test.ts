import { describe, expect, it } from 'vitest';
import { formatGithub, selectAnnotations } from '../../../src/core/check/format-github.ts';
import { formatSummary, ruleUrl } from '../../../src/core/check/format-summary.ts';
import type { Finding } from '../../../src/core/findings/finding.ts';

const finding = (overrides: Partial<Finding>): Finding => ({
  rule: 'runbook-sections',
  severity: 'warning',
  plane: 'knowledge',
  message: 'Runbook `x` has no "Escalation" section.',
  hint: 'Add `## Escalation`.',
  file: 'content/runbooks/x.md',
  line: 9,
  ...overrides,
});

const many = (count: number, overrides: Partial<Finding>) => Array.from({ length: count }, (_, index) => finding({ ...overrides, line: index + 1 }));

describe('the job summary writer', () => {
  it('lists every finding in a table, errors first, each rule linked to its section of the rules reference', () => {
    const summary = formatSummary(
      [finding({}), finding({ rule: 'dangling-reference', severity: 'error', file: 'content/services/a.md', line: 4, field: 'dependsOn[0]', message: 'a | b' })],
      { annotated: 1, siteUrl: 'https://docs.example/mesh' },
    );
    expect(summary).toMatchInlineSnapshot(`
      "## Multiplane governance check

      1 error, 1 warning.

      1 of them is annotated on the changed lines; GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so all 2 are listed here.

      | | Location | Rule | Problem | How to fix |
      | --- | --- | --- | --- | --- |
      | :x: | \`content/services/a.md:4\` (dependsOn[0]) | [dangling-reference](https://docs.example/mesh/governance/rules/#dangling-reference) | a \\| b | Add \`## Escalation\`. |
      | :warning: | \`content/runbooks/x.md:9\` | [runbook-sections](https://docs.example/mesh/governance/rules/#runbook-sections) | Runbook \`x\` has no "Escalation" section. | Add \`## Escalation\`. |
      "
    `);
  });

  it("links a policy's check to the policy's page", () => {
    expect(ruleUrl('policy:security/secrets/rotated', 'https://docs.example/')).toBe('https://docs.example/policies/security/secrets/');
    const summary = formatSummary([finding({ rule: 'policy:change-policy/tier-one-only' })], { siteUrl: 'https://docs.example/' });
    expect(summary).toContain('| [policy:change-policy/tier-one-only](https://docs.example/policies/change-policy/) |');
  });

  it('names rules without links, and says how to get them, when the site has no address', () => {
    const summary = formatSummary([finding({})]);
    expect(summary).toContain('| `runbook-sections` |');
    expect(summary).toContain('set `url` in content/platform.yaml to link rule IDs to it.');
  });

  it('says when there is nothing to fix', () => {
    expect(formatSummary([])).toContain('No findings.');
  });
});

describe('the annotation writer', () => {
  it('prints at most ten errors and ten warnings, then one notice saying how many more the summary lists', () => {
    const output = formatGithub([...many(15, {}), ...many(12, { severity: 'error', rule: 'owner-exists' })]);
    const lines = output.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(10);
    expect(lines[0]).toMatch(/^::error file=content\/runbooks\/x\.md,line=1,title=owner-exists::/);
    expect(lines.at(-1)).toMatchInlineSnapshot(
      `"::notice title=More findings in the job summary::7 more findings are not annotated (2 errors, 5 warnings): GitHub shows at most 10 of each kind per step. The job summary lists all 27."`,
    );
    expect(lines).toHaveLength(21);
  });

  it('annotates everything, with no extra notice, when nothing is left out', () => {
    const output = formatGithub([...many(10, {}), ...many(3, { severity: 'notice', rule: 'secret-suppressed' })]);
    expect(output.trim().split('\n')).toHaveLength(13);
    expect(output).not.toContain('More findings');
  });

  it('keeps the last notice slot for the count when notices overflow', () => {
    const selection = selectAnnotations(many(12, { severity: 'notice', rule: 'secret-suppressed' }));
    expect([selection.shown.length, selection.omitted]).toEqual([9, { error: 0, warning: 0, notice: 3 }]);
  });
});
