import { rmSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { MissingBrowserError } from '../browser/index.ts';
import { completeScriptHashes } from '../build/csp-step.ts';
import { diagramsStep } from '../build/diagrams-step.ts';
import { measureFolder, stagingFor, swapInto } from '../build/output-swap.ts';
import { pdfStep, skipPdf } from '../build/pdf-step.ts';
import { searchStep } from '../build/search-step.ts';
import { siteStep } from '../build/site-step.ts';
import { ansi, formatHuman } from '../core/check/format-human.ts';
import { formatGithub } from '../core/check/format-github.ts';
import { runCheck } from '../core/check/run-check.ts';
import { withSecretFindings } from '../core/check/with-secrets.ts';
import { closeSharedMermaidRenderer } from '../diagrams/diagram-service.ts';
import { formatBytes } from '../pdf/link-pdf.ts';
import { type CommandIo, commandNow, parseCommandLine, parseOrExplain, UsageError } from './io.ts';

export const BUILD_USAGE = `Usage: npm run build -- [options]

Checks the content, renders its diagrams, builds the site into dist/ and prints the whitepaper
to dist/whitepaper.pdf. A failed build leaves the previous dist/ untouched: everything is built
into a temporary folder and swapped in only on success.

Options:
  --edition <internal|public>  Internal (default): every entry. Public: internal entries and
                     everything that would reveal them are left out. Drafts are never published.
  --content <dir>    Content folder (default: content).
  --out <dir>        Output folder (default: dist, or dist-public for the public edition).
  --paper <a4|letter>  Paper size of the PDF (default: a4).
  --no-pdf           Build the site without the PDF.
  --now <date>       Measure ages against this day instead of today (SOURCE_DATE_EPOCH works too).
  --timings <file>   Write the time of each step to a JSON file.
  -h, --help         Show this help.
`;

interface BuildArgs {
  readonly content: string | undefined;
  readonly edition: 'internal' | 'public';
  readonly out: string;
  readonly paper: 'A4' | 'Letter';
  readonly pdf: boolean;
  readonly now: Date;
  readonly timings: string | undefined;
  readonly help: boolean;
}

function parseBuildArgs(argv: readonly string[], env: NodeJS.ProcessEnv): BuildArgs {
  const { values } = parseCommandLine({
    args: [...argv],
    options: {
      out: { type: 'string' },
      content: { type: 'string' },
      edition: { type: 'string', default: 'internal' },
      paper: { type: 'string', default: 'a4' },
      'no-pdf': { type: 'boolean', default: false },
      now: { type: 'string' },
      timings: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const paper = values.paper.toLowerCase();
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError(`--paper must be a4 or letter; got "${values.paper}".`);
  if (values.edition !== 'internal' && values.edition !== 'public') {
    throw new UsageError(`--edition must be internal or public; got "${values.edition}".`);
  }
  return {
    content: values.content,
    edition: values.edition,
    out: values.out ?? (values.edition === 'public' ? 'dist-public' : 'dist'),
    paper: paper === 'a4' ? 'A4' : 'Letter',
    pdf: !values['no-pdf'],
    now: commandNow(values.now, env),
    timings: values.timings,
    help: values.help,
  };
}

/** Runs `npm run build` and returns the exit status. */
export async function buildCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseOrExplain(() => parseBuildArgs(argv, io.env), BUILD_USAGE, io);
  if ('status' in parsed) return parsed.status;
  const { args } = parsed;
  const root = io.cwd;
  const timings: Record<string, number> = {};
  const time = async <T>(step: string, run: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      timings[step] = Math.round(performance.now() - started);
    }
  };

  const report = await time('check', () => withSecretFindings(runCheck({ root, now: args.now, ...(args.content ? { contentDir: args.content } : {}) })));
  io.stdout(formatHuman(report, io.color ? ansi : undefined));
  if (io.env.GITHUB_ACTIONS === 'true') io.stdout(formatGithub(report.findings));
  if (report.errors > 0) {
    io.stderr(
      `\nBuild stopped: the content has ${report.errors} error${report.errors === 1 ? '' : 's'} (listed above). Fix them, check with npm run check, then build again.\n`,
    );
    return 1;
  }

  const outDir = resolve(root, args.out);
  const staging = stagingFor(outDir);
  rmSync(staging, { recursive: true, force: true });
  try {
    const diagrams = await time('diagrams', () => diagramsStep(report, root, io.env));
    if (diagrams.failures.length > 0) {
      io.stderr(`\n${diagrams.failures.join('\n')}\nBuild stopped: ${diagrams.failures.length} Mermaid diagram${diagrams.failures.length === 1 ? '' : 's'} cannot be rendered.\n`);
      return 1;
    }
    Object.assign(timings, { diagramBlocks: diagrams.blocks, diagramsRendered: diagrams.rendered, browserLaunches: diagrams.launches });
    // Every diagram is in the cache now; Chromium would only hold memory through the site build.
    await closeSharedMermaidRenderer();
    if (diagrams.blocks > 0) {
      io.stdout(
        `\nDiagrams: ${diagrams.blocks} Mermaid block${diagrams.blocks === 1 ? '' : 's'}, ${diagrams.rendered} rendered, ${diagrams.cached} from cache, ${(timings.diagrams! / 1000).toFixed(1)} s\n`,
      );
    }

    const parts = await time('site', () =>
      siteStep({ root, outDir: staging, now: args.now, edition: args.edition, contentDir: args.content, model: report, env: io.env }),
    );
    Object.assign(timings, parts);
    const indexed = await time('searchIndex', () => searchStep(staging));
    io.stdout(`Search index: ${indexed} pages, ${((timings.searchIndex ?? 0) / 1000).toFixed(1)} s\n`);
    completeScriptHashes(staging);

    if (args.pdf) {
      io.stdout('\nPDF: printing the whitepaper...\n');
      const facts = await time('pdf', () => pdfStep(report, staging, args.paper, (message) => io.stdout(`  ${message}\n`), io.env));
      io.stdout(
        facts
          ? `PDF: whitepaper.pdf, ${facts.paper}, ${facts.pages} pages, ${formatBytes(facts.bytes)}, ${(timings.pdf! / 1000).toFixed(1)} s\n`
          : 'PDF: skipped, there are no whitepaper chapters.\n',
      );
    } else {
      skipPdf(report, staging);
    }
    swapInto(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof MissingBrowserError) {
      io.stderr(`\nBuild stopped: ${error.message}\n`);
      return 1;
    }
    throw new Error('The build failed; the previous output was left as it was.', { cause: error });
  } finally {
    await closeSharedMermaidRenderer();
  }

  const steps = (['check', 'diagrams', 'site', 'searchIndex', 'pdf'] as const).filter((step) => timings[step] !== undefined);
  const total = steps.reduce((sum, step) => sum + (timings[step] ?? 0), 0);
  const { files, bytes } = measureFolder(outDir);
  const summary = steps.map((step) => `${step} ${((timings[step] ?? 0) / 1000).toFixed(1)} s`).join(', ');
  io.stdout(
    `\nBuilt in ${(total / 1000).toFixed(1)} s (${summary}): ${files} files, ${formatBytes(bytes)} in ${relative(root, outDir) || '.'}/. Preview it with npm run preview.\n`,
  );
  if (args.timings) writeFileSync(args.timings, `${JSON.stringify({ ...timings, files, bytes }, null, 2)}\n`);
  return 0;
}
