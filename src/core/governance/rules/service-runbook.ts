import { defineRule } from '../rule.ts';
import { standingOf } from '../standing.ts';

export const serviceRunbook = defineRule({
  id: 'service-runbook',
  title: 'Critical service has no runbook',
  plane: 'knowledge',
  severity: 'warning',
  description:
    'Production services of the tiers listed in `runbookRequiredTiers` (1 and 2 by default) are covered by at least one document of kind runbook that is not a draft, so on-call has steps to follow.',
  collections: ['services'],
  applies: (entry, { governance }) => entry.data.lifecycle === 'production' && governance.runbookRequiredTiers.includes(entry.data.tier),
  check(entry, { graph }) {
    const runbooks = graph
      .related(entry.key, 'coveredBy')
      .filter((document) => document.collection === 'runbooks' && document.data.kind === 'runbook' && standingOf(document) !== 'draft');
    if (runbooks.length > 0) return [];
    return [
      {
        path: ['tier'],
        message: `Tier ${entry.data.tier} production service \`${entry.id}\` has no runbook.`,
        hint: `Write one with npm run new -- runbooks ${entry.id}, and list \`${entry.id}\` in its \`services\`.`,
      },
    ];
  },
});
