import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('runbook-sections', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'runbook-sections')).toEqual([]);
  });

  it('rejects runbook-missing-sections', () => {
    expect(findingsOf(checkFixture('runbook-missing-sections'), 'runbook-sections')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/api-runbook.md",
          "hint": "Add \`## Diagnosis\`, \`## Escalation\` to the body. A runbook needs: Symptoms, Diagnosis, Remediation and Escalation.",
          "line": 10,
          "message": "Runbook \`api-runbook\` has no "Diagnosis" and "Escalation" sections.",
          "severity": "warning",
        },
      ]
    `);
  });

  it('reports nothing when governance.yaml turns it off, yet still counts against the scorecard', () => {
    const report = checkFixture('governance-off');
    expect(findingsOf(report, 'runbook-sections')).toEqual([]);
    expect(report.run.failed('runbook-sections', 'runbooks/api-runbook')).toBe(true);
  });
});
