import { planeCompleteness } from '../governance/completeness.ts';
import { compareFindings } from '../findings/finding.ts';
import { scanSecrets } from '../secrets/scan-secrets.ts';
import type { CheckReport } from './run-check.ts';

/**
 * Adds the secret scanner's findings to a report. It is a separate, asynchronous step because
 * secretlint is asynchronous and slower than every rule together; it reads only the files the
 * loader's prefilter marked as possible carriers of a credential.
 */
export async function withSecretFindings(report: CheckReport): Promise<CheckReport> {
  const secrets = await scanSecrets(report.content.secretCandidates);
  if (secrets.length === 0) return report;
  const findings = [...report.findings, ...secrets].sort(compareFindings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { ...report, findings, errors, warnings: findings.length - errors, completeness: planeCompleteness(report.graph, findings) };
}
