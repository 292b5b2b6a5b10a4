import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ansi, formatHuman } from '../core/check/format-human.ts';
import { formatGithub } from '../core/check/format-github.ts';
import { type CheckReport, runCheck } from '../core/check/run-check.ts';
import { closeSharedMermaidRenderer, sharedMermaidRenderer } from '../diagrams/diagram-service.ts';
import { MissingBrowserError } from '../diagrams/mermaid/index.ts';
import { prerenderDiagrams } from '../diagrams/prerender.ts';
import { resolveNow } from '../core/time.ts';
import type { CommandIo } from './io.ts';

export const BUILD_USAGE = `Usage: npm run build -- [options]

Checks the content, then builds the site into dist/. A failed build leaves the previous dist/
untouched: the site is built into a temporary folder and swapped in only on success.

Options:
  --out <dir>      Output folder (default: dist).
  --now <date>     Measure ages against this day instead of today (SOURCE_DATE_EPOCH works too).
  -h, --help       Show this help.
`;

/** Runs `npm run build` and returns the exit status. */
export async function buildCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let values;
  let now: Date;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        out: { type: 'string', default: 'dist' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
    now = resolveNow(values.now, io.env);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${BUILD_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(BUILD_USAGE);
    return 0;
  }
  const root = io.cwd;
  const style = io.color ? ansi : undefined;
  const started = performance.now();

  const report = runCheck({ root, now });
  io.stdout(formatHuman(report, style));
  if (io.env.GITHUB_ACTIONS === 'true') io.stdout(formatGithub(report.findings));
  if (report.errors > 0) {
    io.stderr(
      `\nBuild stopped: the content has ${report.errors} error${report.errors === 1 ? '' : 's'} (listed above). Fix them, check with npm run check, then build again.\n`,
    );
    return 1;
  }

  const diagramStatus = await renderDiagrams(report, root, io);
  if (diagramStatus !== 0) return diagramStatus;

  const outDir = resolve(root, values.out);
  const staging = join(dirname(outDir), `.${basename(outDir)}.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    // The integration reads these: the instant pages measure against, and that the check ran.
    process.env.MULTIPLANE_NOW = now.toISOString();
    process.env.MULTIPLANE_CHECKED = '1';
    process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
    // A NODE_ENV left over from a shell or a test runner (development, test) would make Vite build
    // in that mode, and Starlight then leaves search out of the pages; a published site is production.
    process.env.NODE_ENV = 'production';
    const { build } = await import('astro');
    await build({ root, outDir: staging, logLevel: io.env.MULTIPLANE_LOG_LEVEL === 'debug' ? 'debug' : 'info' });
    swapInto(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error('The site build failed; the previous output was left as it was.', { cause: error });
  } finally {
    await closeSharedMermaidRenderer();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { files, bytes } = measure(outDir);
  io.stdout(
    `\nSite built in ${seconds} s: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${relative(root, outDir) || '.'}/. Preview it with npm run preview.\n`,
  );
  return 0;
}

/**
 * Renders the Mermaid diagrams of every entry before Astro starts, so a broken diagram or a
 * missing browser stops the build with a plain message, and the site build reads the cache.
 */
async function renderDiagrams(report: CheckReport, root: string, io: CommandIo): Promise<number> {
  const started = performance.now();
  try {
    const renderer = sharedMermaidRenderer(root);
    const result = await prerenderDiagrams(report.graph.entries.values(), renderer);
    if (result.failures.length > 0) {
      for (const failure of result.failures) {
        io.stderr(`${failure.file}:${failure.line}  error  mermaid-diagram\n  The Mermaid diagram cannot be rendered: ${failure.message}\n  fix:   Correct the diagram's syntax (https://mermaid.js.org/intro/syntax-reference.html).\n\n`);
      }
      io.stderr(`Build stopped: ${result.failures.length} Mermaid diagram${result.failures.length === 1 ? '' : 's'} cannot be rendered.\n`);
      await closeSharedMermaidRenderer();
      return 1;
    }
    const stats = renderer.stats();
    if (result.diagrams > 0) {
      io.stdout(
        `Diagrams: ${result.diagrams} Mermaid block${result.diagrams === 1 ? '' : 's'}, ${stats.rendered} rendered, ${stats.cached} from cache, ${stats.launches} browser launch${stats.launches === 1 ? '' : 'es'}, ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    }
    return 0;
  } catch (error) {
    await closeSharedMermaidRenderer();
    if (error instanceof MissingBrowserError) {
      io.stderr(`\nBuild stopped: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Replaces `target` with `staging` using renames, so readers never see a half-written folder. */
function swapInto(staging: string, target: string) {
  const previous = `${staging}.previous`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}

function measure(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const dirent of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!dirent.isFile()) continue;
    files++;
    bytes += statSync(join(dirent.parentPath, dirent.name)).size;
  }
  return { files, bytes };
}
