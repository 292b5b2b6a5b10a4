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
          "hint": "Name the active change policy (the one that supersedes it, if any).",
          "line": 8,
          "message": "Production deployment \`api-1-2-0\` followed change policy \`access-policy\`, which is retired.",
          "severity": "error",
        },
      ]
    `);
  });
});
