import type { LoadedContent } from '../content/content-store.ts';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { RELATION_NAMES } from '../graph/relations.ts';
import { closest, formatPath } from '../text/closest.ts';
import type { Finding } from '../findings/finding.ts';
import { isRelationName } from './scorecard.ts';

/**
 * Checks that content/governance.yaml only names rules and relations that exist. The schema
 * cannot know them, and a misspelt rule ID would silently leave a rule at its default.
 */
export function validateSettings(content: LoadedContent, ruleIds: readonly string[]): Finding[] {
  const file = content.governanceFile;
  if (!file) return [];
  const findings: Finding[] = [];
  const docs = DIAGNOSTICS.governanceUnknownRule;
  const report = (path: (string | number)[], message: string, hint: string) =>
    findings.push({
      rule: docs.id,
      severity: docs.severity,
      plane: docs.plane,
      message,
      hint,
      file: file.file,
      line: file.locator.lineOf(path),
      field: formatPath(path),
    });
  const unknownRule = (id: string, path: (string | number)[]) => {
    if (ruleIds.includes(id)) return;
    const guess = closest(id, ruleIds);
    report(path, `\`${id}\` is not a rule.`, guess ? `Did you mean \`${guess}\`?` : `Known rules: ${ruleIds.join(', ')}.`);
  };
  for (const id of Object.keys(content.governance.severity)) unknownRule(id, ['severity', id]);
  content.governance.scorecard.levels.forEach((level, levelIndex) =>
    level.checks.forEach((check, checkIndex) => {
      const path = ['scorecard', 'levels', levelIndex, 'checks', checkIndex];
      if (typeof check === 'string') return unknownRule(check, path);
      unknownRule(check.rule, [...path, 'rule']);
      if (!isRelationName(check.via)) {
        const guess = closest(check.via, RELATION_NAMES);
        report(
          [...path, 'via'],
          `\`${check.via}\` is not a relation.`,
          guess ? `Did you mean \`${guess}\`?` : 'Use a relation such as coveredBy, deployedBy or affectedBy.',
        );
      }
    }),
  );
  return findings;
}
