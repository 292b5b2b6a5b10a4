import type { Finding } from '../findings/finding.ts';
import { parsePolicyCheckId } from '../policy-checks/policy-check-id.ts';

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step; the rest only reach the summary. */
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
  /** How many of the findings were also shown as annotations. */
  readonly annotated?: number;
  /** A line on what was left out, e.g. findings that predate the change. */
  readonly note?: string;
  /**
   * The published site's address (`url` in content/platform.yaml), to link each rule to its
   * section of the rules reference and each policy check to its policy's page. Without it rule
   * IDs are not links: a relative link in a job summary would point into GitHub, not the site.
   */
  readonly siteUrl?: string | undefined;
}

/** The page a finding's rule is explained on: its section of the rules reference, or for a policy check its policy. */
export function ruleUrl(rule: string, siteUrl: string): string {
  const base = siteUrl.replace(/\/?$/, '/');
  const check = parsePolicyCheckId(rule);
  return check ? `${base}policies/${check.policyId}/` : `${base}governance/rules/#${rule}`;
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
    lines.push(
      '',
      `${options.annotated} of them ${options.annotated === 1 ? 'is' : 'are'} annotated on the changed lines; GitHub shows at most ${ANNOTATION_LIMIT} errors, ${ANNOTATION_LIMIT} warnings and ${ANNOTATION_LIMIT} notices per step, so all ${sorted.length} are listed here.`,
    );
  }
  if (options.note) lines.push('', options.note);
  if (sorted.length > 0) {
    if (!options.siteUrl) lines.push('', 'Each rule is explained in the rules reference of the published site; set `url` in content/platform.yaml to link rule IDs to it.');
    lines.push('', '| | Location | Rule | Problem | How to fix |', '| --- | --- | --- | --- | --- |');
    for (const finding of sorted) {
      const rule = options.siteUrl ? `[${cell(finding.rule)}](${ruleUrl(finding.rule, options.siteUrl)})` : `\`${cell(finding.rule)}\``;
      const icon = finding.severity === 'error' ? ':x:' : finding.severity === 'notice' ? ':information_source:' : ':warning:';
      const location = `\`${finding.file}:${finding.line}\`${finding.field ? ` (${cell(finding.field)})` : ''}`;
      lines.push(`| ${icon} | ${location} | ${rule} | ${cell(finding.message)} | ${cell(finding.hint)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
