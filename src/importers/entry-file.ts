import yaml from 'js-yaml';
import type { ImportedEntry } from './import-result.ts';

/**
 * Returns the text of an entry file: YAML frontmatter between `---` fences, written by js-yaml,
 * then the body unchanged. Dates are kept as `YYYY-MM-DD` strings, which js-yaml quotes because
 * they would otherwise read back as timestamps.
 */
export function renderEntryFile(entry: ImportedEntry): string {
  const comments = entry.comments.map((line) => `# ${line.replace(/\s*\n\s*/g, ' ')}`.trimEnd()).join('\n');
  const fields = yaml.dump(entry.data, { lineWidth: -1, noRefs: true, quotingType: "'" });
  const body = entry.body === '' || entry.body.endsWith('\n') ? entry.body : `${entry.body}\n`;
  return `---\n${comments === '' ? '' : `${comments}\n`}${fields}---\n${body}`;
}
