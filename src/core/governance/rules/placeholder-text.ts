import { COLLECTION_NAMES } from '../../schemas/index.ts';
import { formatPath } from '../../text/closest.ts';
import { defineRule, type RuleResult } from '../rule.ts';

/** The marker `npm run new` writes where only the author knows what belongs. */
export const PLACEHOLDER = 'TODO';

/** A value that is the bare marker or starts `TODO:`; `TODO-service` references are dangling-reference's. */
const PLACEHOLDER_VALUE = new RegExp(`^${PLACEHOLDER}(?:$|:)`);
/** A paragraph (or list item) that starts `TODO:`, as the guidance lines of a new entry do. */
const PLACEHOLDER_LINE = new RegExp(`^${PLACEHOLDER}:`);

/** Every string in the frontmatter that is still a placeholder, with its path. */
function placeholderValues(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof value === 'string') return PLACEHOLDER_VALUE.test(value.trim()) ? [{ path, value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => placeholderValues(item, [...path, index]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => placeholderValues(item, [...path, key]));
  return [];
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

export const placeholderText = defineRule({
  id: 'placeholder-text',
  title: 'A placeholder is still in the entry',
  plane: 'knowledge',
  // A warning: imported documents carry their authors' own TODOs, which should not stop a
  // build. A team that wants them to can raise it to an error in content/governance.yaml.
  severity: 'warning',
  description: `\`npm run new\` marks what only the author can write with \`${PLACEHOLDER}\`: field values and guidance lines starting \`${PLACEHOLDER}:\`. Published, they would tell readers nothing, so each must be replaced first. Fenced code is not checked.`,
  collections: COLLECTION_NAMES,
  check(entry) {
    const results: RuleResult[] = placeholderValues(entry.raw).map(({ path, value }) => ({
      path,
      message: `\`${formatPath(path)}\` is still the placeholder "${shorten(value.trim())}".`,
      hint: `Write the real value of \`${formatPath(path)}\`, or remove the field if it is optional.`,
    }));
    for (const paragraph of entry.facts.paragraphStarts) {
      if (!PLACEHOLDER_LINE.test(paragraph.text)) continue;
      results.push({
        line: paragraph.line,
        message: `A guidance line is still in the body: "${shorten(paragraph.text.trim())}".`,
        hint: `Write what the line asks for in its place, then delete the line.`,
      });
    }
    return results;
  },
});
