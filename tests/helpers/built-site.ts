import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { siteWorkFolders } from '../../src/build/astro-process-start.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Builds the example site into a temporary folder with `npm run build`'s own command, pinned to
 * the fixture instant, and returns the folder. Throws with the build's output when it fails.
 */
export function buildExampleSite(args: readonly string[] = []): { dir: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), 'multiplane-site-'));
  const dir = join(parent, 'dist');
  runBuild(ROOT, ['--content', join('tests', 'fixtures', 'example', 'content'), '--out', dir, ...args]);
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

/**
 * Builds a site from a fixture's content with this repository's engine, into a temporary folder.
 */
export function buildFixtureSite(fixture: string, args: readonly string[] = []): { dir: string; stdout: string; remove(): void } {
  return buildContentSite(join('tests', 'fixtures', fixture, 'content'), args);
}

/**
 * Builds a site from a content folder inside the project (a path relative to its root). Removing
 * the site of a temporary content folder (one a test wrote, named by its process) also removes
 * the caches the build kept for that folder, which no later run would use.
 */
export function buildContentSite(content: string, args: readonly string[] = []): { dir: string; stdout: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), 'multiplane-content-site-'));
  const dir = join(parent, 'dist');
  const stdout = runBuild(ROOT, ['--content', content, '--out', dir, ...args]);
  return {
    dir,
    stdout,
    remove: () => {
      rmSync(parent, { recursive: true, force: true });
      if (relative(ROOT, join(ROOT, content)).startsWith(`tmp${sep}`)) removeBuildCaches(content);
    },
  };
}

/** Removes what builds of a content folder keep in the project's `.cache/multiplane/`, both editions. */
function removeBuildCaches(content: string): void {
  for (const edition of ['internal', 'public']) {
    const folders = siteWorkFolders(ROOT, content, edition);
    for (const path of [folders.cache, folders.work, folders.search, folders.lock, folders.spare]) rmSync(path, { recursive: true, force: true });
  }
}

function runBuild(cwd: string, args: readonly string[]): string {
  const result = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', join(ROOT, 'scripts', 'build.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: buildEnvironment(),
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = args[args.indexOf('--out') + 1] ?? '';
  if (result.status !== 0 || !existsSync(join(out, 'index.html'))) {
    throw new Error(`The site did not build (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * The environment of a user's shell, not of the test runner: Vitest exports MODE, DEV, PROD and
 * friends into process.env, and a build that inherits them renders its pages in test mode.
 */
function buildEnvironment(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'MULTIPLANE_CHROMIUM', 'CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'];
  const env: NodeJS.ProcessEnv = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26) / 1000), NO_COLOR: '1' };
  for (const name of keep) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}
