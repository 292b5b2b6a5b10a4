import type { Finding, Severity } from '../findings/finding.ts';
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

export interface AnnotationSelection {
  /** The findings to annotate, the most urgent first. */
  readonly shown: readonly Finding[];
  /** How many of each severity are left to the job summary. */
  readonly omitted: Readonly<Record<Severity, number>>;
}

/**
 * Chooses what to annotate. GitHub shows at most `limit` annotations of each kind per step and
 * drops the rest silently, so at most that many errors, warnings and notices are printed, the
 * first by file and line; when any is left out, one notice slot is kept to say so.
 */
export function selectAnnotations(findings: readonly Finding[], limit = ANNOTATION_LIMIT): AnnotationSelection {
  const sorted = byUrgency(findings);
  const of = (severity: Severity) => sorted.filter((finding) => finding.severity === severity);
  const errors = of('error');
  const warnings = of('warning');
  const notices = of('notice');
  const overflow = errors.length > limit || warnings.length > limit || notices.length > limit;
  const noticeSlots = overflow ? limit - 1 : limit;
  const shown = [...errors.slice(0, limit), ...warnings.slice(0, limit), ...notices.slice(0, noticeSlots)];
  return {
    shown,
    omitted: {
      error: Math.max(0, errors.length - limit),
      warning: Math.max(0, warnings.length - limit),
      notice: Math.max(0, notices.length - noticeSlots),
    },
  };
}

/**
 * Formats findings as annotations, one per line, the most urgent first: at most ten errors, ten
 * warnings and ten notices (GitHub shows no more per step), then one notice saying how many more
 * the job summary lists.
 */
export function formatGithub(findings: readonly Finding[], limit = ANNOTATION_LIMIT): string {
  const { shown, omitted } = selectAnnotations(findings, limit);
  const lines = shown.map((finding) => `${formatAnnotation(finding)}\n`);
  const more = omitted.error + omitted.warning + omitted.notice;
  if (more > 0) {
    const parts = (['error', 'warning', 'notice'] as const)
      .filter((severity) => omitted[severity] > 0)
      .map((severity) => `${omitted[severity]} ${severity}${omitted[severity] === 1 ? '' : 's'}`);
    const text = `${more} more finding${more === 1 ? ' is' : 's are'} not annotated (${parts.join(', ')}): GitHub shows at most ${limit} of each kind per step. The job summary lists all ${findings.length}.`;
    lines.push(`::notice title=${escapeProperty('More findings in the job summary')}::${escapeData(text)}\n`);
  }
  return lines.join('');
}
