import { hasHeading } from '../../content/headings.ts';
import { defineRule } from '../rule.ts';

export const incidentPostmortem = defineRule({
  id: 'incident-postmortem',
  title: 'Severe incident has no postmortem',
  plane: 'operations',
  severity: 'error',
  description:
    'A resolved incident of a severity listed in `postmortem.severities` (SEV1 and SEV2 by default) has a postmortem section in its body, headed as `postmortem.heading` says ("Postmortem" by default).',
  collections: ['incidents'],
  check(entry, { governance }) {
    const { status, severity } = entry.data;
    if (status !== 'resolved' || !governance.postmortem.severities.includes(severity)) return [];
    if (hasHeading(entry.headings, governance.postmortem.heading)) return [];
    return [
      {
        line: entry.bodyLine,
        message: `Resolved ${severity} incident \`${entry.id}\` has no "${governance.postmortem.heading}" section.`,
        hint: `Add \`## ${governance.postmortem.heading}\` with the timeline, the root cause, what went well, what to improve and the action items.`,
      },
    ];
  },
});
