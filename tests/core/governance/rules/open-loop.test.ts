import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('open-loop', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'open-loop')).toEqual([]);
  });

  it('rejects open-loop', () => {
    expect(findingsOf(checkFixture('open-loop'), 'open-loop')).toMatchInlineSnapshot(`
      [
        {
          "field": "title",
          "file": "content/case-studies/faster-api.md",
          "hint": "Write an article with \`explains: [case-studies/faster-api]\`, or list it in the \`followUpOf\` of the policy or runbook it changed.",
          "line": 2,
          "message": "Case study \`faster-api\` has not been closed into the loop: no article explains it and no policy or runbook in force cites it.",
          "severity": "warning",
        },
        {
          "field": "title",
          "file": "content/incidents/2026-10-outage.md",
          "hint": "Write an article with \`explains: [incidents/2026-10-outage]\`, or list it in the \`followUpOf\` of the policy or runbook it changed (or list those in the incident's \`followUps\`).",
          "line": 2,
          "message": "SEV2 incident \`2026-10-outage\` has not been closed into the loop: no article explains it and no policy or runbook in force cites it.",
          "severity": "warning",
        },
      ]
    `);
  });

  it('is not closed by a draft article', () => {
    expect(findingsOf(checkFixture('loop-closed-by-draft'), 'open-loop').map((finding) => finding.file)).toEqual(['content/case-studies/faster-api.md']);
  });
});
