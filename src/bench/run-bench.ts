import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { alternatingRuns, type Side, type SideRuns } from './alternating-runs.ts';
import { writeBaselineProject } from './baseline-project.ts';
import { type DevProbe, probeDevServer } from './dev-probe.ts';
import { launchChromium } from '../browser/index.ts';
import { reusedPagesIn } from '../build/astro-log.ts';
import { BUILD_V8_FLAGS } from '../build/node-flags.ts';
import { measureOutput, type OutputSizes } from './page-sizes.ts';
import { runMeasured } from './process-tree.ts';
import { probeSearch, type SearchProbe } from './search-probe.ts';
import { backgroundDeletionsDone, pendingWritesFlushed } from './settle.ts';
import { writeSyntheticPlatform } from './synthetic-platform.ts';

/** Words a reader looks for: on the 10,000-entry platform, one a fifth of the entries contain down to one a few hundred do. */
const SEARCH_QUERIES = ['restore', 'database', 'backup'];

const COLLECTIONS = ['owners', 'policies', 'runbooks', 'services', 'deployments', 'incidents', 'case-studies', 'articles', 'whitepaper'];

export interface BenchOptions {
  readonly root: string;
  readonly sizes: readonly number[];
  /** Also build the same bodies with plain Starlight (default and one-link sidebar), at these sizes. */
  readonly baseline: readonly number[];
  /** Print the whitepaper at these sizes (the PDF is timed separately from the site). */
  readonly pdf: readonly number[];
  /** Time `npm run dev` (first page, an edit seen in the browser) at these sizes. */
  readonly dev: readonly number[];
  /** Time `npm run dev` on the project's own content too. */
  readonly devExample: boolean;
  /** Runs of each timed build (default 3). */
  readonly repeats?: number;
  readonly log: (line: string) => void;
}

export interface SizeResult {
  readonly entries: number;
  /** `npm run check` as a whole process: the first run without any cache, then warm runs. */
  readonly check: { readonly coldMs: number; readonly warmMs: readonly number[] };
  /** Clean builds (caches removed before each), whole process, alternating with the baselines. */
  readonly clean: SideRuns;
  /** The steps the last clean build reported. */
  readonly phases: Record<string, number>;
  readonly output: OutputSizes;
  /** Builds with nothing changed since the previous build. */
  readonly unchanged: SideRuns;
  /** Builds after changing one entry's title, each a different entry. */
  readonly oneEntry: SideRuns;
  /** Pages reused from the previous build in the last one-entry build. */
  readonly reusedPages: number;
  readonly search?: readonly SearchProbe[];
  readonly baselines?: readonly SideRuns[];
  /** Output of plain Starlight with its default sidebar, for page sizes. */
  readonly baselineOutput?: OutputSizes;
  readonly files: { readonly read: number; readonly parsed: number };
  readonly dev?: DevProbe;
}

function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26) / 1000), NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'CHROMIUM_PATH', 'MULTIPLANE_CHROMIUM']) if (process.env[name]) env[name] = process.env[name];
  return env;
}

/**
 * Node's flags of `npm run check` and `npm run build` (package.json), so that the bench times the
 * processes users run. A young generation of 16 MB instead of V8's default collects the check's
 * short-lived objects (parsed frontmatter, findings) less often: a warm check of 10,000 entries
 * took 3.0–3.2 s instead of 3.4–3.6 s, six alternating runs each (docs/performance.md).
 */
export const SCRIPT_NODE_FLAGS = ['--max-semi-space-size=16', '--experimental-strip-types'] as const;

/** Node's flags of `npm run build`: those of `npm run check`, and V8's helper threads as src/build/node-flags.ts gives them. */
export const BUILD_NODE_FLAGS = [...SCRIPT_NODE_FLAGS, ...BUILD_V8_FLAGS] as const;

/**
 * Removes every cache a build reuses (content store, pages, body facts, diagrams, search indexes),
 * so the next build starts clean. Node's cache of compiled code (`node-compile`, see
 * src/cli/compile-cache.ts) stays: it holds the installed modules' code, not anything of the
 * content, and is warm for any build after `npm run setup`. Plain Starlight gets one of its own
 * (`starlightEnvironment`), warmed the same way, so neither side compiles its modules anew.
 */
export function clearCaches(root: string): void {
  for (const path of ['node_modules/.astro', '.astro']) rmSync(join(root, path), { recursive: true, force: true });
  const cache = join(root, '.cache', 'multiplane');
  if (!existsSync(cache)) return;
  for (const name of readdirSync(cache)) if (name !== 'node-compile') rmSync(join(cache, name), { recursive: true, force: true });
}

/** Plain Starlight's environment: the build's, with a cache of compiled code kept across sizes and runs of one bench. */
function starlightEnvironment(root: string): NodeJS.ProcessEnv {
  return { ...environment(), NODE_COMPILE_CACHE: join(root, 'tmp', 'bench', 'starlight-node-compile') };
}

/**
 * Builds a page or two on each side, untimed, so that both have their modules' compiled code at
 * hand from the first timed round: Multiplane the example's content, plain Starlight a project of
 * one page with the same configuration as its timed ones.
 */
async function warmCompileCaches(root: string, work: string, node: string, buildFlags: readonly string[], log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const out = join(work, 'warm-up');
  const multiplane = await runMeasured(node, [...buildFlags, join(root, 'scripts/build.ts'), '--content', 'content', '--out', join(out, 'multiplane'), '--no-pdf'], { cwd: root, env: environment() });
  const empty = join(out, 'content');
  mkdirSync(join(empty, 'notes'), { recursive: true });
  writeFileSync(join(empty, 'notes', 'note.md'), '---\ntitle: Note\n---\n\nA note.\n');
  const project = join(out, 'starlight');
  writeBaselineProject(empty, project, 'default');
  const starlight = await runMeasured(node, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', project, '--outDir', join(out, 'starlight-dist')], {
    cwd: root,
    env: starlightEnvironment(root),
  });
  for (const [side, run] of [['Multiplane', multiplane], ['plain Starlight', starlight]] as const) {
    if (run.status !== 0) throw new Error(`the warm-up build of ${side} failed:\n${run.stderr}`);
  }
  rmSync(out, { recursive: true, force: true });
  log(`  compiled code cached for both sides (warm-up builds, untimed, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/**
 * For each size: writes a synthetic platform, checks it, builds it clean (alternating with plain
 * Starlight where asked), again with nothing changed and after one-entry changes, every build
 * timed as a whole process and repeated; then measures the output and searches it.
 */
export async function runBench(options: BenchOptions): Promise<{ machine: Record<string, unknown>; results: SizeResult[]; example?: { dev: DevProbe } }> {
  const { root, log } = options;
  const repeats = options.repeats ?? 3;
  const node = process.execPath;
  const strip = [...SCRIPT_NODE_FLAGS, '--no-warnings'];
  const buildFlags = [...BUILD_NODE_FLAGS, '--no-warnings'];
  const results: SizeResult[] = [];
  let example: { dev: DevProbe } | undefined;
  const browser = await launchChromium();
  try {
    for (const entries of options.sizes) {
      const work = join(root, 'tmp', 'bench', String(entries));
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      writeSyntheticPlatform({ entries, out: work });
      const content = relative(root, join(work, 'content'));
      log(`\n${entries} entries: generated in ${content}/ (load ${loadavg()[0]?.toFixed(1)})`);

      clearCaches(root);
      const checkArgs = [...strip, join(root, 'scripts/check.ts'), '--content', content, '--format', 'json'];
      const checks: number[] = [];
      for (let run = 0; run <= repeats; run++) {
        const check = await runMeasured(node, checkArgs, { cwd: root, env: environment() });
        if (check.status === 2 || check.status === null) throw new Error(`check failed:\n${check.stderr}`);
        checks.push(Math.round(check.ms));
      }
      log(`  check: ${(checks[0]! / 1000).toFixed(2)} s without a cache, ${checks.slice(1).map((ms) => (ms / 1000).toFixed(2)).join(', ')} s warm`);

      const dist = join(work, 'dist');
      const settle = async () => {
        await backgroundDeletionsDone(dist, log);
        pendingWritesFlushed();
      };
      const timings = join(work, 'timings.json');
      const withPdf = options.pdf.includes(entries);
      const buildSide = (name: string, extra: readonly string[], before?: () => void): Side => ({
        name,
        command: node,
        args: [...buildFlags, join(root, 'scripts/build.ts'), '--content', content, '--out', dist, '--timings', timings, ...extra],
        cwd: root,
        env: environment(),
        ...(before ? { before } : {}),
      });
      // Every clean build, of either side, starts without the output of the one before, removed
      // untimed. Otherwise the sides would differ from the second round on: Astro empties an
      // output folder it builds into, within its run (some 2 s at 3,000 pages), while Multiplane
      // swaps its new site in and deletes the old one after its process has ended (settle, above).
      const sides: Side[] = [
        buildSide('Multiplane, clean', withPdf ? [] : ['--no-pdf'], () => {
          clearCaches(root);
          rmSync(dist, { recursive: true, force: true });
        }),
      ];
      if (options.baseline.includes(entries)) {
        for (const sidebar of ['default', 'one-link'] as const) {
          const project = join(work, `baseline-${sidebar}`);
          writeBaselineProject(join(work, 'content'), project, sidebar);
          const out = join(work, `baseline-${sidebar}-dist`);
          sides.push({
            name: `plain Starlight, ${sidebar} sidebar`,
            command: node,
            args: [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', project, '--outDir', out],
            cwd: root,
            env: starlightEnvironment(root),
            before: () => {
              rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
              rmSync(out, { recursive: true, force: true });
            },
          });
        }
        await warmCompileCaches(root, work, node, buildFlags, log);
      }
      log('  clean builds, alternating:');
      const [clean, ...baselines] = await alternatingRuns(sides, repeats, log, { settle });
      const phases = JSON.parse(readFileSync(timings, 'utf8')) as Record<string, number>;
      const output = measureOutput(dist, COLLECTIONS);
      log(`  ${phases.filesRead} files read, ${phases.filesParsed} parsed, each once; entry HTML median ${output.medianEntryHtml} B, max ${output.maxEntryHtml} B`);

      log('  builds with nothing changed:');
      const [unchanged] = await alternatingRuns([buildSide('Multiplane, nothing changed', ['--no-pdf'])], repeats, log, { settle });

      // Each run changes the title of another service: its page, the pages around it and the indexes change.
      const services = readdirSync(join(work, 'content', 'services')).filter((name) => name.endsWith('.md')).sort();
      let edit = 0;
      let lastOutput = '';
      log('  builds after a one-entry change:');
      const oneEntrySide = buildSide('Multiplane, one entry changed', ['--no-pdf'], () => {
        const file = join(work, 'content', 'services', services[edit++ % services.length]!);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, (_, title: string) => `title: ${title} (changed)`));
      });
      const [oneEntry] = await alternatingRuns([oneEntrySide], repeats, log, { onResult: (result) => (lastOutput = result.stdout), settle });
      const reusedPages = reusedPagesIn(lastOutput);
      log(`  the last one-entry build reused ${reusedPages} pages of the previous build`);

      // Each word searched as often as each build ran, in a fresh page each time, the words by
      // turns: one search alone says little on a shared machine, as one build does not.
      const search: SearchProbe[] = [];
      await settle();
      for (let round = 0; round < repeats; round++) {
        for (const query of SEARCH_QUERIES) {
          const probe = await probeSearch(dist, query, browser);
          search.push(probe);
          log(`  search "${probe.query}", ${round + 1}/${repeats}: ${probe.results} results shown in ${probe.ms} ms, ${Math.round(probe.transferredBytes / 1024)} KB transferred`);
        }
      }

      let dev: DevProbe | undefined;
      if (options.dev.includes(entries)) {
        const service = services[0];
        dev = await probeDevServer(join(work, 'content'), `services/${service}`, browser);
        log(`  npm run dev: first page ${(dev.firstPageMs / 1000).toFixed(1)} s, edits seen in ${dev.editVisibleMs.join(', ')} ms`);
      }

      const baselineDefault = join(work, 'baseline-default-dist');
      results.push({
        entries,
        check: { coldMs: checks[0]!, warmMs: checks.slice(1) },
        clean: clean!,
        phases,
        output,
        unchanged: unchanged!,
        oneEntry: oneEntry!,
        reusedPages,
        search,
        ...(baselines.length > 0 ? { baselines } : {}),
        ...(existsSync(baselineDefault) ? { baselineOutput: measureOutput(baselineDefault, COLLECTIONS) } : {}),
        files: { read: phases.filesRead ?? 0, parsed: phases.filesParsed ?? 0 },
        ...(dev ? { dev } : {}),
      });
    }
    if (options.devExample) {
      example = { dev: await probeDevServer(join(root, 'content'), 'services/route-planner.md', browser) };
      log(`\nExample platform, npm run dev: first page ${(example.dev.firstPageMs / 1000).toFixed(1)} s, edits seen in ${example.dev.editVisibleMs.join(', ')} ms`);
    }
  } finally {
    await browser.close();
  }
  return {
    ...(example ? { example } : {}),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() },
    results,
  };
}
