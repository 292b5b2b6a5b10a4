import { compareFindings } from '../findings/finding.ts';
import { planeCompleteness } from '../governance/completeness.ts';
import { countFindings } from '../model/build-model.ts';
import type { SecretCandidate } from '../secrets/scan-secrets.ts';
import { type SecretFiles, secretFiles } from '../secrets/secret-files.ts';
import type { CheckReport } from './run-check.ts';

export interface SecretScanOptions {
  /** Project root; finding paths are relative to it. */
  readonly root: string;
  /** Content folder relative to the root. Defaults to `content`. */
  readonly contentDir?: string;
}

/**
 * Adds the secret scanner's findings to a report: errors for credentials, notices for
 * suppression comments that hide one. It is a separate, asynchronous step because secretlint is
 * asynchronous and slower than every rule together. It reads every file of the content folder
 * (dotfiles, `_` notes and files that are not entries included) and scans those the prefilter
 * marks as possible carriers of a credential. `read` is that walk when it was started earlier, beside
 * the loading of the entries (src/core/secrets/secret-files-aside.ts).
 */
export async function withSecretFindings(report: CheckReport, scan: SecretScanOptions, read?: Promise<SecretFiles>): Promise<CheckReport> {
  const candidates = withEntries((read ? await read : secretFiles(scan)).candidates, report);
  // secretlint and its rules load only when the prefilter left something to scan.
  if (candidates.length === 0) return report;
  const { scanSecrets } = await import('../secrets/scan-secrets.ts');
  const secrets = await scanSecrets(candidates);
  if (secrets.length === 0) return report;
  const findings = [...report.findings, ...secrets].sort(compareFindings);
  // A notice asks a reviewer to look; it does not make an entry incomplete.
  const completeness = planeCompleteness(report.graph, findings);
  return { ...report, ...countFindings(findings), completeness };
}

/** Names the entry of each candidate that is an entry's file, so findings count against it. */
function withEntries(candidates: readonly SecretCandidate[], report: CheckReport): SecretCandidate[] {
  const entries = new Map<string, string>();
  for (const entry of report.graph.entries.values()) entries.set(entry.file, entry.key);
  return candidates.map((candidate) => {
    const entry = entries.get(candidate.file);
    return entry ? { ...candidate, entry } : candidate;
  });
}
