import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('role-kind', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'role-kind')).toEqual([]);
  });

  it('rejects a team as incident commander', () => {
    expect(findingsOf(checkFixture('role-commander-team'), 'role-kind')).toMatchInlineSnapshot(`
      [
        {
          "field": "commander",
          "file": "content/incidents/2026-10-outage.md",
          "hint": "Name a person: one person commands a response and makes its calls. To name someone from \`platform-team\`, use the ID of one of its members.",
          "line": 8,
          "message": "\`2026-10-outage\` names \`platform-team\` as incident commander in \`commander\`, but \`platform-team\` is a team, not a person.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects a team as an article author', () => {
    expect(findingsOf(checkFixture('role-author-team'), 'role-kind').map((finding) => [finding.file, finding.field])).toEqual([
      ['content/articles/what-we-learned.md', 'author'],
    ]);
  });

  it('rejects a person as a team parent', () => {
    expect(findingsOf(checkFixture('role-parent-person'), 'role-kind').map((finding) => [finding.file, finding.field, finding.message])).toEqual([
      ['content/owners/data-team.md', 'parent', '`data-team` names `alex` as parent team in `parent`, but `alex` is a person, not a team.'],
    ]);
  });

  it('rejects a person as the trust anchor', () => {
    expect(findingsOf(checkFixture('role-anchor-person'), 'role-kind')).toMatchInlineSnapshot(`
      [
        {
          "field": "trustAnchor",
          "file": "content/platform.yaml",
          "hint": "Name a team: accountability for the whole platform must survive holidays and departures.",
          "line": 5,
          "message": "The platform names \`alex\` as trust anchor in \`trustAnchor\`, but \`alex\` is a person, not a team.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects a team listed as a member', () => {
    expect(findingsOf(checkFixture('role-member-team'), 'role-kind').map((finding) => [finding.field, finding.line])).toEqual([['members[2]', 8]]);
  });

  it('rejects members and a parent on a person', () => {
    expect(findingsOf(checkFixture('role-person-with-team-fields'), 'role-kind').map((finding) => finding.field)).toEqual(['members', 'parent']);
  });
});
