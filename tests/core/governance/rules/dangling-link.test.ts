import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('dangling-link', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'dangling-link')).toEqual([]);
  });

  it('rejects each body link to an entry that does not exist, at its line, and no other link', () => {
    expect(findingsOf(checkFixture('dangling-link'), 'dangling-link')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/articles/what-we-learned.md",
          "hint": "Link to an entry by its address, /<collection>/<id>/, where the ID is its file name without .md.",
          "line": 13,
          "message": "The body links to \`../../runbooks/missing/\`, which is not an entry: there is no \`runbooks/missing\`.",
          "severity": "error",
        },
        {
          "file": "content/articles/what-we-learned.md",
          "hint": "Did you mean \`/services/api/\`? Link to an entry by its address, /<collection>/<id>/, where the ID is its file name without .md.",
          "line": 13,
          "message": "The body links to \`/services/apii/\`, which is not an entry: there is no \`services/apii\`.",
          "severity": "error",
        },
        {
          "file": "content/articles/what-we-learned.md",
          "hint": "Link to an existing entry: a path to its .md file from this one, or its address /<collection>/<id>/.",
          "line": 14,
          "message": "The body links to \`../services/nope.md\`, which is not an entry's file (content/services/nope.md).",
          "severity": "error",
        },
        {
          "file": "content/articles/what-we-learned.md",
          "hint": "Link to an entry by its address, /<collection>/<id>/, where the ID is its file name without .md.",
          "line": 23,
          "message": "The body links to \`/policies/retired-policy/\`, which is not an entry: there is no \`policies/retired-policy\`.",
          "severity": "error",
        },
      ]
    `);
  });
});
