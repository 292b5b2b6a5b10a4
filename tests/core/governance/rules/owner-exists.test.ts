import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('owner-exists', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'owner-exists')).toEqual([]);
  });

  it('rejects dangling-owner', () => {
    expect(findingsOf(checkFixture('dangling-owner'), 'owner-exists')).toMatchInlineSnapshot(`
      [
        {
          "field": "owner",
          "file": "content/policies/change-policy.md",
          "hint": "Did you mean \`platform-team\`? Use the ID of an entry in content/owners/: its file name without .md. If the owner is new, add it first with npm run new -- owners <id>.",
          "line": 3,
          "message": "\`owner\` refers to \`platfrom-team\`, which is not an owner.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects dangling-trust-anchor', () => {
    expect(findingsOf(checkFixture('dangling-trust-anchor'), 'owner-exists')).toMatchInlineSnapshot(`
      [
        {
          "field": "trustAnchor",
          "file": "content/platform.yaml",
          "hint": "Use the ID of an entry in content/owners/: its file name without .md. If the owner is new, add it first with npm run new -- owners <id>.",
          "line": 5,
          "message": "\`trustAnchor\` refers to \`nobody\`, which is not an owner.",
          "severity": "error",
        },
      ]
    `);
  });
});
