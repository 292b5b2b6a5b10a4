import { loopClosures, needsClosure } from '../../graph/loop.ts';
import { defineRule } from '../rule.ts';

export const openLoop = defineRule({
  id: 'open-loop',
  title: 'Loop not closed',
  plane: 'narrative',
  severity: 'warning',
  description:
    'What operations and proof learn must flow back: every resolved severe incident (see `loop.severities`) and every case study is explained by an article, or cited as the reason for a change by a policy or runbook. Drafts and retired entries close no loop.',
  collections: ['incidents', 'case-studies'],
  applies: (entry, { governance }) => needsClosure(entry, governance),
  check(entry, { graph }) {
    if (loopClosures(graph, entry.key).length > 0) return [];
    const what = entry.collection === 'incidents' ? `${entry.data.severity} incident` : 'Case study';
    return [
      {
        path: ['title'],
        message: `${what} \`${entry.id}\` has not been closed into the loop: no article explains it and no policy or runbook in force cites it.`,
        hint: `Write an article with \`explains: [${entry.key}]\`, or list it in the \`followUpOf\` of the policy or runbook it changed${entry.collection === 'incidents' ? ' (or list those in the incident\'s `followUps`)' : ''}.`,
      },
    ];
  },
});
