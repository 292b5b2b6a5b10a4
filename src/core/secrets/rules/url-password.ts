import type { SecretLintRuleCreator } from '@secretlint/types';
import { isPlaceholderPassword } from '../placeholders.ts';

const messages = {
  URLPassword: { en: (props: { URL: string }) => `found a password in a URL: ${props.URL}` },
};

// scheme://user:password@host, any scheme. secretlint's basic-auth rule allows only letters,
// digits, "-" and "_" in the password and hosts whose last label has at most six letters, so it
// misses "p!ss" and "host.internal"; its database rule covers only Postgres, MySQL and MongoDB.
// The password runs to the last "@" before the path, since people paste unescaped "@" too.
// Every part is bounded and a scheme starts only where no scheme character precedes it, so a
// hostile line cannot make the expression backtrack quadratically.
const URL_PASSWORD = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]{0,31}:\/\/(?<user>[^\s:/?#@]{0,256}):(?<password>[^\s/?#]{1,256})@(?<host>[^\s/?#@]{1,256})/gi;

/** Reports passwords written in URLs, except placeholders (see `isPlaceholderPassword`). */
export const urlPasswordRule: SecretLintRuleCreator = {
  messages,
  meta: { id: 'multiplane/url-password', type: 'scanner', recommended: true, supportedContentTypes: ['text'] },
  create(context) {
    const t = context.createTranslator(messages);
    return {
      file(source) {
        for (const match of source.content.matchAll(URL_PASSWORD)) {
          const { user = '', password = '' } = match.groups ?? {};
          if (isPlaceholderPassword(password, user)) continue;
          context.report({ message: t('URLPassword', { URL: match[0] }), range: [match.index, match.index + match[0].length] });
        }
      },
    };
  },
};
