/**
 * Values documentation writes where a credential would go. Runbooks and guides are full of them
 * ("connect with `https://user:pass@host`"), and an error on each would teach people to ignore
 * the scanner. Each test errs on the side of reporting: a value is a placeholder only when it
 * could not plausibly be a real credential.
 */

// Written in the place of a password: "pass", "password", "your-password", "changeme"…
const PLACEHOLDER_PASSWORD = /^(?:your|my|the|some|example|dummy|fake|sample|test)?(?:pass|passwd|password|passphrase|pwd|pw|secret|token|apikey|key|changeme|changeit|placeholder|redacted|example|dummy|sample|test|foo|bar|baz)(?:here|goeshere)?$/;

// Template syntax of shells, CI systems and template languages: ${VAR}, $VAR, {{ var }}, {var},
// <var>, %VAR%, $(command), [var].
// A bare $VAR or %VAR% must be the whole value: real passwords contain "$" and "%" too.
const TEMPLATE = /\$\{[^}]*\}|^\$[A-Za-z_][A-Za-z0-9_]*$|\{\{[^}]*\}\}|^\{[^}]*\}$|^<[^>]*>$|^%[A-Za-z_]+%$|\$\([^)]*\)|^\[[^\]]*\]$/;

/**
 * True when the password of `scheme://user:password@host` is a placeholder: a word such as
 * "pass", "password", "your_password" or "changeme" (in any case, with or without separators),
 * a template (`${DB_PASSWORD}`, `{{ password }}`, `<password>`), a mask (`****`, `xxxx`), or the
 * user name repeated. The host never decides: a real password stays real on example.com.
 */
export function isPlaceholderPassword(password: string, user: string): boolean {
  let value = password;
  try {
    value = decodeURIComponent(password);
  } catch {
    // A malformed escape is read as written.
  }
  if (value === user || value === '') return true;
  if (TEMPLATE.test(value)) return true;
  // One character repeated, or masking characters only: "xxxx", "****", "••••", "...".
  if (/^(.)\1*$/u.test(value) || /^[*•x.]+$/i.test(value)) return true;
  return PLACEHOLDER_PASSWORD.test(value.toLowerCase().replace(/[^a-z0-9]/g, ''));
}

/**
 * True when an AWS access key ID is one documentation uses: it contains EXAMPLE (every key in
 * AWS's own documentation does, e.g. AKIAIOSFODNN7EXAMPLE), or its 16 characters after the
 * prefix are a filler (AKIAXXXXXXXXXXXXXXXX, AKIA0000000000000000) or a run of the alphabet
 * (AKIA1234567890ABCDEF, AKIAABCDEFGHIJKLMNOP).
 */
export function isPlaceholderAccessKeyId(id: string): boolean {
  if (id.includes('EXAMPLE')) return true;
  const suffix = id.slice(4);
  if (new Set(suffix).size <= 3) return true;
  return isMostlySequential(suffix);
}

// jwt.io's example token ("John Doe", signed with "your-256-bit-secret"), quoted by countless docs.
const JWT_IO_SIGNATURE = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/**
 * True when a JSON Web Token is a documentation example: jwt.io's sample token (its signature,
 * or its "John Doe" payload), or a payload that names an example (`"iss": "https://example.com"`,
 * `"sub": "example-user"`), which no real issuer writes.
 */
export function isPlaceholderJwt(signature: string, payload: string): boolean {
  if (signature === JWT_IO_SIGNATURE) return true;
  if (/"name"\s*:\s*"John Doe"/.test(payload) && /"sub"\s*:\s*"1234567890"/.test(payload)) return true;
  return /example/i.test(payload);
}

/** True when at least three in four neighbouring characters follow each other (1→2, A→B). */
function isMostlySequential(text: string): boolean {
  const order = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let steps = 0;
  for (let index = 1; index < text.length; index++) {
    const previous = order.indexOf(text[index - 1] ?? '');
    const current = order.indexOf(text[index] ?? '');
    // "…890A…" counts too: 0 follows 9 on a keyboard, A follows 9 in the order above.
    if (current === previous + 1 || (previous === 9 && current === 0)) steps++;
  }
  return steps * 4 >= (text.length - 1) * 3;
}
