import { hasHeading, sectionHasContent } from '../../markdown/body-facts.ts';
import { defineRule } from '../rule.ts';

export const incidentPostmortem = defineRule({
  id: 'incident-postmortem',
  title: 'Severe incident has no postmortem',
  plane: 'operations',
  severity: 'error',
  description:
    'A resolved incident of a severity listed in `postmortem.severities` (SEV1 and SEV2 by default) has a postmortem section in its body, headed as `postmortem.heading` says ("Postmortem" by default), with text under the heading.',
  collections: ['incidents'],
  check(entry, { governance }) {
    const { status, severity } = entry.data;
    if (status !== 'resolved' || !governance.postmortem.severities.includes(severity)) return [];
    const heading = governance.postmortem.heading;
    if (hasHeading(entry.facts, heading)) {
      if (sectionHasContent(entry.facts, heading)) return [];
      const line = entry.facts.headings.find((candidate) => candidate.text.toLowerCase() === heading.trim().toLowerCase())?.line ?? entry.bodyLine;
      return [
        {
          line,
          message: `The "${heading}" section of resolved ${severity} incident \`${entry.id}\` is empty.`,
          hint: `Write the postmortem under the heading: the timeline, the root cause, what went well, what to improve and the action items. A heading alone is not evidence.`,
        },
      ];
    }
    return [
      {
        line: entry.bodyLine,
        message: `Resolved ${severity} incident \`${entry.id}\` has no "${governance.postmortem.heading}" section.`,
        hint: `Add \`## ${governance.postmortem.heading}\` with the timeline, the root cause, what went well, what to improve and the action items.`,
      },
    ];
  },
});
