import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemasCommand } from '../../src/cli/schemas.ts';
import { scratchFolder, startBuild } from '../build/build-process.ts';
import { memoryIo } from '../helpers/io.ts';

const REPO = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'multiplane-help-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The file of scripts/ that a script of package.json runs. */
function scriptFile(name: string): string {
  const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const file = /scripts\/[\w-]+\.ts/.exec(scripts[name] ?? '')?.[0];
  if (!file) throw new Error(`npm run ${name} runs no script of scripts/`);
  return join(REPO, file);
}

/** Runs a script of package.json as npm would, with arguments after `--`. */
function script(name: string, args: string[]) {
  return spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', scriptFile(name), ...args], { cwd: scratch, encoding: 'utf8', timeout: 60_000 });
}

describe('--help on every script', () => {
  it.each(['check', 'build', 'new', 'import', 'export', 'schemas', 'bench', 'bench:check'])('npm run %s -- --help prints the usage and exits 0', (name) => {
    const result = script(name, ['--help']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Usage: npm run ${name} `));
    expect(result.status).toBe(0);
  });

  it.each(['schemas', 'bench', 'bench:check'])('npm run %s answers an unknown option with usage, never a stack trace', (name) => {
    const result = script(name, ['--entires', '10']);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toMatch(/^Unknown option '--entires'\. (Did you mean --entries\?|The options are )/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('a script whose reader goes away', () => {
  // `npm run check | head -3`: head closes the pipe after three lines, and the next write fails.
  it.each(['check', 'build'])('npm run %s stops printing and exits as it would, without a stack trace', async (name) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', scriptFile(name), '--help'], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the script, which takes a few hundred milliseconds to start, writes its usage.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it("npm run build finishes the site when the reader leaves while Astro's process is logging", { timeout: 180_000 }, async () => {
    const folder = scratchFolder('piped');
    try {
      const build = startBuild(join(folder, 'site'));
      // Astro's process inherits this pipe: it logs into a pipe whose reader is gone.
      build.child.stdout!.destroy();
      expect(await build.ended, build.output()).toEqual({ code: 0, signal: null });
      expect(build.output()).not.toMatch(/EPIPE|\n\s+at /);
      expect(readdirSync(join(folder, 'site'))).toContain('index.html');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('npm run schemas', () => {
  const project = () => {
    const root = join(scratch, `project-${Math.random().toString(36).slice(2)}`);
    cpSync(join(REPO, 'public', 'schemas'), join(root, 'public', 'schemas'), { recursive: true });
    return root;
  };

  it('writes nothing when asked for help', () => {
    const root = project();
    expect(readdirSync(join(root, 'public', 'schemas'))).toHaveLength(11);
    // A file npm run schemas would rewrite, to see that --help leaves it alone.
    writeFileSync(join(root, 'public', 'schemas', 'owners.schema.json'), '{}\n');
    const io = memoryIo(root);
    expect(schemasCommand(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: npm run schemas');
    expect(readFileSync(join(root, 'public', 'schemas', 'owners.schema.json'), 'utf8')).toBe('{}\n');
  });

  it('reports out-of-date files with --check, and writes them without', () => {
    const root = project();
    expect(schemasCommand(['--check', '--root', root], memoryIo(root))).toBe(0);
    writeFileSync(join(root, 'public', 'schemas', 'owners.schema.json'), '{}\n');
    const stale = memoryIo(root);
    expect(schemasCommand(['--check', '--root', root], stale)).toBe(1);
    expect(stale.err()).toBe('1 JSON Schema is out of date in public/schemas/: owners.schema.json. Run npm run schemas to write them.\n');
    const io = memoryIo(root);
    expect(schemasCommand(['--root', root], io)).toBe(0);
    expect(io.out()).toBe('Wrote 11 JSON Schemas to public/schemas/.\n');
    expect(JSON.parse(readFileSync(join(root, 'public', 'schemas', 'owners.schema.json'), 'utf8')).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
});
