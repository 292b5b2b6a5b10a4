import { describe, expect, it } from 'vitest';
import { renderEntryFile } from '../../src/importers/entry-file.ts';
import type { ImportedEntry } from '../../src/importers/import-result.ts';
import { validateEntry } from '../../src/importers/validate-entry.ts';

const runbook: ImportedEntry = {
  collection: 'runbooks',
  id: 'patch',
  source: 'procedures/patch.md',
  data: { title: 'Apply OS patches: monthly', owner: 'platform-team', kind: 'procedure', review: { cadence: '1y', last: '2026-11-26' } },
  comments: ['Imported from comply: procedures/patch.md.'],
  body: '\n# OS Patch Procedure\n\n- [ ] Pull the latest scripts',
};

describe('renderEntryFile', () => {
  it('writes commented YAML frontmatter with quoted dates, then the body unchanged', () => {
    expect(renderEntryFile(runbook)).toMatchInlineSnapshot(`
      "---
      # Imported from comply: procedures/patch.md.
      title: 'Apply OS patches: monthly'
      owner: platform-team
      kind: procedure
      review:
        cadence: 1y
        last: '2026-11-26'
      ---

      # OS Patch Procedure

      - [ ] Pull the latest scripts
      "
    `);
  });
});

describe('validateEntry', () => {
  it('passes an entry the checker would load', () => {
    expect(validateEntry(runbook)).toEqual([]);
  });

  it('names each field that would keep it from loading', () => {
    expect(validateEntry({ ...runbook, data: { ...runbook.data, kind: 'playbook', review: { cadence: 'yearly', last: '2026-02-30' } } })).toMatchInlineSnapshot(`
      [
        "kind: Invalid option: expected one of "runbook"|"procedure"|"standard"|"architecture"",
        "review.cadence: expected a duration such as 90d, 12w, 6m or 1y (days, weeks, months, years)",
        "review.last: expected a calendar date written as YYYY-MM-DD, like 2026-03-01",
      ]
    `);
  });
});
