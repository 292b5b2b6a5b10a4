import type { EntryCollectionName, Governance } from '../core/schemas/index.ts';
import { formatList } from '../core/text/closest.ts';
import { TODO } from './field-defaults.ts';

// One line of guidance for the sections the default governance settings require. Sections a
// platform adds in its own governance.yaml get a generic line.
const SECTION_GUIDANCE: Readonly<Record<string, string>> = {
  symptoms: 'What the on-call engineer sees: the alerts that fire, the dashboards that change, what users report.',
  diagnosis: 'How to confirm the cause: the dashboards, queries and commands to check, in order.',
  remediation: 'The steps that restore service, each with how to tell it worked and how to undo it.',
  escalation: 'Who to page when these steps do not help, and when to declare an incident.',
  purpose: 'What the procedure achieves and when to follow it.',
  steps: 'The numbered steps, each with who does it and how to tell it is done.',
  scope: 'What the standard applies to, and what it does not.',
  requirements: 'What must be true, one requirement per item, each written so that it can be checked.',
  context: 'The problem, the constraints and the options that were considered.',
  decision: 'What was decided, in one or two sentences.',
  consequences: 'What becomes easier or harder because of the decision, and what follows from it.',
};

const INTRODUCTION: Readonly<Record<EntryCollectionName, string>> = {
  owners: 'What this owner is accountable for on the platform, and how to work with them.',
  policies: 'What the policy requires, why, and how exceptions are granted.',
  runbooks: 'When to use this document, in one or two sentences.',
  services: 'What the service does, who relies on it, and notes for whoever operates it.',
  deployments: 'What the deployment changed, and anything unusual about it.',
  incidents: 'What happened and who was affected; keep this current while the incident is open.',
  'case-studies': 'What was delivered, for whom, and why it mattered.',
  articles: 'The decision or lesson, the story behind it, and what changed because of it.',
  whitepaper: 'The argument of this chapter.',
};

/**
 * Returns the Markdown body of a new entry: a line of guidance, then the headings the governance
 * rules look for (a runbook's required sections by kind, an incident's postmortem, a case
 * study's outcomes), each with one line saying what belongs there. Guidance lines start with
 * TODO so they are easy to find and hard to publish by accident.
 */
export function bodyTemplate(collection: EntryCollectionName, kind: string | undefined, governance: Governance): string {
  const sections: [string, string][] = [];
  if (collection === 'runbooks') {
    const required = governance.runbookSections[(kind ?? 'runbook') as keyof Governance['runbookSections']] ?? [];
    for (const section of required) {
      sections.push([section, SECTION_GUIDANCE[section.toLowerCase()] ?? `The ${section.toLowerCase()} of this ${kind ?? 'document'}.`]);
    }
  } else if (collection === 'incidents') {
    const { heading, severities } = governance.postmortem;
    sections.push([
      heading,
      `Once resolved: the timeline, the root cause, what went well, what to improve, and the follow-ups (list the policies and runbooks you change in \`followUps\`). Required for resolved ${formatList(severities, 'and')} incidents.`,
    ]);
  } else if (collection === 'case-studies') {
    sections.push([
      'Outcomes',
      'How each outcome was measured. Record every metric in the frontmatter under `outcomes:` (name, before, after, unit) and list what was delivered in `services:` or `deployments:`; the check requires both.',
    ]);
  }
  const parts = [`${TODO}: ${INTRODUCTION[collection]}`, ...sections.map(([heading, guidance]) => `## ${heading}\n\n${TODO}: ${guidance}`)];
  return `${parts.join('\n\n')}\n`;
}
