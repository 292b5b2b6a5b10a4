import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('deployment-approval', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'deployment-approval')).toEqual([]);
  });

  it('does not ask staging deployments for approval', () => {
    expect(findingsOf(checkFixture('staging-deployment'), 'deployment-approval')).toEqual([]);
  });

  it('rejects deployment-approved-by-team', () => {
    expect(findingsOf(checkFixture('deployment-approved-by-team'), 'deployment-approval')).toMatchInlineSnapshot(`
      [
        {
          "field": "approver",
          "file": "content/deployments/api-1-2-0.md",
          "hint": "Name the person who approved it; a team cannot be accountable for one approval.",
          "line": 9,
          "message": "Production deployment \`api-1-2-0\` is approved by \`platform-team\`, which is a team, not a person.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects deployment-unapproved', () => {
    expect(findingsOf(checkFixture('deployment-unapproved'), 'deployment-approval')).toMatchInlineSnapshot(`
      [
        {
          "field": "approver",
          "file": "content/deployments/api-1-2-0.md",
          "hint": "Add \`approver:\` with the ID of the person who approved the change.",
          "line": 2,
          "message": "Production deployment \`api-1-2-0\` names no approver.",
          "severity": "error",
        },
        {
          "field": "changePolicy",
          "file": "content/deployments/api-1-2-0.md",
          "hint": "Add \`changePolicy:\` with the ID of the active change policy the deployment followed.",
          "line": 2,
          "message": "Production deployment \`api-1-2-0\` names no change policy.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects deployment-retired-policy', () => {
    expect(findingsOf(checkFixture('deployment-retired-policy'), 'deployment-approval')).toMatchInlineSnapshot(`
      [
        {
          "field": "changePolicy",
          "file": "content/deployments/api-1-2-0.md",
          "hint": "Name the change policy that was active on the day of the deployment (the one that supersedes a retired policy, if any).",
          "line": 8,
          "message": "Production deployment \`api-1-2-0\` followed change policy \`access-policy\`, which is retired, and no policy that replaced it took effect after the deployment.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects a draft change policy', () => {
    expect(findingsOf(checkFixture('deployment-draft-policy'), 'deployment-approval').map((finding) => finding.message)).toEqual([
      'Production deployment `api-1-2-0` followed change policy `change-policy`, which is a draft.',
    ]);
  });

  it('rejects a change policy that took effect after the deployment', () => {
    expect(findingsOf(checkFixture('deployment-before-policy'), 'deployment-approval').map((finding) => finding.message)).toEqual([
      'Production deployment `api-1-2-0` followed change policy `change-policy`, which is not yet in force: it took effect on 2026-11-10.',
    ]);
  });

  it('accepts a retired change policy for deployments made before its successor took effect, and only those', () => {
    // old-change-policy was replaced by change-policy on 2026-01-01: api-1-1-0 (2025) followed it then, api-1-2-1 (2026-11) cannot have.
    expect(findingsOf(checkFixture('deployment-before-supersession'), 'deployment-approval').map((finding) => finding.file)).toEqual([
      'content/deployments/api-1-2-1.md',
    ]);
  });
});
