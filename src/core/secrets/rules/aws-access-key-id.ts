import type { SecretLintRuleCreator } from '@secretlint/types';
import { isPlaceholderAccessKeyId } from '../placeholders.ts';

const messages = {
  AWSAccessKeyID: { en: (props: { ID: string }) => `found AWS access key ID: ${props.ID}` },
};

// AKIA are long-lived keys of IAM users, ASIA temporary ones from STS. secretlint's AWS rule
// finds them only with `enableIDScanRule`, which also reports AWS account numbers (not secrets,
// and common in runbooks), so this rule finds the keys alone.
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;

/** Reports AWS access key IDs, except documentation placeholders (see `isPlaceholderAccessKeyId`). */
export const awsAccessKeyIdRule: SecretLintRuleCreator = {
  messages,
  meta: { id: 'multiplane/aws-access-key-id', type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source) {
        for (const match of source.content.matchAll(ACCESS_KEY_ID)) {
          if (isPlaceholderAccessKeyId(match[0])) continue;
          context.report({ message: t('AWSAccessKeyID', { ID: match[0] }), range: [match.index, match.index + match[0].length] });
        }
      },
    };
  },
};
