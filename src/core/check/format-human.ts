import { countByLevel, describeUnrated } from '../governance/scorecard.ts';
import type { CheckReport } from './run-check.ts';

export interface Style {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const plain: Style = { red: String, yellow: String, green: String, dim: String, bold: String };

/** ANSI styling, for terminals that asked for it. */
export const ansi: Style = {
  red: (text) => `\u001b[31m${text}\u001b[39m`,
  yellow: (text) => `\u001b[33m${text}\u001b[39m`,
  green: (text) => `\u001b[32m${text}\u001b[39m`,
  dim: (text) => `\u001b[2m${text}\u001b[22m`,
  bold: (text) => `\u001b[1m${text}\u001b[22m`,
};

/**
 * Formats a report for people: each finding as `file:line`, severity, rule, message and the fix,
 * then a summary of counts, plane completeness, scorecard levels and open loops.
 */
export function formatHuman(report: CheckReport, style: Style = plain): string {
  const lines: string[] = report.findings.length > 0 ? [formatFindings(report.findings, style)] : [];

  const entries = report.graph.entries.size;
  const counts = [
    report.errors === 0 ? style.green('0 errors') : style.red(`${report.errors} error${report.errors === 1 ? '' : 's'}`),
    report.warnings === 0 ? '0 warnings' : style.yellow(`${report.warnings} warning${report.warnings === 1 ? '' : 's'}`),
  ];
  // Notices neither fail the check nor count as warnings, but a reviewer must see how many there are.
  const notices = report.findings.filter((finding) => finding.severity === 'notice').length;
  if (notices > 0) counts.push(style.bold(`${notices} notice${notices === 1 ? '' : 's'} to review`));
  lines.push(style.bold('Summary'));
  lines.push(`  ${report.content.files} files, ${entries} entries: ${counts.join(', ')}`);
  lines.push(
    `  Completeness: ${report.completeness
      .map((plane) => `${plane.plane} ${Math.round(plane.ratio * 100)}%`)
      .join(', ')}`,
  );
  const levels = countByLevel(report.scores, report.content.governance)
    .filter((level) => level.count > 0)
    .reverse()
    .map((level) => `${level.level ?? 'no level'} ${level.count}`);
  // Services that are not rated (experimental, deprecated) are counted by lifecycle, not as "no level".
  const unrated = describeUnrated(report.scores);
  lines.push(`  Scorecard: ${levels.length ? levels.join(', ') : unrated ? 'no rated services' : 'no services'}${unrated ? `; not rated: ${unrated}` : ''}`);
  lines.push(
    `  Open loops: ${report.openLoops.length === 0 ? 'none' : report.openLoops.map((entry) => entry.key).join(', ')}`,
  );
  lines.push(`  Checked as of ${report.now.toISOString()}`);
  return `${lines.join('\n')}\n`;
}

/** Formats findings as `file:line`, severity, rule, message, field and fix, one block each. */
export function formatFindings(findings: CheckReport['findings'], style: Style = plain): string {
  const lines: string[] = [];
  for (const finding of findings) {
    const severity = finding.severity === 'error' ? style.red('error') : finding.severity === 'notice' ? style.bold('notice') : style.yellow('warning');
    lines.push(`${style.bold(`${finding.file}:${finding.line}`)}  ${severity}  ${style.dim(finding.rule)}`);
    lines.push(`  ${finding.message}`);
    if (finding.field) lines.push(`  ${style.dim('field:')} ${finding.field}`);
    lines.push(`  ${style.dim('fix:')}   ${finding.hint}`);
    lines.push('');
  }
  return lines.join('\n');
}
