import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The fixture content these builds use: small, so a build takes seconds. */
export const FIXTURE_CONTENT = join('tests', 'fixtures', 'valid', 'content');

/**
 * A new folder for outputs under the project's tmp/. Inside the project, because Astro keeps a
 * build's intermediate files inside its output folder only when that is inside the project;
 * for any other output folder it uses the project's .astro/.prerender/, which builds running at
 * the same time (the end-to-end tests') would share and remove under each other.
 */
export function scratchFolder(name: string): string {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  return mkdtempSync(join(ROOT, 'tmp', `multiplane-${name}-`));
}

export interface RunningBuild {
  readonly child: ChildProcess;
  /** Everything the build printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with how the build ended. */
  readonly ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `npm run build`'s own command from the project root, as tests/helpers/built-site.ts
 * does, but without waiting, so a test can interrupt it. Builds the fixture content without PDF.
 */
export function startBuild(out: string, env: NodeJS.ProcessEnv = {}): RunningBuild {
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', join(ROOT, 'scripts', 'build.ts'), '--no-pdf', '--content', FIXTURE_CONTENT, '--out', out],
    { cwd: ROOT, env: { ...buildEnvironment(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { child, output: () => output, ended };
}

/** The environment of a user's shell, not of the test runner (see tests/helpers/built-site.ts). */
function buildEnvironment(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'MULTIPLANE_CHROMIUM', 'CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
  const env: NodeJS.ProcessEnv = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26) / 1000), NO_COLOR: '1' };
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}
