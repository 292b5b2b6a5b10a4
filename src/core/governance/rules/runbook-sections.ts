import { hasHeading, sectionHasContent } from '../../markdown/body-facts.ts';
import { capitalize } from '../../text/capitalize.ts';
import { formatList } from '../../text/closest.ts';
import { defineRule, type RuleResult } from '../rule.ts';

export const runbookSections = defineRule({
  id: 'runbook-sections',
  title: 'Document lacks required sections',
  plane: 'knowledge',
  severity: 'warning',
  description:
    'Each kind of knowledge document has the sections readers rely on, set in `runbookSections` of content/governance.yaml: a runbook needs Symptoms, Diagnosis, Remediation and Escalation by default. Each section must hold text, not just its heading.',
  collections: ['runbooks'],
  check(entry, { governance }) {
    const required = governance.runbookSections[entry.data.kind] ?? [];
    const missing = required.filter((section) => !hasHeading(entry.facts, section));
    const empty = required.filter((section) => hasHeading(entry.facts, section) && !sectionHasContent(entry.facts, section));
    const results: RuleResult[] = [];
    if (missing.length > 0) {
      const names = missing.map((section) => `"${section}"`);
      results.push({
        line: entry.bodyLine,
        message: `${capitalize(entry.data.kind)} \`${entry.id}\` has no ${formatList(names, 'and')} section${missing.length > 1 ? 's' : ''}.`,
        hint: `Add ${missing.map((section) => `\`## ${section}\``).join(', ')} to the body. A ${entry.data.kind} needs: ${formatList(required, 'and')}.`,
      });
    }
    for (const section of empty) {
      const heading = entry.facts.headings.find((candidate) => candidate.text.toLowerCase() === section.trim().toLowerCase());
      results.push({
        line: heading?.line ?? entry.bodyLine,
        message: `The "${section}" section of ${entry.data.kind} \`${entry.id}\` is empty.`,
        hint: `Write what a reader needs under "${section}"; a heading alone tells them nothing.`,
      });
    }
    return results;
  },
});
