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

  it('leaves a `TODO:` guidance line of a new document to placeholder-text', () => {
    const report = checkFixture('runbook-todo-section');
    expect(findingsOf(report, 'runbook-sections')).toEqual([]);
    expect(findingsOf(report, 'placeholder-text').map((finding) => finding.line)).toEqual([26]);
  });

  it('rejects a section that holds only a placeholder', () => {
    expect(findingsOf(checkFixture('runbook-placeholder-section'), 'runbook-sections')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/api-runbook.md",
          "hint": "Write what a reader needs under "Escalation"; a heading over a placeholder tells them nothing.",
          "line": 24,
          "message": "The "Escalation" section of runbook \`api-runbook\` holds only a placeholder.",
          "severity": "warning",
        },
      ]
    `);
  });

  it('rejects a section with nothing under its heading but a subheading', () => {
    expect(findingsOf(checkFixture('runbook-empty-section'), 'runbook-sections').map((finding) => [finding.line, finding.message])).toEqual([
      [16, 'The "Diagnosis" section of runbook `api-runbook` is empty.'],
    ]);
  });
});
