import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import type { Finding } from '../findings/finding.ts';

export interface SecretCandidate {
  /** Path relative to the project root. */
  readonly file: string;
  readonly text: string;
  readonly entry?: string;
}

const CONFIG = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended }] };

/**
 * Scans files with secretlint's recommended rules and returns one finding per credential, named
 * by file and line, its value masked in the message so the report does not spread it further.
 */
export async function scanSecrets(candidates: readonly SecretCandidate[]): Promise<Finding[]> {
  const docs = DIAGNOSTICS.secretDetected;
  const findings: Finding[] = [];
  for (const candidate of candidates) {
    const result = await lintSource({
      source: { filePath: candidate.file, content: candidate.text, contentType: 'text', ext: '.md' },
      options: { config: CONFIG, maskSecrets: true },
    });
    for (const message of result.messages) {
      const kind = message.ruleId.replace(/^@secretlint\/secretlint-rule-/, '');
      findings.push({
        rule: docs.id,
        severity: docs.severity,
        plane: docs.plane,
        message: `A credential (${kind}: ${message.messageId}) is written in this file: ${message.message.replace(/^found\s*/i, '')}.`,
        hint: 'Delete it from the file (and from its git history), rotate the credential, and refer to where it is stored instead (e.g. the name of the secret in your vault).',
        file: candidate.file,
        line: message.loc.start.line,
        ...(candidate.entry ? { entry: candidate.entry } : {}),
      });
    }
  }
  return findings;
}
