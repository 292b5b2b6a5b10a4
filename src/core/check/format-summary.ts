import type { Finding } from '../findings/finding.ts';

/** GitHub shows at most this many annotations of one step; the rest only reach the summary. */
export const ANNOTATION_LIMIT = 10;

const URGENCY: Record<Finding['severity'], number> = { error: 0, warning: 1, notice: 2 };

/** Orders findings for annotations: errors first, then warnings, then notices, each by file and line. */
export function byUrgency(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => URGENCY[a.severity] - URGENCY[b.severity] || a.file.localeCompare(b.file) || a.line - b.line);
}

function cell(text: string): string {
  // A pipe ends a Markdown table cell and a newline ends the row.
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export interface SummaryOptions {
  readonly title?: string;
  /** How many of the findings were also shown as annotations (listed first). */
  readonly annotated?: number;
  /** A line on what was left out, e.g. findings that predate the change. */
  readonly note?: string;
  /** Base address of the rules reference, to link each rule ID. */
  readonly rulesUrl?: string;
}

/**
 * Formats findings as a GitHub job summary: counts, then one table row per finding with its
 * location, rule and fix. Every finding is listed, including those beyond the annotation limit.
 */
export function formatSummary(findings: readonly Finding[], options: SummaryOptions = {}): string {
  const sorted = byUrgency(findings);
  const errors = sorted.filter((finding) => finding.severity === 'error').length;
  const notices = sorted.filter((finding) => finding.severity === 'notice').length;
  const warnings = sorted.length - errors - notices;
  const lines = [`## ${options.title ?? 'Multiplane governance check'}`, ''];
  lines.push(
    sorted.length === 0
      ? 'No findings. :white_check_mark:'
      : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${notices ? `, ${notices} notice${notices === 1 ? '' : 's'} to review` : ''}.`,
  );
  if (options.annotated !== undefined && sorted.length > options.annotated) {
    lines.push('', `The first ${options.annotated} are annotated on the changed lines; GitHub shows no more per step, so all ${sorted.length} are listed here.`);
  }
  if (options.note) lines.push('', options.note);
  if (sorted.length > 0) {
    lines.push('', '| | Location | Rule | Problem | How to fix |', '| --- | --- | --- | --- | --- |');
    for (const finding of sorted) {
      const rule = options.rulesUrl ? `[${finding.rule}](${options.rulesUrl}#${finding.rule})` : `\`${finding.rule}\``;
      const icon = finding.severity === 'error' ? ':x:' : finding.severity === 'notice' ? ':information_source:' : ':warning:';
      const location = `\`${finding.file}:${finding.line}\`${finding.field ? ` (${cell(finding.field)})` : ''}`;
      lines.push(`| ${icon} | ${location} | ${rule} | ${cell(finding.message)} | ${cell(finding.hint)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
