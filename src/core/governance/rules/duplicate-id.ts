import { COLLECTION_NAMES } from '../../schemas/index.ts';
import { defineRule, type RuleResult } from '../rule.ts';

export const duplicateId = defineRule({
  id: 'duplicate-id',
  title: 'Two files have the same ID',
  plane: 'control',
  severity: 'error',
  description:
    'IDs come from file names, ignoring letter case, spaces and punctuation, so `Payments API.md` and `payments-api.md` clash. References would be ambiguous and one page would overwrite the other.',
  collections: COLLECTION_NAMES,
  check(entry, { graph, memo }) {
    const byKey = memo('duplicate-id', () => new Map(graph.duplicates.map((group) => [group.key, group.entries])));
    const group = byKey.get(entry.key);
    if (!group || group[0] !== entry) return [];
    return group.slice(1).map(
      (other): RuleResult => ({
        at: other,
        line: 1,
        message: `This file has the ID \`${other.key}\`, which ${entry.file} already has.`,
        hint: `Rename one of the two files so their names differ by more than letter case or punctuation, and update references to it.`,
      }),
    );
  },
});
