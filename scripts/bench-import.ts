#!/usr/bin/env node
// `node --experimental-strip-types scripts/bench-import.ts`: imports each real-world corpus (../shared/corpus)
// into a fresh project under tmp/, reports what was imported and left unconverted, and times a
// build of it (no PDF) under a base path. A measurement, not a test.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importCommand } from '../src/cli/import.ts';

const root = join(import.meta.dirname, '..');
const corpus = join(root, '..', 'shared', 'corpus');
const sources = [
  { name: 'comply', source: join(corpus, 'comply-soc2'), args: [] as string[] },
  { name: 'markdown', source: join(corpus, 'pagerduty-incident-response'), args: ['--prefix', 'pagerduty'] },
];

for (const { name, source, args } of sources) {
  const project = join(root, 'tmp', `bench-import-${name}`);
  rmSync(project, { recursive: true, force: true });
  const content = join(project, 'content');
  mkdirSync(join(content, 'owners'), { recursive: true });
  writeFileSync(join(content, 'platform.yaml'), 'name: Imported\norganization: Bench\nenvironment: production\ndocsVersion: "1"\ntrustAnchor: import-team\nurl: https://org.github.io/repo/\n');
  writeFileSync(join(content, 'owners', 'import-team.md'), '---\ntitle: Import Team\nkind: team\ncontact:\n  chat: "#import"\nescalation:\n  route: rotation\n---\n\nOwns the import.\n');
  let out = '';
  const started = performance.now();
  const status = importCommand([name, source, '--owner', 'import-team', '--out', content, ...args], {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: root,
    color: false,
  });
  const importMs = performance.now() - started;
  const imported = /^Imported (\d+) files/m.exec(out)?.[1] ?? '0';
  const items = out.split('\n').filter((line) => /^ {2}\S/.test(line) && !/^ {2}(policies|runbooks|and) /.test(line));
  const inBodies = items.filter((line) => /^ {2}[^:]+:\d+: /.test(line));
  const buildStarted = performance.now();
  const build = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', join(root, 'scripts', 'build.ts'), '--content', relative(root, content), '--out', join(project, 'dist'), '--no-pdf'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const buildMs = performance.now() - buildStarted;
  const summary = /^ {2}\d+ files, \d+ entries: .*$/m.exec(build.stdout)?.[0]?.trim() ?? `build exited ${build.status}`;
  console.log(
    `${name}: ${imported} entries imported (status ${status}, ${(importMs / 1000).toFixed(1)} s); ${items.length} report lines not mapped, ${inBodies.length} of them constructs in bodies left unconverted; ` +
      `build ${(buildMs / 1000).toFixed(1)} s (${summary})`,
  );
  const kinds = new Map<string, number>();
  for (const line of inBodies) {
    const what = /^ {2}[^:]+:\d+: (.*?),/.exec(line)?.[1] ?? '';
    const kind = what.replace(/ [`(].*$/, '').replace(/^(image|link) .*/, '$1');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  console.log(`  in bodies: ${[...kinds].map(([kind, count]) => `${count} × ${kind}`).join(', ')}`);
  rmSync(project, { recursive: true, force: true });
}
