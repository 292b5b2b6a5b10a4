import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../../src/cli/check.ts';
import { mightContainSecret } from '../../../src/core/secrets/prefilter.ts';
import { scanSecrets } from '../../../src/core/secrets/scan-secrets.ts';
import { freshFixtureRoot } from '../../helpers/fixtures.ts';
import { memoryIo } from '../../helpers/io.ts';
import { accessKeyId, BASE62, entryWith, jwt, pick } from './fakes.ts';

const FAKES = {
  'AWS access key': `aws_access_key_id = ${accessKeyId()}\naws_secret_access_key = ${pick(40, BASE62)}`,
  'private key': generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  'GitHub token': `token: ${'ghp_'}${pick(36, BASE62)}`,
  'Slack token': `SLACK_TOKEN=${'xoxb'}-${pick(12, '0123456789')}-${pick(12, '0123456789')}-${pick(24, BASE62)}`,
  'connection string with a password': `DATABASE_URL=${'postgres'}://admin:${pick(14, BASE62)}@db.internal.example:5432/ledger`,
  'JSON Web Token': `Authorization: Bearer ${jwt()}`,
  'URL with a password on an internal host': `git clone https://deploy:${pick(10, BASE62)}!@git.corp.internal/ledger.git`,
} as const;

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
    // A copy of its own: the fixture root is shared by the run, and a runbook left in it would
    // change what other tests find in the valid platform.
    const root = freshFixtureRoot('valid');
    const token = `${'ghp_'}${pick(36, BASE62)}`;
    writeFileSync(join(root, 'content/runbooks/leaky.md'), entryWith(`export GITHUB_TOKEN=${token}`));
    const io = memoryIo(root);
    expect(await checkCommand([], io)).toBe(1);
    expect(io.out()).toMatch(/content\/runbooks\/leaky\.md:19 {2}error {2}secret-detected/);
    expect(io.out()).not.toContain(token);
  });
});
