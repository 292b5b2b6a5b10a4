import { lintSource } from '@secretlint/core';
import { rules as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig, SecretLintCoreResultMessage } from '@secretlint/types';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { createFinding } from '../findings/create-finding.ts';
import { compareFindings, type Finding } from '../findings/finding.ts';
import { isPlaceholderPassword } from './placeholders.ts';
import { awsAccessKeyIdRule } from './rules/aws-access-key-id.ts';
import { jsonWebTokenRule } from './rules/json-web-token.ts';
import { urlPasswordRule } from './rules/url-password.ts';
import { type Suppression, suppressionOf, suppressionsIn } from './suppressions.ts';

export interface SecretCandidate {
  /** Path relative to the project root. */
  readonly file: string;
  readonly text: string;
  readonly entry?: string;
}

// The recommended preset's rules one by one, without filter-comments: suppression comments are
// applied by `scanSecrets`, which reports what they hide. (A preset cannot switch one of its
// rules off: @secretlint/core ignores `disabled` there.)
const CONFIG: SecretLintCoreConfig = {
  rules: [
    ...recommended.filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments').map((rule) => ({ id: rule.meta.id, rule })),
    { id: awsAccessKeyIdRule.meta.id, rule: awsAccessKeyIdRule },
    { id: jsonWebTokenRule.meta.id, rule: jsonWebTokenRule },
    { id: urlPasswordRule.meta.id, rule: urlPasswordRule },
  ],
};

/**
 * Scans files with secretlint's recommended rules and Multiplane's own (AWS access key IDs, JSON
 * Web Tokens, passwords in any URL) and returns one error per line holding a credential, its
 * value masked in the message so the report does not spread it further. A credential hidden by
 * a `secretlint-disable…` comment is not an error but a notice on the comment's line, so that a
 * suppression is never silent: a reviewer must confirm that what it hides is a placeholder.
 */
export async function scanSecrets(candidates: readonly SecretCandidate[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const candidate of candidates) {
    const result = await lintSource({
      source: { filePath: candidate.file, content: candidate.text, contentType: 'text', ext: '.md' },
      options: { config: CONFIG, maskSecrets: true },
    });
    const suppressions = result.messages.length ? suppressionsIn(candidate.text) : [];
    const hidden = new Map<Suppression, SecretLintCoreResultMessage[]>();
    const reportedLines = new Set<number>();
    for (const message of result.messages) {
      if (isPlaceholderUrl(message, candidate.text)) continue;
      const suppression = suppressionOf(suppressions, message.ruleId, message.range);
      if (suppression) {
        hidden.set(suppression, [...(hidden.get(suppression) ?? []), message]);
        continue;
      }
      // Several rules may match one credential (a Postgres URL is also a URL with a password).
      const line = message.loc.start.line;
      if (reportedLines.has(line)) continue;
      reportedLines.add(line);
      findings.push(detected(candidate, message));
    }
    for (const [suppression, messages] of hidden) findings.push(suppressed(candidate, suppression, messages));
  }
  return findings.sort(compareFindings);
}

// secretlint's rules for URLs with a password have placeholder lists of their own, narrower than
// Multiplane's (its basic-auth rule reports https://user:pass@example.com); one policy for all.
const URL_RULES = new Set(['@secretlint/secretlint-rule-basicauth', '@secretlint/secretlint-rule-database-connection-string']);
const USERINFO = /:\/\/([^\s:/?#@]*):([^\s/?#]+)@/;

function isPlaceholderUrl(message: SecretLintCoreResultMessage, text: string): boolean {
  if (!URL_RULES.has(message.ruleId)) return false;
  const match = USERINFO.exec(text.slice(message.range[0], message.range[1]));
  return match !== null && isPlaceholderPassword(match[2] ?? '', match[1] ?? '');
}

function kindOf(message: SecretLintCoreResultMessage): string {
  return message.ruleId.replace(/^@secretlint\/secretlint-rule-|^multiplane\//, '');
}

function detected(candidate: SecretCandidate, message: SecretLintCoreResultMessage): Finding {
  return createFinding(
    DIAGNOSTICS.secretDetected,
    { kind: kindOf(message), messageId: message.messageId, detail: message.message.replace(/^found\s*/i, '') },
    { file: candidate.file, line: message.loc.start.line, entry: candidate.entry },
  );
}

function suppressed(candidate: SecretCandidate, suppression: Suppression, messages: readonly SecretLintCoreResultMessage[]): Finding {
  return createFinding(
    DIAGNOSTICS.secretSuppressed,
    {
      directive: suppression.directive,
      rules: suppression.rules,
      kinds: [...new Set(messages.map(kindOf))],
      lines: [...new Set(messages.map((message) => message.loc.start.line))],
    },
    { file: candidate.file, line: suppression.line, entry: candidate.entry },
  );
}
