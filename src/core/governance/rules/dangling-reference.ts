import { COLLECTION_NAMES } from '../../schemas/index.ts';
import { defineRule } from '../rule.ts';
import { describeDanglingReference } from './describe-reference.ts';

// Ownership references are reported by owner-exists, which says more about what an owner is.
const OWNERSHIP = new Set(['ownedBy', 'anchoredBy']);

export const danglingReference = defineRule({
  id: 'dangling-reference',
  title: 'Reference to an entry that does not exist',
  plane: 'control',
  severity: 'error',
  description:
    'Every reference names an existing entry. Astro only logs a missing reference; Multiplane fails on it, because a broken link in the graph hides who owns or governs something.',
  collections: COLLECTION_NAMES,
  check(entry, { graph }) {
    return graph
      .danglingOf(entry.key)
      .filter((reference) => !OWNERSHIP.has(reference.relation))
      .map(describeDanglingReference);
  },
});
