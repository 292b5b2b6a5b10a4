import type { Finding } from '../findings/finding.ts';
import { ANNOTATION_LIMIT, byUrgency } from './format-summary.ts';

// Workflow commands end at a newline and split properties at `,` and `:`; GitHub documents
// percent-encoding for both: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Formats one finding as a GitHub Actions annotation: `::error file=…,line=…,title=…::message`.
 * The severity is the command, so a notice becomes `::notice`, which GitHub shows without failing.
 */
export function formatAnnotation(finding: Finding): string {
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `title=${escapeProperty(`${finding.rule}${finding.field ? ` (${finding.field})` : ''}`)}`,
  ].join(',');
  return `::${finding.severity} ${properties}::${escapeData(`${finding.message}\nFix: ${finding.hint}`)}`;
}

/**
 * Formats findings as annotations, one per line, the most urgent first. GitHub displays only the
 * first ten of a step, so by default no more are printed; the job summary lists them all.
 */
export function formatGithub(findings: readonly Finding[], limit = ANNOTATION_LIMIT): string {
  return byUrgency(findings)
    .slice(0, limit)
    .map((finding) => `${formatAnnotation(finding)}\n`)
    .join('');
}
