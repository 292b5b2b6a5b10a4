import { createHash, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../../src/cli/check.ts';
import { mightContainSecret } from '../../../src/core/secrets/prefilter.ts';
import { scanSecrets } from '../../../src/core/secrets/scan-secrets.ts';
import { fixtureRoot } from '../../helpers/fixtures.ts';
import { memoryIo } from '../../helpers/io.ts';

// Fake credentials are assembled at run time, so the repository itself never carries anything a
// secret scanner (or a code host's push protection) would flag.
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
// Deterministic "random" characters: a failing run can be reproduced exactly.
let counter = 0;
const pick = (length: number, chars = alphabet) =>
  Array.from(createHash('sha512').update(`multiplane-fake-${counter++}`).digest().subarray(0, length), (byte) => chars[byte % chars.length]).join('');
const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const FAKES = {
  'AWS access key': `aws_access_key_id = ${'AKIA'}${pick(16)}\naws_secret_access_key = ${pick(40, base62)}`,
  'private key': generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  'GitHub token': `token: ${'ghp_'}${pick(36, base62)}`,
  'Slack token': `SLACK_TOKEN=${'xoxb'}-${pick(12, '0123456789')}-${pick(12, '0123456789')}-${pick(24, base62)}`,
  'connection string with a password': `DATABASE_URL=${'postgres'}://admin:${pick(14, base62)}@db.internal.example:5432/ledger`,
} as const;

function entryWith(secret: string): string {
  return `---\ntitle: Restore the ledger\nowner: platform-team\nkind: runbook\nreview:\n  cadence: 6m\n  last: 2026-11-01\n---\n\n## Symptoms\n\nx\n\n## Diagnosis\n\nRun this:\n\n\`\`\`sh\n${secret}\n\`\`\`\n\n## Remediation\n\nx\n\n## Escalation\n\nx\n`;
}

describe('the secret scanner', () => {
  for (const [kind, secret] of Object.entries(FAKES)) {
    it(`catches a ${kind}, names its file and line, and masks it`, async () => {
      const text = entryWith(secret);
      expect(mightContainSecret(text)).toBe(true);
      const findings = await scanSecrets([{ file: 'content/runbooks/leak.md', text, entry: 'runbooks/leak' }]);
      expect(findings.length, kind).toBeGreaterThanOrEqual(1);
      const [first] = findings;
      expect(first).toMatchObject({ rule: 'secret-detected', severity: 'error', file: 'content/runbooks/leak.md', entry: 'runbooks/leak' });
      // The secret starts on line 19 of the file; multi-line ones may be reported on a later line.
      expect(first?.line).toBeGreaterThanOrEqual(19);
      expect(first?.line).toBeLessThan(19 + secret.split('\n').length);
      // No line of the secret (beyond short markers) appears in what is reported.
      for (const part of secret.split(/[\s=:@/]+/).filter((piece) => piece.length >= 12)) {
        expect(JSON.stringify(findings)).not.toContain(part);
      }
    });
  }

  it('skips files with nothing that could be a credential, and reports nothing for ordinary prose', async () => {
    const text = entryWith('kubectl -n ledger rollout restart deploy/ledger-api\nsee https://observe.example/d/2026-10-14-carrier-connector-3-7-0');
    expect(mightContainSecret(text)).toBe(false);
    expect(await scanSecrets([{ file: 'content/runbooks/clean.md', text }])).toEqual([]);
  });

  it('fails npm run check with the file and line, and never prints the value', async () => {
    const root = fixtureRoot('valid');
    const token = `${'ghp_'}${pick(36, base62)}`;
    writeFileSync(join(root, 'content/runbooks/leaky.md'), entryWith(`export GITHUB_TOKEN=${token}`));
    const io = memoryIo(root);
    expect(await checkCommand([], io)).toBe(1);
    expect(io.out()).toMatch(/content\/runbooks\/leaky\.md:19 {2}error {2}secret-detected/);
    expect(io.out()).not.toContain(token);
  });
});
