import { capitalize } from '../../text/capitalize.ts';
import { formatList } from '../../text/closest.ts';
import { defineRule, type RuleResult } from '../rule.ts';
import { sectionState } from '../section-substance.ts';

export const runbookSections = defineRule({
  id: 'runbook-sections',
  title: 'Document lacks required sections',
  plane: 'knowledge',
  severity: 'warning',
  description:
    'Each kind of knowledge document has the sections readers rely on, set in `runbookSections` of content/governance.yaml: a runbook needs Symptoms, Diagnosis, Remediation and Escalation by default. Each section must hold text, not just its heading or a placeholder such as `TBD` or `N/A` (a `TODO:` guidance line of `npm run new` is reported by placeholder-text).',
  collections: ['runbooks'],
  applies: (entry, { governance }) => (governance.runbookSections[entry.data.kind] ?? []).length > 0,
  check(entry, { governance }) {
    const required = governance.runbookSections[entry.data.kind] ?? [];
    const states = required.map((section) => ({ section, ...sectionState(entry.facts, section) }));
    const missing = states.filter((item) => item.state === 'missing').map((item) => item.section);
    const results: RuleResult[] = [];
    if (missing.length > 0) {
      const names = missing.map((section) => `"${section}"`);
      results.push({
        line: entry.bodyLine,
        message: `${capitalize(entry.data.kind)} \`${entry.id}\` has no ${formatList(names, 'and')} section${missing.length > 1 ? 's' : ''}.`,
        hint: `Add ${missing.map((section) => `\`## ${section}\``).join(', ')} to the body. A ${entry.data.kind} needs: ${formatList(required, 'and')}.`,
      });
    }
    for (const { section, state, heading, guidanceOnly } of states) {
      // The guidance lines of a new document are placeholder-text's to report, one by one.
      if (state !== 'empty' && (state !== 'placeholder' || guidanceOnly)) continue;
      results.push({
        line: heading?.line ?? entry.bodyLine,
        message:
          state === 'empty'
            ? `The "${section}" section of ${entry.data.kind} \`${entry.id}\` is empty.`
            : `The "${section}" section of ${entry.data.kind} \`${entry.id}\` holds only a placeholder.`,
        hint: `Write what a reader needs under "${section}"; a heading${state === 'placeholder' ? ' over a placeholder' : ' alone'} tells them nothing.`,
      });
    }
    return results;
  },
});
