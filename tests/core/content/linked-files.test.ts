import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../helpers/fixtures.ts';

describe('files entries show or link', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'file-missing')).toEqual([]);
  });

  it('names each missing picture or file at its line: an error for an image Astro would import, a warning otherwise', () => {
    expect(findingsOf(checkFixture('linked-files'), 'file-missing')).toMatchInlineSnapshot(`
      [
        {
          "file": "content/runbooks/api-runbook.md",
          "hint": "Put the file beside the entry (content/runbooks/), or correct the path; it is relative to the entry's file.",
          "line": 29,
          "message": "The body shows the image \`./missing.png\`, which does not exist (content/runbooks/missing.png).",
          "severity": "error",
        },
        {
          "file": "content/runbooks/api-runbook.md",
          "hint": "Put the file in public/ at that path, or correct the address.",
          "line": 30,
          "message": "The body shows the image \`/images/nowhere.png\`, which does not exist (public/images/nowhere.png).",
          "severity": "warning",
        },
        {
          "file": "content/runbooks/api-runbook.md",
          "hint": "Put the file beside the entry (content/runbooks/), or correct the path; it is relative to the entry's file.",
          "line": 31,
          "message": "The body links the file \`./form.pdf\`, which does not exist (content/runbooks/form.pdf).",
          "severity": "warning",
        },
      ]
    `);
  });

  it('refuses a path that leaves the content folder: the build publishes nothing from elsewhere', () => {
    expect(findingsOf(checkFixture('linked-files'), 'file-outside-content')).toEqual([
      expect.objectContaining({ severity: 'error', file: 'content/runbooks/api-runbook.md', message: expect.stringContaining('outside the content folder') }),
    ]);
  });

  it('reports a file beside an entry only when no entry shows or links it', () => {
    expect(findingsOf(checkFixture('linked-files'), 'file-unsupported').map((finding) => finding.file)).toEqual(['content/runbooks/stray.pdf']);
  });
});
