import { createHash, createHmac } from 'node:crypto';

// Fake credentials are assembled at run time, so the repository itself never carries anything a
// secret scanner (or a code host's push protection) would flag. Characters are derived from a
// hash of a counter, so a failing run can be reproduced exactly.
let counter = 0;

/** `length` deterministic characters drawn from `chars`. */
export function pick(length: number, chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'): string {
  const bytes: number[] = [];
  while (bytes.length < length) bytes.push(...createHash('sha512').update(`multiplane-fake-${counter++}`).digest());
  return bytes
    .slice(0, length)
    .map((byte) => chars[byte % chars.length])
    .join('');
}

export const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An AWS access key ID in the real alphabet (base32 after the prefix). */
export function accessKeyId(prefix = 'AKIA'): string {
  return `${prefix}${pick(16)}`;
}

/** A signed HS256 JSON Web Token for a realistic subject. */
export function jwt(claims: Record<string, unknown> = { sub: `svc-${pick(6).toLowerCase()}`, iss: 'https://auth.internal', exp: 1_900_000_000 }): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', pick(32)).update(unsigned).digest('base64url')}`;
}

/** A Markdown runbook whose "Diagnosis" section quotes `secret` in a code block, on line 19. */
export function entryWith(secret: string): string {
  return `---\ntitle: Restore the ledger\nowner: platform-team\nkind: runbook\nreview:\n  cadence: 6m\n  last: 2026-11-01\n---\n\n## Symptoms\n\nx\n\n## Diagnosis\n\nRun this:\n\n\`\`\`sh\n${secret}\n\`\`\`\n\n## Remediation\n\nx\n\n## Escalation\n\nx\n`;
}
