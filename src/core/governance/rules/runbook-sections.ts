import { hasHeading } from '../../content/headings.ts';
import { capitalize } from '../../text/capitalize.ts';
import { formatList } from '../../text/closest.ts';
import { defineRule } from '../rule.ts';

export const runbookSections = defineRule({
  id: 'runbook-sections',
  title: 'Document lacks required sections',
  plane: 'knowledge',
  severity: 'warning',
  description:
    'Each kind of knowledge document has the sections readers rely on, set in `runbookSections` of content/governance.yaml: a runbook needs Symptoms, Diagnosis, Remediation and Escalation by default.',
  collections: ['runbooks'],
  check(entry, { governance }) {
    const required = governance.runbookSections[entry.data.kind] ?? [];
    const missing = required.filter((section) => !hasHeading(entry.headings, section));
    if (missing.length === 0) return [];
    const names = missing.map((section) => `"${section}"`);
    return [
      {
        line: entry.bodyLine,
        message: `${capitalize(entry.data.kind)} \`${entry.id}\` has no ${formatList(names, 'and')} section${missing.length > 1 ? 's' : ''}.`,
        hint: `Add ${missing.map((section) => `\`## ${section}\``).join(', ')} to the body. A ${entry.data.kind} needs: ${formatList(required, 'and')}.`,
      },
    ];
  },
});
