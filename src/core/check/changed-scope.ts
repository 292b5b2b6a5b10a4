import type { Finding } from '../findings/finding.ts';
import type { CheckReport } from './run-check.ts';

export interface ChangeScope {
  /** Files added or modified since the ref. */
  readonly changed: readonly string[];
  /** Files deleted (or renamed away) since the ref. */
  readonly deleted: readonly string[];
}

export interface ScopedFindings {
  readonly findings: readonly Finding[];
  /** Findings left out because they predate the change. */
  readonly excluded: number;
  /** Keys of the entries the change touched. */
  readonly touched: readonly string[];
}

/** A finding's identity across two runs: line numbers move, the rule, entry, field and message do not. */
function identity(finding: Finding): string {
  return `${finding.rule}\u0000${finding.entry ?? finding.file}\u0000${finding.field ?? ''}\u0000${finding.message}`;
}

/**
 * Keeps the findings a change is answerable for: every finding in a file it added or modified,
 * and any finding elsewhere that did not exist before it (a reference it broke, a policy it
 * retired under a service). Old findings in untouched files are left out, so a pull request is
 * not blamed for warnings it found, yet it is blamed for what it breaks elsewhere. A change to
 * the governance settings or the platform file re-evaluates everything, so everything counts.
 */
export function scopeToChange(current: CheckReport, base: readonly Finding[], scope: ChangeScope): ScopedFindings {
  const changed = new Set(scope.changed);
  const global = [...scope.changed, ...scope.deleted].some((file) => /(^|\/)(governance|platform)\.ya?ml$/.test(file));
  const before = new Set(base.map(identity));
  const findings = current.findings.filter((finding) => global || changed.has(finding.file) || !before.has(identity(finding)));
  const touched = [...current.graph.entries.values()].filter((entry) => changed.has(entry.file)).map((entry) => entry.key);
  return { findings, excluded: current.findings.length - findings.length, touched };
}
