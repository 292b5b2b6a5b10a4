import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { type DevProbe, probeDevServer } from './dev-probe.ts';
import { launchSharedChromium } from './launch-chromium.ts';
import { writeBaselineProject } from './baseline-project.ts';
import { measureOutput, type OutputSizes } from './page-sizes.ts';
import { runMeasured } from './process-tree.ts';
import { probeSearch, type SearchProbe } from './search-probe.ts';
import { writeSyntheticPlatform } from './synthetic-platform.ts';

/** Words a reader looks for: on the 10,000-entry platform, one a fifth of the entries contain down to one a few hundred do. */
const SEARCH_QUERIES = ['restore', 'database', 'backup'];

const COLLECTIONS = ['owners', 'policies', 'runbooks', 'services', 'deployments', 'incidents', 'case-studies', 'articles', 'whitepaper'];

export interface BenchOptions {
  readonly root: string;
  readonly sizes: readonly number[];
  /** Also build the same bodies with plain Starlight, at these sizes. */
  readonly baseline: readonly number[];
  /** Print the whitepaper at these sizes (the PDF is timed separately from the site). */
  readonly pdf: readonly number[];
  /** Time `npm run dev` (first page, an edit seen in the browser) at these sizes. */
  readonly dev: readonly number[];
  /** Time `npm run dev` on the project's own content too. */
  readonly devExample: boolean;
  readonly log: (line: string) => void;
}

export interface SizeResult {
  readonly entries: number;
  readonly checkMs: number;
  /** Wall time of the whole build process, and the steps it reported. */
  readonly buildMs: number;
  readonly phases: Record<string, number>;
  readonly pagesPerSecond: number;
  readonly peakRssBytes: number;
  readonly output: OutputSizes;
  /** A second build with nothing changed: diagrams rendered again, and browser launches. */
  readonly rebuild: { readonly ms: number; readonly diagramsRendered: number; readonly browserLaunches: number };
  readonly search?: readonly SearchProbe[];
  readonly pdf?: { readonly ms: number; readonly pages?: number };
  readonly baseline?: { readonly ms: number; readonly peakRssBytes: number; readonly output: OutputSizes };
  /** Site build time per entry relative to the previous size (1 = perfectly flat). */
  readonly perEntryRatio?: number;
  /** Files the build read, and how many of them it parsed (each once). */
  readonly files: { readonly read: number; readonly parsed: number };
  readonly dev?: DevProbe;
}

/** The build without the PDF: check, diagrams, site and search index. */
export function siteBuildMs(phases: Record<string, number>): number {
  return (phases.check ?? 0) + (phases.diagrams ?? 0) + (phases.site ?? 0) + (phases.searchIndex ?? 0);
}

function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 26) / 1000), NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'CHROMIUM_PATH', 'MULTIPLANE_CHROMIUM']) if (process.env[name]) env[name] = process.env[name];
  return env;
}

/** Removes Astro's content store and the diagram cache, so the next build starts clean. */
function clearCaches(root: string): void {
  for (const path of ['node_modules/.astro', '.astro', '.cache/multiplane']) rmSync(join(root, path), { recursive: true, force: true });
}

/**
 * For each size: writes a synthetic platform, checks it, builds it clean and again unchanged,
 * measures the output and searches it; optionally builds the same bodies with plain Starlight.
 */
export async function runBench(options: BenchOptions): Promise<{ machine: Record<string, unknown>; results: SizeResult[]; example?: { dev: DevProbe } }> {
  const { root, log } = options;
  const node = process.execPath;
  const strip = ['--experimental-strip-types', '--no-warnings'];
  const results: SizeResult[] = [];
  let example: { dev: DevProbe } | undefined;
  const browser = await launchSharedChromium();
  try {
    for (const entries of options.sizes) {
      const work = join(root, 'tmp', 'bench', String(entries));
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      writeSyntheticPlatform({ entries, out: work });
      const content = relative(root, join(work, 'content'));
      log(`\n${entries} entries: generated in ${content}/`);

      const check = await runMeasured(node, [...strip, join(root, 'scripts/check.ts'), '--content', content, '--format', 'json'], { cwd: root, env: environment() });
      if (check.status === 2 || check.status === null) throw new Error(`check failed:\n${check.stderr}`);
      log(`  check ${(check.ms / 1000).toFixed(2)} s`);

      clearCaches(root);
      const dist = join(work, 'dist');
      const timings = join(work, 'timings.json');
      const withPdf = options.pdf.includes(entries);
      const build = await runMeasured(
        node,
        [...strip, join(root, 'scripts/build.ts'), '--content', content, '--out', dist, '--timings', timings, ...(withPdf ? [] : ['--no-pdf'])],
        { cwd: root, env: environment() },
      );
      if (build.status !== 0) throw new Error(`build failed:\n${build.stdout.slice(-3000)}\n${build.stderr}`);
      const phases = JSON.parse(readFileSync(timings, 'utf8')) as Record<string, number>;
      const output = measureOutput(dist, COLLECTIONS);
      log(`  ${phases.filesRead} files read, ${phases.filesParsed} parsed, each once: the Astro process renders from the checked model`);
      log(`  build ${(build.ms / 1000).toFixed(1)} s, peak RSS ${(build.peakRss / 2 ** 30).toFixed(2)} GiB, entry HTML median ${output.medianEntryHtml} B, max ${output.maxEntryHtml} B`);

      const rebuildTimings = join(work, 'timings-rebuild.json');
      const rebuild = await runMeasured(node, [...strip, join(root, 'scripts/build.ts'), '--content', content, '--out', dist, '--timings', rebuildTimings, '--no-pdf'], {
        cwd: root,
        env: environment(),
      });
      if (rebuild.status !== 0) throw new Error(`rebuild failed:\n${rebuild.stderr}`);
      const again = JSON.parse(readFileSync(rebuildTimings, 'utf8')) as Record<string, number>;
      log(`  rebuild ${(rebuild.ms / 1000).toFixed(1)} s, ${again.diagramsRendered ?? 0} diagrams rendered again`);

      const search: SearchProbe[] = [];
      for (const query of SEARCH_QUERIES) {
        const probe = await probeSearch(dist, query, browser);
        search.push(probe);
        log(`  search "${probe.query}": ${probe.results} results shown in ${probe.ms} ms, ${Math.round(probe.transferredBytes / 1024)} KB transferred`);
      }

      let baseline: SizeResult['baseline'];
      if (options.baseline.includes(entries)) {
        const project = join(work, 'baseline');
        writeBaselineProject(join(work, 'content'), project);
        const baselineDist = join(work, 'baseline-dist');
        const plain = await runMeasured(node, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', project, '--outDir', baselineDist], {
          cwd: root,
          env: environment(),
        });
        if (plain.status !== 0) throw new Error(`baseline build failed:\n${plain.stdout.slice(-3000)}\n${plain.stderr}`);
        baseline = { ms: Math.round(plain.ms), peakRssBytes: plain.peakRss, output: measureOutput(baselineDist, COLLECTIONS) };
        log(`  plain Starlight ${(plain.ms / 1000).toFixed(1)} s, entry HTML median ${baseline.output.medianEntryHtml} B`);
      }

      let dev: DevProbe | undefined;
      if (options.dev.includes(entries)) {
        const service = readdirSync(join(work, 'content', 'services')).find((name) => name.endsWith('.md'));
        dev = await probeDevServer(join(work, 'content'), `services/${service}`, browser);
        log(`  npm run dev: first page ${(dev.firstPageMs / 1000).toFixed(1)} s, edits seen in ${dev.editVisibleMs.join(', ')} ms`);
      }

      const siteMs = siteBuildMs(phases);
      const previous = results.at(-1);
      const previousSiteMs = previous ? siteBuildMs(previous.phases) : undefined;
      results.push({
        entries,
        checkMs: Math.round(check.ms),
        buildMs: Math.round(build.ms),
        phases,
        pagesPerSecond: Math.round((output.files / Math.max(1, siteMs / 1000)) * 10) / 10,
        peakRssBytes: build.peakRss,
        output,
        rebuild: { ms: Math.round(rebuild.ms), diagramsRendered: again.diagramsRendered ?? 0, browserLaunches: again.browserLaunches ?? 0 },
        search,
        ...(withPdf && phases.pdf !== undefined ? { pdf: { ms: phases.pdf } } : {}),
        ...(baseline ? { baseline } : {}),
        files: { read: phases.filesRead ?? 0, parsed: phases.filesParsed ?? 0 },
        ...(dev ? { dev } : {}),
        ...(previous && previousSiteMs ? { perEntryRatio: Math.round(((siteMs / entries) / (previousSiteMs / previous.entries)) * 100) / 100 } : {}),
      });
      if (!existsSync(dist)) throw new Error('the build left no output');
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
