import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('duplicate-id', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'duplicate-id')).toEqual([]);
  });

  it('rejects duplicate-id', () => {
    expect(findingsOf(checkFixture('duplicate-id'), 'duplicate-id')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/services/API.md",
          "hint": "Rename one of the two files so their names differ by more than letter case or punctuation, and update references to it.",
          "line": 1,
          "message": "This file has the ID \`services/api\`, which content/services/api.md already has.",
          "severity": "error",
        },
      ]
    `);
  });
});
