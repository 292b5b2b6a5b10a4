import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export.ts';
import { freshFixtureRoot } from '../helpers/fixtures.ts';
import { fixtureRoot } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';

const scratch = mkdtempSync(join(tmpdir(), 'multiplane-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const outDir = () => join(scratch, `out-${++counter}`);

describe('npm run export -- backstage', () => {
  it('writes catalog-info.yaml and says what it wrote', () => {
    const dir = outDir();
    const io = memoryIo(fixtureRoot('valid'));
    expect(exportCommand(['backstage', dir], io)).toBe(0);
    expect(io.out().replace(dir, '<dir>')).toMatchInlineSnapshot(`
      "Wrote 7 Backstage entities to <dir>/catalog-info.yaml: 1 System, 2 Groups, 2 Users, 2 Components.

      Register the file as a catalog location that allows these kinds; the comment at its top shows how.
      "
    `);
    const text = readFileSync(join(dir, 'catalog-info.yaml'), 'utf8');
    expect(text).toContain('kind: Component\nmetadata:\n  name: api\n');
    expect(io.err()).toBe('');
  });

  it('writes the same bytes for the same content', () => {
    const [a, b] = [outDir(), outDir()];
    exportCommand(['backstage', a], memoryIo(fixtureRoot('valid')));
    exportCommand(['backstage', b], memoryIo(fixtureRoot('valid')));
    expect(readFileSync(join(a, 'catalog-info.yaml'), 'utf8')).toBe(readFileSync(join(b, 'catalog-info.yaml'), 'utf8'));
  });

  it('refuses to replace an existing file unless --force', () => {
    const dir = outDir();
    expect(exportCommand(['backstage', dir], memoryIo(fixtureRoot('valid')))).toBe(0);
    writeFileSync(join(dir, 'catalog-info.yaml'), 'kept\n');
    const refused = memoryIo(fixtureRoot('valid'));
    expect(exportCommand(['backstage', dir], refused)).toBe(1);
    expect(refused.err().replace(dir, '<dir>')).toMatchInlineSnapshot(`
      "<dir>/catalog-info.yaml already exists, so nothing was written. Pass --force to replace it, or name another folder.
      "
    `);
    expect(readFileSync(join(dir, 'catalog-info.yaml'), 'utf8')).toBe('kept\n');
    expect(exportCommand(['backstage', dir, '--force'], memoryIo(fixtureRoot('valid')))).toBe(0);
    expect(readFileSync(join(dir, 'catalog-info.yaml'), 'utf8')).toContain('kind: System');
  });

  it('refuses content with errors and writes nothing', () => {
    const dir = outDir();
    const io = memoryIo(fixtureRoot('dangling-dependency'));
    expect(exportCommand(['backstage', dir], io)).toBe(1);
    expect(io.err()).toMatchInlineSnapshot(`
      "The content has 1 error, so nothing was exported. Run npm run check for the details and how to fix them.
        content/services/api.md:6  dangling-reference  \`dependsOn[0]\` refers to \`dbb\`, which is not a service.
      "
    `);
    expect(existsSync(dir)).toBe(false);
  });

  it('reports every ID it had to rename', () => {
    const io = memoryIo(freshFixtureRoot('backstage-names'));
    expect(exportCommand(['backstage', outDir()], io)).toBe(0);
    expect(io.out()).toContain('Changed on the way to Backstage:');
    expect(io.out()).toContain('services/café-orders: ID `café-orders` cannot be a Backstage name as it is');
    expect(io.out()).toContain('owners/zoë: ID `zoë` cannot be a Backstage name as it is');
  });

  it('honours --root and resolves the folder against the current directory', () => {
    const io = memoryIo(scratch);
    expect(exportCommand(['backstage', 'relative-out', '--root', fixtureRoot('valid')], io)).toBe(0);
    expect(io.out()).toContain('to relative-out/catalog-info.yaml');
    expect(existsSync(join(scratch, 'relative-out', 'catalog-info.yaml'))).toBe(true);
  });

  it('exits 2 with usage on a wrong call', () => {
    const cases: [string[], string][] = [
      [[], 'Name a target: backstage.'],
      [['backstag', 'out'], 'Unknown target "backstag"; the targets are backstage.'],
      [['backstage'], 'Name the folder to write into, e.g. npm run export -- backstage ./backstage.'],
      [['backstage', 'a', 'b'], 'Unexpected argument "b"; give one target and one folder.'],
      [['backstage', 'out', '--frce'], "Unknown option '--frce'."],
    ];
    for (const [argv, message] of cases) {
      const io = memoryIo(fixtureRoot('valid'));
      expect(exportCommand(argv, io), argv.join(' ')).toBe(2);
      expect(io.err().split('\n')[0]?.startsWith(message), io.err()).toBe(true);
      expect(io.err()).toContain('Usage: npm run export');
    }
  });

  it('prints help with --help', () => {
    const io = memoryIo(fixtureRoot('valid'));
    expect(exportCommand(['--help'], io)).toBe(0);
    expect(io.out()).toContain('backstage         Backstage catalog entities');
  });
});

describe('the export script', () => {
  it('returns the exit status to the shell', () => {
    const script = join(import.meta.dirname, '../../scripts/export.ts');
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', script, ...args], {
        cwd: fixtureRoot('valid'),
        encoding: 'utf8',
        env: { ...process.env, SOURCE_DATE_EPOCH: '1795651200' },
      });
    const dir = outDir();
    expect(run(['backstage', dir]).status).toBe(0);
    const again = run(['backstage', dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).not.toMatch(/\n\s+at /);
    expect(run(['nowhere']).status).toBe(2);
  });
});
