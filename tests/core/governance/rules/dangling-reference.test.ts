import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('dangling-reference', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'dangling-reference')).toEqual([]);
  });

  it('rejects dangling-dependency', () => {
    expect(findingsOf(checkFixture('dangling-dependency'), 'dangling-reference')).toMatchInlineSnapshot(`
      [
        {
          "field": "dependsOn[0]",
          "file": "content/services/api.md",
          "hint": "Did you mean \`db\`? Use the ID of an entry in content/services/: its file name without .md.",
          "line": 6,
          "message": "\`dependsOn[0]\` refers to \`dbb\`, which is not a service.",
          "severity": "error",
        },
      ]
    `);
  });

  it('rejects dangling-any-reference', () => {
    expect(findingsOf(checkFixture('dangling-any-reference'), 'dangling-reference')).toMatchInlineSnapshot(`
      [
        {
          "field": "explains[0]",
          "file": "content/articles/what-we-learned.md",
          "hint": "Did you mean \`case-studies/faster-api\`? Write references in this field as collection/id, e.g. \`incidents/faster-api\`.",
          "line": 5,
          "message": "\`explains[0]\` refers to \`faster-api\` without saying which collection it is in.",
          "severity": "error",
        },
        {
          "field": "explains[1]",
          "file": "content/articles/what-we-learned.md",
          "hint": "Use collection/id of an existing entry: the collection folder and the file name without .md.",
          "line": 5,
          "message": "\`explains[1]\` refers to \`case-studies/slower-api\`, which does not exist.",
          "severity": "error",
        },
      ]
    `);
  });
});
