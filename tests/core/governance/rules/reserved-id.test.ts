import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('reserved-id', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'reserved-id')).toEqual([]);
  });

  it('rejects an ID inside the folder where collection indexes continue', () => {
    expect(findingsOf(checkFixture('reserved-id'), 'reserved-id')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/deployments/page/2.md",
          "hint": "Rename the folder \`page/\` inside content/deployments/ (for example to \`pages/\`), or move the file out of it, and update references to it.",
          "line": 1,
          "message": "This file has the ID \`deployments/page/2\`, whose address is kept for the pages of the deployments index.",
          "severity": "error",
        },
      ]
    `);
  });
});
