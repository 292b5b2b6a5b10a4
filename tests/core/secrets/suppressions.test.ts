import { describe, expect, it } from 'vitest';
import { mightContainSecret } from '../../../src/core/secrets/prefilter.ts';
import { scanSecrets } from '../../../src/core/secrets/scan-secrets.ts';
import { suppressionsIn } from '../../../src/core/secrets/suppressions.ts';
import { BASE62, pick } from './fakes.ts';

const token = () => `${'ghp_'}${pick(36, BASE62)}`;

async function scan(text: string) {
  expect(mightContainSecret(text)).toBe(true);
  return scanSecrets([{ file: 'content/runbooks/rotate.md', text, entry: 'runbooks/rotate' }]);
}

describe('suppression comments', () => {
  it('turns a token hidden by <!-- secretlint-disable --> into a notice on the comment line', async () => {
    const secret = token();
    const findings = await scan(`# Rotate\n\nSome text.\n\n<!-- secretlint-disable -->\n\n    export GITHUB_TOKEN=${secret}\n\n<!-- secretlint-enable -->\n`);
    expect(findings).toEqual([
      {
        rule: 'secret-suppressed',
        severity: 'notice',
        plane: 'identity',
        message: 'A secret scan was suppressed here (secretlint-disable): it hides what looks like a credential (github) on line 7. A reviewer must confirm it is a placeholder.',
        hint: 'If it is a placeholder, make that obvious (AKIAIOSFODNN7EXAMPLE, https://user:password@host, ${DB_PASSWORD}) and remove the comment: placeholders pass without one. If it is real, delete it, rotate it and remove the comment.',
        file: 'content/runbooks/rotate.md',
        line: 5,
        entry: 'runbooks/rotate',
      },
    ]);
    expect(JSON.stringify(findings)).not.toContain(secret);
  });

  it.each([
    ['disable-line', (secret: string) => `intro\nGITHUB_TOKEN=${secret} # secretlint-disable-line\n`, 2, 'secretlint-disable-line'],
    ['disable-next-line', (secret: string) => `intro\n<!-- secretlint-disable-next-line -->\nGITHUB_TOKEN=${secret}\n`, 2, 'secretlint-disable-next-line'],
    ['disable to the end of the file', (secret: string) => `a\nb\n// secretlint-disable\n\n\nGITHUB_TOKEN=${secret}\n`, 3, 'secretlint-disable'],
    ['disable for the rule that matches', (secret: string) => `<!-- secretlint-disable @secretlint/secretlint-rule-github -- a sample -->\nGITHUB_TOKEN=${secret}\n`, 1, 'secretlint-disable for @secretlint/secretlint-rule-github'],
    ['disable in YAML', (secret: string) => `title: x\n# secretlint-disable-next-line\ntoken: ${secret}\n`, 2, 'secretlint-disable-next-line'],
    ['disable in prose, which secretlint honours too', (secret: string) => `The sample below is fake. secretlint-disable-next-line\nGITHUB_TOKEN=${secret}\n`, 1, 'secretlint-disable-next-line'],
  ])('reports %s as a notice with the comment line', async (_name, write, line, directive) => {
    const findings = await scan(write(token()));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'secret-suppressed', severity: 'notice', line });
    expect(findings[0]?.message).toContain(`(${directive})`);
  });

  it('still reports a token after secretlint-enable, or outside the suppressed line', async () => {
    const findings = await scan(`<!-- secretlint-disable -->\nA=${token()}\n<!-- secretlint-enable -->\nB=${token()}\nC=${token()} <!-- secretlint-disable-line -->\n<!-- secretlint-disable-next-line -->\n\nD=${token()}\n`);
    expect(findings.map(({ severity, line }) => [severity, line])).toEqual([
      ['notice', 1],
      ['error', 4],
      ['notice', 5],
      ['error', 8],
    ]);
  });

  it('still reports a token that a suppression for another rule does not cover', async () => {
    const findings = await scan(`<!-- secretlint-disable @secretlint/secretlint-rule-aws -->\nGITHUB_TOKEN=${token()}\n`);
    expect(findings).toMatchObject([{ severity: 'error', line: 2, rule: 'secret-detected' }]);
  });

  it('gives one notice per comment, however many tokens it hides', async () => {
    const findings = await scan(`<!-- secretlint-disable -->\nA=${token()}\nB=${token()}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('on lines 2, 3');
  });

  it('says nothing about a comment that hides nothing', async () => {
    expect(await scan('<!-- secretlint-disable -->\nJust prose.\n<!-- secretlint-enable -->\n')).toEqual([]);
  });

  it('reads the range each directive covers', () => {
    const text = 'a\n<!-- secretlint-disable x, y -- because -->\nb\n<!-- secretlint-enable x -->\nc # secretlint-disable-line\n';
    expect(suppressionsIn(text).map(({ line, directive, rules, start, end }) => ({ line, directive, rules, covered: text.slice(start, end) }))).toEqual([
      // From the directive to the enable, as secretlint counts it.
      { line: 2, directive: 'secretlint-disable', rules: ['x', 'y'], covered: 'secretlint-disable x, y -- because -->\nb\n<!-- ' },
      { line: 5, directive: 'secretlint-disable-line', rules: [], covered: 'c # secretlint-disable-line' },
    ]);
  });
});
