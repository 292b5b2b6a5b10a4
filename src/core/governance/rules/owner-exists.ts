import { COLLECTION_NAMES } from '../../schemas/index.ts';
import { defineRule } from '../rule.ts';
import { describeDanglingReference } from './describe-reference.ts';

export const ownerExists = defineRule({
  id: 'owner-exists',
  title: 'Owner does not exist',
  plane: 'identity',
  severity: 'error',
  description:
    'Every owned entry, and the platform itself, names an owner that exists in content/owners/. An entry without a real owner has nobody accountable for it.',
  collections: COLLECTION_NAMES,
  check(entry, { graph }) {
    return graph
      .danglingOf(entry.key)
      .filter((reference) => reference.relation === 'ownedBy' || reference.relation === 'anchoredBy')
      .map((reference) => {
        const result = describeDanglingReference(reference);
        return {
          ...result,
          hint: `${result.hint} If the owner is new, add it first with npm run new -- owners <id>.`,
        };
      });
  },
});
