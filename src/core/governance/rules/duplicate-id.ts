import { COLLECTION_NAMES } from '../../schemas/index.ts';
import { defineRule, type RuleResult } from '../rule.ts';

export const duplicateId = defineRule({
  id: 'duplicate-id',
  title: 'Two files have the same ID',
  plane: 'control',
  severity: 'error',
  description:
    'IDs come from file names (lower-cased, spaces as hyphens), and two IDs clash when they differ only in letter case or punctuation: `Payments API.md`, `payments-api.md` and `payments_api.md` name one thing to a reader. References would be ambiguous and one page could overwrite the other.',
  collections: COLLECTION_NAMES,
  check(entry, { graph, memo }) {
    const byKey = memo('duplicate-id', () => new Map(graph.duplicates.map((group) => [group.key, group.entries])));
    const group = byKey.get(entry.key);
    if (!group || group[0] !== entry) return [];
    return group.slice(1).map(
      (other): RuleResult => ({
        at: other,
        line: 1,
        message:
          other.key === entry.key
            ? `This file has the ID \`${other.key}\`, which ${entry.file} already has.`
            : `This file's ID \`${other.key}\` clashes with \`${entry.key}\` of ${entry.file}: they differ only in letter case or punctuation.`,
        hint: `Rename one of the two files so their names differ by more than letter case or punctuation, and update references to it.`,
      }),
    );
  },
});
