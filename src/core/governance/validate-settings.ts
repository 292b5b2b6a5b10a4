import type { LoadedContent } from '../content/content-store.ts';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { createFinding } from '../findings/create-finding.ts';
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
  const unknown = (kind: 'rule' | 'relation', id: string, path: (string | number)[], known: readonly string[]) =>
    findings.push(
      createFinding(
        DIAGNOSTICS.governanceUnknownRule,
        { kind, id, suggestion: closest(id, known), known },
        { file: file.file, line: file.locator.lineOf(path), field: formatPath(path) },
      ),
    );
  const unknownRule = (id: string, path: (string | number)[]) => {
    if (!ruleIds.includes(id)) unknown('rule', id, path, ruleIds);
  };
  for (const id of Object.keys(content.governance.severity)) unknownRule(id, ['severity', id]);
  content.governance.scorecard.levels.forEach((level, levelIndex) =>
    level.checks.forEach((check, checkIndex) => {
      const path = ['scorecard', 'levels', levelIndex, 'checks', checkIndex];
      if (typeof check === 'string') return unknownRule(check, path);
      unknownRule(check.rule, [...path, 'rule']);
      if (!isRelationName(check.via)) unknown('relation', check.via, [...path, 'via'], RELATION_NAMES);
    }),
  );
  return findings;
}
