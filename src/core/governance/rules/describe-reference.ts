import type { DanglingReference } from '../../graph/build-graph.ts';
import { COLLECTIONS } from '../../schemas/index.ts';
import { formatList, formatPath } from '../../text/closest.ts';
import type { RuleResult } from '../rule.ts';

function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Turns an unresolved reference into a result that says which field, what was written and how to fix it. */
export function describeDanglingReference(reference: DanglingReference): RuleResult {
  const field = formatPath(reference.path);
  const targets = reference.to === 'any' ? [] : reference.to;
  const kinds = formatList(targets.map((name) => COLLECTIONS[name].singular.toLowerCase()));
  const folders = formatList(targets.map((name) => `content/${COLLECTIONS[name].source.path}/`));
  const guess = reference.suggestion ? `Did you mean \`${reference.suggestion}\`? ` : '';
  switch (reference.reason) {
    case 'ambiguous':
      return {
        path: reference.path,
        message: `\`${field}\` refers to \`${reference.value}\`, which matches ${formatList((reference.candidates ?? []).map((key) => `\`${key}\``), 'and')}.`,
        hint: `Write the collection in front of the ID to pick one, e.g. \`${reference.candidates?.[0] ?? ''}\`.`,
      };
    case 'needs-collection':
      return {
        path: reference.path,
        message: `\`${field}\` refers to \`${reference.value}\` without saying which collection it is in.`,
        hint: `${guess}Write references in this field as collection/id, e.g. \`incidents/${reference.value}\`.`,
      };
    case 'wrong-collection':
      return {
        path: reference.path,
        message: `\`${field}\` refers to \`${reference.value}\`, but it can only point to ${withArticle(kinds)}.`,
        hint: `Use the ID of an entry in ${folders}.`,
      };
    case 'missing':
      return {
        path: reference.path,
        message:
          reference.to === 'any'
            ? `\`${field}\` refers to \`${reference.value}\`, which does not exist.`
            : `\`${field}\` refers to \`${reference.value}\`, which is not ${withArticle(kinds)}.`,
        hint: `${guess}${
          reference.to === 'any'
            ? 'Use collection/id of an existing entry: the collection folder and the file name without .md.'
            : `Use the ID of an entry in ${folders}: its file name without .md.`
        }`,
      };
  }
}
