import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../../src/core/check/format-github.ts';
import { formatSummary } from '../../../src/core/check/format-summary.ts';
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

describe('the job summary writer', () => {
  it('lists every finding in a table, errors first, with location, rule and fix', () => {
    const summary = formatSummary(
      [finding({}), finding({ rule: 'dangling-reference', severity: 'error', file: 'content/services/a.md', line: 4, field: 'dependsOn[0]', message: 'a | b' })],
      { annotated: 1, rulesUrl: 'https://docs.example/governance/rules/' },
    );
    expect(summary).toMatchInlineSnapshot(`
      "## Multiplane governance check

      1 error, 1 warning.

      The first 1 are annotated on the changed lines; GitHub shows no more per step, so all 2 are listed here.

      | | Location | Rule | Problem | How to fix |
      | --- | --- | --- | --- | --- |
      | :x: | \`content/services/a.md:4\` (dependsOn[0]) | [dangling-reference](https://docs.example/governance/rules/#dangling-reference) | a \\| b | Add \`## Escalation\`. |
      | :warning: | \`content/runbooks/x.md:9\` | [runbook-sections](https://docs.example/governance/rules/#runbook-sections) | Runbook \`x\` has no "Escalation" section. | Add \`## Escalation\`. |
      "
    `);
  });

  it('says when there is nothing to fix', () => {
    expect(formatSummary([])).toContain('No findings.');
  });
});

describe('the annotation writer', () => {
  it('prints at most ten annotations, errors first', () => {
    const many = Array.from({ length: 15 }, (_, index) => finding({ line: index + 1 }));
    const output = formatGithub([...many, finding({ severity: 'error', rule: 'owner-exists', line: 99 })]);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^::error file=content\/runbooks\/x\.md,line=99,/);
  });
});
