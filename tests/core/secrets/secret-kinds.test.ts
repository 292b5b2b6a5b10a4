import { describe, expect, it } from 'vitest';
import { mightContainSecret } from '../../../src/core/secrets/prefilter.ts';
import { scanSecrets } from '../../../src/core/secrets/scan-secrets.ts';
import { accessKeyId, BASE62, jwt, pick } from './fakes.ts';

/** The findings for one line of text, after checking the prefilter lets it through. */
async function scan(text: string) {
  expect(mightContainSecret(text), `prefilter must pass: ${text}`).toBe(true);
  return scanSecrets([{ file: 'content/notes.txt', text }]);
}

/** Expects exactly one error, on line 1, and the value nowhere in what is reported. */
async function expectCaught(text: string, kind: RegExp, value: string) {
  const findings = await scan(text);
  expect(findings, text).toHaveLength(1);
  expect(findings[0]).toMatchObject({ rule: 'secret-detected', severity: 'error', line: 1, file: 'content/notes.txt' });
  expect(findings[0]?.message).toMatch(kind);
  expect(JSON.stringify(findings)).not.toContain(value);
}

describe('AWS access key IDs', () => {
  it.each([
    ['a key in a credentials file', (key: string) => `aws_access_key_id = ${key}`],
    ['a key in an environment variable', (key: string) => `export AWS_ACCESS_KEY_ID=${key}`],
    ['a key in prose', (key: string) => `The deploy user's key is ${key}, rotate it yearly.`],
    ['a key in JSON', (key: string) => `{"AccessKeyId": "${key}"}`],
    ['a key in YAML', (key: string) => `accessKeyId: ${key}`],
  ])('catches %s', async (_name, write) => {
    const key = accessKeyId();
    await expectCaught(write(key), /aws-access-key-id/, key);
  });

  it('catches a temporary (ASIA) key', async () => {
    const key = accessKeyId('ASIA');
    await expectCaught(`key: ${key}`, /aws-access-key-id/, key);
  });

  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    'ASIAIOSFODNN7EXAMPLE',
    'AKIAI44QH8DHBEXAMPLE',
    'AKIAXXXXXXXXXXXXXXXX',
    'AKIA0000000000000000',
    'AKIA1234567890ABCDEF',
    'AKIAABCDEFGHIJKLMNOP',
  ])('leaves the documentation placeholder %s alone', async (key) => {
    expect(await scan(`aws_access_key_id = ${key}`)).toEqual([]);
  });

  it('leaves other AWS identifiers (roles, users) and longer words alone', async () => {
    expect(await scanSecrets([{ file: 'a.md', text: `role AROA${pick(16)} user AIDA${pick(16)} word AKIA${pick(20)}` }])).toEqual([]);
  });
});

describe('JSON Web Tokens', () => {
  it.each([
    ['a bearer header', (token: string) => `curl -H "Authorization: Bearer ${token}" https://api.internal/v1`],
    ['a YAML value', (token: string) => `token: ${token}`],
    ['a query string', (token: string) => `https://app.internal/callback?id_token=${token}&state=x`],
    ['a cookie', (token: string) => `Cookie: session=${token}; Path=/`],
  ])('catches a token in %s', async (_name, write) => {
    const token = jwt();
    await expectCaught(write(token), /json-web-token/, token);
  });

  it('catches a token whose claims are long', async () => {
    const token = jwt({ sub: 'ops-bot', scope: 'deploy admin read write', roles: Array.from({ length: 20 }, (_, index) => `role-${index}`) });
    await expectCaught(`token=${token}`, /json-web-token/, token);
  });

  it.each([
    ["jwt.io's example", 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
    ['a token issued by example.com', jwt({ iss: 'https://auth.example.com', sub: 'alice' })],
    ['an unsigned token', `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"alice-admin"}').toString('base64url')}.`],
  ])('leaves %s alone', async (_name, token) => {
    expect(await scanSecrets([{ file: 'a.md', text: `Authorization: Bearer ${token}` }])).toEqual([]);
  });

  it('leaves text that only starts like a token alone', async () => {
    expect(await scanSecrets([{ file: 'a.md', text: `eyJ${pick(30, BASE62)}.eyJ${pick(30, BASE62)}.${pick(30, BASE62)}` }])).toEqual([]);
  });
});

describe('passwords in URLs', () => {
  it.each([
    ['postgres://admin:s3cr3t!@db.internal:5432', 'postgres://admin:s3cr3t!@db.internal:5432/ledger', 's3cr3t!'],
    ['https://bob:p!ss@host.internal/x', 'https://bob:p!ss@host.internal/x', 'p!ss'],
    ['a password with URL-legal characters', `https://deploy:${pick(6, BASE62)}~$&'()*+,;=!${pick(4, BASE62)}@git.internal/repo.git`, "~$&'()*+,;=!"],
    ['an .internal host', `https://ci:${pick(14, BASE62)}@jenkins.corp.internal:8443/job/x`, 'jenkins'],
    ['a host without a domain', `http://admin:${pick(12, BASE62)}@grafana:3000/`, 'grafana:3000'],
    ['Redis without a user', `REDIS_URL=redis://:${pick(16, BASE62)}@cache.internal:6379/0`, 'cache.internal'],
    ['AMQP', `amqp://orders:${pick(16, BASE62)}@mq.internal:5672/prod`, 'mq.internal'],
    ['an unescaped @ in the password', `https://bob:${pick(6, BASE62)}@${pick(6, BASE62)}@host.internal/x`, 'host.internal'],
    ['a percent-escaped password', `https://bob:${pick(6, BASE62)}%21%40${pick(4, BASE62)}@host.internal/`, '%21%40'],
  ])('catches %s', async (_name, text, value) => {
    const findings = await scan(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'secret-detected', severity: 'error', line: 1 });
    expect(JSON.stringify(findings)).not.toContain(value);
  });

  it.each([
    'https://user:pass@example.com',
    'https://user:password@host.internal/x',
    'postgres://postgres:postgres@localhost:5432/app',
    'postgres://app:${DB_PASSWORD}@db.internal:5432/app',
    'mysql://root:{{ mysql_root_password }}@db:3306',
    'https://bob:<password>@git.internal/repo.git',
    'redis://:$REDIS_PASSWORD@cache:6379',
    'https://user:your-password@registry.internal',
    'https://admin:changeme@grafana.internal',
    'https://bob:****@host.internal',
    'https://bob:xxxxxxxx@host.internal',
    'amqp://guest:guest@localhost:5672/',
    'see https://example.com:8443/path?user=a@b.c',
    'mailto:bob@example.com and http://[::1]:8080/health',
  ])('leaves the placeholder %s alone', async (text) => {
    expect(await scanSecrets([{ file: 'a.md', text }])).toEqual([]);
  });

  it('reports a credential once even when several rules match it', async () => {
    const findings = await scan(`DATABASE_URL=postgres://ledger:${pick(16, BASE62)}@db.internal:5432/ledger`);
    expect(findings).toHaveLength(1);
  });
});
