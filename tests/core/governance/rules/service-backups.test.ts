import { describe, expect, it } from 'vitest';
import { checkFixture, findingsOf } from '../../../helpers/fixtures.ts';

describe('service-backups', () => {
  it('passes the valid platform', () => {
    expect(findingsOf(checkFixture('valid'), 'service-backups')).toEqual([]);
  });

  it('rejects stale-restore-test', () => {
    expect(findingsOf(checkFixture('stale-restore-test'), 'service-backups')).toMatchInlineSnapshot(`
      [
        {
          "field": "operations.backups.lastRestoreTest",
          "file": "content/services/db.md",
          "hint": "Test a restore from the latest backup and update \`lastRestoreTest\`.",
          "line": 13,
          "message": "Service \`db\` last tested a restore on 2026-05-10, more than 90d ago.",
          "severity": "warning",
        },
      ]
    `);
  });

  it('rejects data-without-backups', () => {
    expect(findingsOf(checkFixture('data-without-backups'), 'service-backups')).toMatchInlineSnapshot(`
      [
        {
          "field": "operations.dataClassification",
          "file": "content/services/db.md",
          "hint": "Add \`backups:\` with \`schedule:\` and \`lastRestoreTest:\` under \`operations:\`, or set \`dataClassification: none\` if it stores nothing.",
          "line": 10,
          "message": "Service \`db\` holds confidential data but declares no backups.",
          "severity": "warning",
        },
      ]
    `);
  });

  it('rejects untested-backups', () => {
    expect(findingsOf(checkFixture('untested-backups'), 'service-backups')).toMatchInlineSnapshot(`
      [
        {
          "field": "operations.backups",
          "file": "content/services/db.md",
          "hint": "Test a restore, then record its day as \`lastRestoreTest:\` under \`operations.backups\`.",
          "line": 11,
          "message": "Service \`db\` has backups, but no restore from them has been tested.",
          "severity": "warning",
        },
      ]
    `);
  });
});
