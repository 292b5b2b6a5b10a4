import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ansi, formatHuman } from '../core/check/format-human.ts';
import { formatGithub } from '../core/check/format-github.ts';
import { formatJson } from '../core/check/format-json.ts';
import { runCheck } from '../core/check/run-check.ts';
import { resolveNow } from '../core/time.ts';
import { type CommandIo, UsageError } from './io.ts';

export const CHECK_USAGE = `Usage: npm run check -- [options]

Validates every entry under content/, builds the graph and runs the governance rules.

Options:
  --format <human|json|github>  Output for people (default), tools, or GitHub annotations.
                                In GitHub Actions, human output is followed by annotations.
  --strict                      Exit with status 1 on warnings too.
  --now <date>                  Measure ages against this day instead of today
                                (SOURCE_DATE_EPOCH is honoured too).
  --content <dir>               Content folder (default: content).
  --root <dir>                  Project root (default: the current folder).
  -h, --help                    Show this help.

Exit status: 0 when clean, 1 on errors (or warnings with --strict), 2 on a usage error.
`;

const FORMATS = ['human', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface CheckArgs {
  readonly help: boolean;
  readonly format: Format | undefined;
  readonly strict: boolean;
  readonly now: Date;
  readonly root: string;
  readonly content: string | undefined;
}

/** Parses the command line; every mistake becomes a UsageError with a one-line message. */
export function parseCheckArgs(argv: readonly string[], io: CommandIo): CheckArgs {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        format: { type: 'string' },
        strict: { type: 'boolean', default: false },
        now: { type: 'string' },
        content: { type: 'string' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}".`);
  }
  let now: Date;
  try {
    now = resolveNow(values.now, io.env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    help: values.help,
    format: values.format as Format | undefined,
    strict: values.strict,
    now,
    root: resolve(io.cwd, values.root ?? '.'),
    content: values.content,
  };
}

/** Runs `npm run check` and returns the exit status. */
export function checkCommand(argv: readonly string[], io: CommandIo): number {
  let args: CheckArgs;
  try {
    args = parseCheckArgs(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\n\n${CHECK_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  const report = runCheck({ root: args.root, now: args.now, ...(args.content ? { contentDir: args.content } : {}) });
  switch (args.format ?? 'human') {
    case 'json':
      io.stdout(formatJson(report));
      break;
    case 'github':
      io.stdout(formatGithub(report.findings));
      break;
    case 'human':
      io.stdout(formatHuman(report, io.color ? ansi : undefined));
      if (args.format === undefined && io.env.GITHUB_ACTIONS === 'true') io.stdout(formatGithub(report.findings));
      break;
  }
  return report.errors > 0 || (args.strict && report.warnings > 0) ? 1 : 0;
}
