import { defineRule } from '../rule.ts';
import { sectionState } from '../section-substance.ts';

export const incidentPostmortem = defineRule({
  id: 'incident-postmortem',
  title: 'Severe incident has no postmortem',
  plane: 'operations',
  severity: 'error',
  description:
    'A resolved incident of a severity listed in `postmortem.severities` (SEV1 and SEV2 by default) has a postmortem section in its body, headed as `postmortem.heading` says ("Postmortem" by default), with text under the heading: a heading alone, or over a placeholder such as `TODO`, is not evidence.',
  collections: ['incidents'],
  applies: (entry, { governance }) => entry.data.status === 'resolved' && governance.postmortem.severities.includes(entry.data.severity),
  check(entry, { governance }) {
    const { severity } = entry.data;
    const heading = governance.postmortem.heading;
    const { state, heading: found } = sectionState(entry.facts, heading);
    if (state === 'written') return [];
    if (state === 'missing') {
      return [
        {
          line: entry.bodyLine,
          message: `Resolved ${severity} incident \`${entry.id}\` has no "${heading}" section.`,
          hint: `Add \`## ${heading}\` with the timeline, the root cause, what went well, what to improve and the action items.`,
        },
      ];
    }
    return [
      {
        line: found?.line ?? entry.bodyLine,
        message: `The "${heading}" section of resolved ${severity} incident \`${entry.id}\` ${state === 'empty' ? 'is empty' : 'holds only a placeholder'}.`,
        hint: `Write the postmortem under the heading: the timeline, the root cause, what went well, what to improve and the action items. A heading alone is not evidence.`,
      },
    ];
  },
});
