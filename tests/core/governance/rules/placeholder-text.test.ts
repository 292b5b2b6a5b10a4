import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('placeholder-text', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'placeholder-text')).toEqual([]);
  });

  it('points at each placeholder value and guidance line, not at prose or code', () => {
    expect(findingsOf(checkFixture('placeholder-text'), 'placeholder-text')).toMatchInlineSnapshot(`
      [
        {
          "field": "description",
          "file": "content/runbooks/api-runbook.md",
          "hint": "Write the real value of \`description\`, or remove the field if it is optional.",
          "line": 3,
          "message": "\`description\` is still the placeholder "TODO: one sentence for lists".",
          "severity": "warning",
        },
        {
          "field": "tags[1]",
          "file": "content/runbooks/api-runbook.md",
          "hint": "Write the real value of \`tags[1]\`, or remove the field if it is optional.",
          "line": 11,
          "message": "\`tags[1]\` is still the placeholder "TODO".",
          "severity": "warning",
        },
        {
          "file": "content/runbooks/api-runbook.md",
          "hint": "Write what the line asks for in its place, then delete the line.",
          "line": 14,
          "message": "A guidance line is still in the body: "TODO: say what this runbook is for.".",
          "severity": "warning",
        },
        {
          "file": "content/runbooks/api-runbook.md",
          "hint": "Write what the line asks for in its place, then delete the line.",
          "line": 30,
          "message": "A guidance line is still in the body: "TODO: the rollback command.".",
          "severity": "warning",
        },
      ]
    `);
  });
});
