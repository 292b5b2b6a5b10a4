import { addCadence } from '../../schemas/shared.ts';
import { formatDay } from '../../text/dates.ts';
import { defineRule } from '../rule.ts';

export const serviceBackups = defineRule({
  id: 'service-backups',
  title: 'Data is not backed up or restores are untested',
  plane: 'operations',
  severity: 'warning',
  description:
    'A service that holds data (a `dataClassification` other than none) has backups, and a restore from them was tested within `backups.restoreTestMaxAge` (90 days by default). An untested backup is a hope, not a backup.',
  collections: ['services'],
  applies: (entry) => entry.data.operations.dataClassification !== 'none' && entry.data.lifecycle !== 'retired',
  check(entry, { governance, now }) {
    const operations = entry.data.operations;
    const backups = operations.backups;
    if (!backups) {
      return [
        {
          path: ['operations', 'dataClassification'],
          message: `Service \`${entry.id}\` holds ${operations.dataClassification} data but declares no backups.`,
          hint: 'Add `backups:` with `schedule:` and `lastRestoreTest:` under `operations:`, or set `dataClassification: none` if it stores nothing.',
        },
      ];
    }
    const maxAge = governance.backups.restoreTestMaxAge;
    if (!backups.lastRestoreTest) {
      return [
        {
          path: ['operations', 'backups'],
          message: `Service \`${entry.id}\` has backups, but no restore from them has been tested.`,
          hint: `Test a restore, then record its day as \`lastRestoreTest:\` under \`operations.backups\`.`,
        },
      ];
    }
    if (addCadence(backups.lastRestoreTest, maxAge) >= now) return [];
    return [
      {
        path: ['operations', 'backups', 'lastRestoreTest'],
        message: `Service \`${entry.id}\` last tested a restore on ${formatDay(backups.lastRestoreTest)}, more than ${maxAge} ago.`,
        hint: 'Test a restore from the latest backup and update `lastRestoreTest`.',
      },
    ];
  },
});
