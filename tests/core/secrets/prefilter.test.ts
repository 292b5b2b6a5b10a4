import { describe, expect, it } from 'vitest';
import { mightContainSecret } from '../../../src/core/secrets/prefilter.ts';
import { scanSecrets } from '../../../src/core/secrets/scan-secrets.ts';
import { accessKeyId, BASE62, jwt, pick } from './fakes.ts';

describe('the prefilter', () => {
  it.each([
    ['an AWS access key ID', () => `id ${accessKeyId()}`],
    ['a temporary AWS key ID', () => `id ${accessKeyId('ASIA')}`],
    ['a JSON Web Token', () => `Bearer ${jwt()}`],
    ['a JSON Web Token with short parts', () => `t=${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"s":1}').toString('base64url')}.${pick(22, BASE62)}`],
    ['a URL password with !', () => 'postgres://admin:s3cr3t!@db.internal:5432'],
    ['a URL password on an .internal host', () => 'https://bob:p!ss@host.internal/x'],
    ['a URL password with an @ in it', () => 'https://bob:p@ss@host.internal/x'],
    ['a URL password with no user', () => 'redis://:hunter2@cache:6379'],
    ['a suppression comment', () => 'text <!-- secretlint-disable-next-line --> text'],
  ])('lets %s through', (_name, make) => {
    expect(mightContainSecret(make())).toBe(true);
  });

  it.each([
    'Restart the ledger with `kubectl -n ledger rollout restart deploy/ledger-api`.',
    'See https://observe.example/d/2026-10-14-carrier-connector-3-7-0 and http://localhost:8080/health.',
    'The service owner is platform-team; escalate to sre-oncall-primary after 15 minutes.',
    '| Plane | Owner |\n| --- | --- |\n| Control | platform-team |',
  ])('skips ordinary prose: %s', (text) => {
    expect(mightContainSecret(text)).toBe(false);
  });

  it('is a superset of what the scanner reports, on 400 generated lines', async () => {
    // Credential-like shapes mixed with words and separators: whatever the scanner reports in a
    // line, the prefilter must have let that line through.
    const shapes = [
      () => accessKeyId(),
      () => jwt(),
      () => `${pick(3, 'abcxyz')}://${pick(4, 'abcdef')}:${pick(6, `${BASE62}!~$*`)}@${pick(5, 'abcdef')}.internal`,
      () => `${'ghp_'}${pick(36, BASE62)}`,
      () => `${'xoxb'}-${pick(12, '0123456789')}-${pick(12, '0123456789')}-${pick(24, BASE62)}`,
      () => pick(24, BASE62),
      () => pick(8, 'abcdefgh -'),
    ];
    let reported = 0;
    for (let line = 0; line < 400; line++) {
      const text = Array.from({ length: 3 }, (_, index) => shapes[(line * 7 + index * 3) % shapes.length]?.() ?? '').join(pick(1, ' =:"\'/'));
      const findings = await scanSecrets([{ file: 'x.md', text }]);
      if (findings.length > 0) {
        reported++;
        expect(mightContainSecret(text), text).toBe(true);
      }
    }
    // The sample must exercise the scanner, or the test proves nothing.
    expect(reported).toBeGreaterThan(100);
  });
});
