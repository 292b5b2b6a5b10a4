import type { SecretLintRuleCreator } from '@secretlint/types';
import { isPlaceholderJwt } from '../placeholders.ts';

const messages = {
  JSONWebToken: { en: (props: { TOKEN: string }) => `found JSON Web Token: ${props.TOKEN}` },
};

// header.payload.signature, each base64url; header and payload are JSON objects, so both start
// with "eyJ" (`{"`). Unsigned tokens (empty signature) authorize nothing and are left alone.
// A token starts only where no base64url character precedes it, which keeps matching linear.
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/g;

/** Decodes one base64url part, or undefined when it is not text. */
function decodePart(part: string): string | undefined {
  try {
    return Buffer.from(part, 'base64url').toString('utf8');
  } catch {
    return undefined;
  }
}

/** Reports signed JSON Web Tokens (bearer credentials), except documentation examples. */
export const jsonWebTokenRule: SecretLintRuleCreator = {
  messages,
  meta: { id: 'multiplane/json-web-token', type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source) {
        for (const match of source.content.matchAll(JWT)) {
          const [header = '', payload = '', signature = ''] = match[0].split('.');
          // A header that does not decode to a JSON object with an algorithm is some other string.
          if (!/"alg"\s*:/.test(decodePart(header) ?? '')) continue;
          if (isPlaceholderJwt(signature, decodePart(payload) ?? '')) continue;
          context.report({ message: t('JSONWebToken', { TOKEN: match[0] }), range: [match.index, match.index + match[0].length] });
        }
      },
    };
  },
};
