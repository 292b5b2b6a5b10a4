import { resolve } from 'node:path';
import { ansi, formatHuman } from '../core/check/format-human.ts';
import { formatGithub, selectAnnotations } from '../core/check/format-github.ts';
import { formatJson } from '../core/check/format-json.ts';
import { appendFileSync } from 'node:fs';
import { scopeToChange } from '../core/check/changed-scope.ts';
import { formatSummary } from '../core/check/format-summary.ts';
import type { CheckReport } from '../core/check/run-check.ts';
import { checkContent } from '../core/check/check-content.ts';
import { countFindings } from '../core/model/build-model.ts';
import { checkoutAt, changedFiles, GitError } from '../git/changed-files.ts';
import { mergeBase } from '../git/merge-base.ts';
import { watchUntilStopped } from './check-watch.ts';
import { type CommandIo, commandNow, parseCommandLine, parseOrExplain, UsageError } from './io.ts';
import { contentFolder } from '../core/content/content-folder.ts';

export const CHECK_USAGE = `Usage: npm run check -- [options]

Validates every entry under content/, builds the graph and runs the governance rules.

Options:
  --format <human|json|github>  Output for people (default), tools, or GitHub annotations.
                                In GitHub Actions, human output is followed by annotations.
  --strict                      Exit with status 1 on warnings too.
  --now <date>                  Measure ages against this day instead of today
                                (SOURCE_DATE_EPOCH is honoured too).
  --changed <git-ref>           Report only what a change is answerable for: findings in
                                files changed since HEAD branched off the ref (their merge
                                base), and new findings elsewhere (references it broke).
                                Older findings are left out.
  --watch                       Check again after every change under the content folder,
                                one problem line per finding, for an editor's problems
                                panel (CONTRIBUTING.md); Ctrl-C stops.
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
  readonly changed: string | undefined;
  readonly watch: boolean;
}

/** Parses the command line; every mistake becomes a UsageError with a one-line message. */
export function parseCheckArgs(argv: readonly string[], io: CommandIo): CheckArgs {
  const values = parseCommandLine({
    args: [...argv],
    options: {
      format: { type: 'string' },
      strict: { type: 'boolean', default: false },
      now: { type: 'string' },
      content: { type: 'string' },
      root: { type: 'string' },
      changed: { type: 'string' },
      watch: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
  if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${values.format}".`);
  }
  const now = commandNow(values.now, io.env);
  return {
    help: values.help,
    format: values.format as Format | undefined,
    strict: values.strict,
    now,
    root: resolve(io.cwd, values.root ?? '.'),
    content: values.content === undefined ? undefined : contentFolder(resolve(io.cwd, values.root ?? '.'), values.content),
    changed: values.changed,
    watch: values.watch,
  };
}

/** Runs `npm run check` and returns the exit status. */
export async function checkCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const parsed = parseOrExplain(() => parseCheckArgs(argv, io), CHECK_USAGE, io);
  if ('status' in parsed) return parsed.status;
  const { args } = parsed;
  if (args.watch) return watchUntilStopped({ root: args.root, contentDir: args.content, now: args.now, io });
  let report = await checkContent({ root: args.root, now: args.now, ...(args.content ? { contentDir: args.content } : {}), warn: (message) => io.stderr(`${message}\n`) });
  let note: string | undefined;
  if (args.changed) {
    try {
      const scoped = await checkChange(report, args);
      report = scoped.report;
      note = scoped.note;
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      io.stderr(`--changed ${args.changed}: ${error.message}. Give a branch, tag or commit that exists, e.g. origin/main.\n`);
      return 2;
    }
  }
  switch (args.format ?? 'human') {
    case 'json':
      io.stdout(formatJson(report));
      break;
    case 'github':
      io.stdout(formatGithub(report.findings));
      break;
    case 'human':
      io.stdout(formatHuman(report, io.color ? ansi : undefined));
      if (note) io.stdout(`  ${note}\n`);
      if (args.format === undefined && io.env.GITHUB_ACTIONS === 'true') io.stdout(formatGithub(report.findings));
      break;
  }
  // In GitHub Actions every finding also goes to the job summary, beyond the ten annotations.
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && io.env.GITHUB_ACTIONS === 'true') {
    appendFileSync(
      summaryFile,
      formatSummary(report.findings, { annotated: selectAnnotations(report.findings).shown.length, siteUrl: report.graph.platform?.data.url, ...(note ? { note } : {}) }),
    );
  }
  return report.errors > 0 || (args.strict && report.warnings > 0) ? 1 : 0;
}

/**
 * Narrows a report to what changed since HEAD branched off `args.changed`: the content as it was
 * at their merge base is checked too, so findings that already existed there are recognised and
 * left out, and what landed on the base branch since is not the change's doing.
 */
async function checkChange(report: CheckReport, args: CheckArgs): Promise<{ report: CheckReport; note: string }> {
  const ref = args.changed ?? 'HEAD';
  const folder = args.content ?? 'content';
  const since = mergeBase(args.root, ref);
  const scope = changedFiles(args.root, since.commit, folder);
  const base = checkoutAt(args.root, since.commit, folder);
  try {
    // Loaded here, not above: the one-shot check loads every parser up front, which a check of
    // the whole content (the common case) does not need.
    const { runCheck } = await import('../core/check/run-check.ts');
    const before = runCheck({ root: base.root, now: args.now, contentDir: folder });
    const scoped = scopeToChange(report, before.findings, scope);
    return {
      report: { ...report, ...countFindings(scoped.findings) },
      note: `Limited to the change since ${ref}${since.atTip ? '' : ` (from ${since.short}, where HEAD branched off it)`}: ${scope.changed.length} file${scope.changed.length === 1 ? '' : 's'} added or modified, ${scope.deleted.length} deleted; ${scoped.excluded} older finding${scoped.excluded === 1 ? '' : 's'} left out.`,
    };
  } finally {
    base.cleanup();
  }
}
