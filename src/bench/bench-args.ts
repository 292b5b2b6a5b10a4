import { type CommandIo, parseCommandLine, UsageError } from '../cli/io.ts';

export const BENCH_USAGE = `Usage: npm run bench -- [options]

Generates synthetic platforms and measures check, clean build (by phase), memory, output size,
page sizes, search and the dev server, against a plain Starlight baseline. A benchmark, not a
test: it takes many minutes and writes its results as JSON.

Options:
  --entries <n,n,…>   Platform sizes to measure (default: 1000,3000,10000).
  --baseline <n,…>    Sizes that also get a plain Starlight baseline (default: 3000).
  --pdf <n,…>         Sizes whose build includes the PDF (default: 3000).
  --dev <n,…>         Sizes whose dev server is measured (default: 3000).
  --no-dev-example    Do not measure the dev server on the example content.
                      (--baseline, --pdf and --dev take '' for no size.)
  --repeats <n>       Runs of each timed build, alternating the sides (default: 3).
  --out <file>        Where to write the results (default: bench-results.json).
  -h, --help          Show this help.
`;

export const BENCH_CHECK_USAGE = `Usage: npm run bench:check -- [options]

Times npm run check on synthetic platforms, as a whole process and per phase (load, graph,
rules), once without policy checks and once with the policies carrying some. A benchmark, not
a test.

Options:
  --entries <n,n,…>     Platform sizes (default: 10000).
  --runs <n>            Runs per size: the first without a cache, the others warm (default: 5).
  --policy-checks <n>   Policy checks in the second run (default: 20; 0 skips it).
  -h, --help            Show this help.
`;

/** Sizes written `1000,3000`; anything else is a usage error naming the option. */
function sizes(text: string, option: string, empty: boolean): number[] {
  const list = text.split(',').filter((item) => item.trim() !== '').map(Number);
  if (list.some((value) => !Number.isInteger(value) || value <= 0) || (!empty && list.length === 0)) {
    throw new UsageError(`--${option} must be a comma-separated list of entry counts, like 1000,3000; got "${text}".`);
  }
  return list;
}

function positive(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new UsageError(`--${option} must be a whole number above 0; got "${text}".`);
  return value;
}

export interface BenchArgs {
  readonly help: boolean;
  readonly sizes: number[];
  readonly baseline: number[];
  readonly pdf: number[];
  readonly dev: number[];
  readonly devExample: boolean;
  readonly repeats: number;
  readonly out: string;
}

/** Parses `npm run bench`'s arguments; every mistake is a UsageError. */
export function parseBenchArgs(argv: readonly string[], _io?: CommandIo): BenchArgs {
  const { values } = parseCommandLine({
    args: [...argv],
    allowNegative: true,
    options: {
      entries: { type: 'string', default: '1000,3000,10000' },
      baseline: { type: 'string', default: '3000' },
      pdf: { type: 'string', default: '3000' },
      dev: { type: 'string', default: '3000' },
      'dev-example': { type: 'boolean', default: true },
      repeats: { type: 'string', default: '3' },
      out: { type: 'string', default: 'bench-results.json' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    help: values.help,
    sizes: sizes(values.entries, 'entries', false),
    baseline: sizes(values.baseline, 'baseline', true),
    pdf: sizes(values.pdf, 'pdf', true),
    dev: sizes(values.dev, 'dev', true),
    devExample: values['dev-example'],
    repeats: positive(values.repeats, 'repeats'),
    out: values.out,
  };
}

export interface BenchCheckArgs {
  readonly help: boolean;
  readonly sizes: number[];
  readonly runs: number;
  readonly policyChecks: number;
}

/** Parses `npm run bench:check`'s arguments; every mistake is a UsageError. */
export function parseBenchCheckArgs(argv: readonly string[]): BenchCheckArgs {
  const { values } = parseCommandLine({
    args: [...argv],
    options: {
      entries: { type: 'string', default: '10000' },
      runs: { type: 'string', default: '5' },
      'policy-checks': { type: 'string', default: '20' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a whole number of at least 1; got "${values.runs}".`);
  const policyChecks = Number(values['policy-checks']);
  if (!Number.isInteger(policyChecks) || policyChecks < 0) throw new UsageError(`--policy-checks must be a whole number; got "${values['policy-checks']}".`);
  return { help: values.help, sizes: sizes(values.entries, 'entries', false), runs, policyChecks };
}
