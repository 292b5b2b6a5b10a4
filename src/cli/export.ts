import { join, relative, resolve } from 'node:path';
import { runCheck } from '../core/check/run-check.ts';
import { buildBackstageEntities } from '../exporters/backstage/build-entities.ts';
import { CATALOG_FILE, formatCatalog, KIND_ORDER } from '../exporters/backstage/format-catalog.ts';
import { OutputExistsError, writeOutput } from '../exporters/write-output.ts';
import { type CommandIo, commandNow, parseCommandLine, parseOrExplain, UsageError } from './io.ts';
import { contentFolder } from '../core/content/content-folder.ts';

export const EXPORT_USAGE = `Usage: npm run export -- <target> <dir> [options]

Checks the content, then writes it in another tool's format into <dir>.

Targets:
  backstage         Backstage catalog entities in <dir>/${CATALOG_FILE}: the platform as a
                    System, teams as Groups, people as Users, services as Components.

Options:
  --force           Replace the output file if it exists.
  --now <date>      Check the content as of this day instead of today
                    (SOURCE_DATE_EPOCH is honoured too).
  --content <dir>   Content folder (default: content).
  --root <dir>      Project root (default: the current folder).
  -h, --help        Show this help.

Exit status: 0 when written, 1 when the content has errors or the file exists, 2 on a usage error.
`;

export const EXPORT_TARGETS = ['backstage'] as const;
type Target = (typeof EXPORT_TARGETS)[number];

interface ExportArgs {
  readonly help: boolean;
  readonly target: Target;
  readonly dir: string;
  readonly force: boolean;
  readonly now: Date;
  readonly root: string;
  readonly content: string | undefined;
}

/** Parses the command line; every mistake becomes a UsageError with a one-line message. */
export function parseExportArgs(argv: readonly string[], io: CommandIo): ExportArgs | { help: true } {
  const parsed = parseCommandLine({
    args: [...argv],
    options: {
      force: { type: 'boolean', default: false },
      now: { type: 'string' },
      content: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [target, dir, ...extra] = positionals;
  if (target === undefined) throw new UsageError(`Name a target: ${EXPORT_TARGETS.join(', ')}.`);
  if (!(EXPORT_TARGETS as readonly string[]).includes(target)) {
    throw new UsageError(`Unknown target "${target}"; the targets are ${EXPORT_TARGETS.join(', ')}.`);
  }
  if (dir === undefined || dir.trim() === '') throw new UsageError('Name the folder to write into, e.g. npm run export -- backstage ./backstage.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"; give one target and one folder.`);
  const now = commandNow(values.now, io.env);
  return {
    help: false,
    target: target as Target,
    dir: resolve(io.cwd, dir),
    force: values.force,
    now,
    root: resolve(io.cwd, values.root ?? '.'),
    content: values.content === undefined ? undefined : contentFolder(resolve(io.cwd, values.root ?? '.'), values.content),
  };
}

/** Runs `npm run export` and returns the exit status. */
export function exportCommand(argv: readonly string[], io: CommandIo): number {
  const parsed = parseOrExplain(() => parseExportArgs(argv, io), EXPORT_USAGE, io);
  if ('status' in parsed) return parsed.status;
  const { args } = parsed;

  const report = runCheck({ root: args.root, now: args.now, ...(args.content ? { contentDir: args.content } : {}) });
  if (report.errors > 0) {
    const errors = report.findings.filter((finding) => finding.severity === 'error');
    const shown = errors.slice(0, 10).map((finding) => `  ${finding.file}:${finding.line}  ${finding.rule}  ${finding.message}\n`);
    const more = errors.length > shown.length ? `  … and ${errors.length - shown.length} more.\n` : '';
    io.stderr(
      `The content has ${errors.length} error${errors.length === 1 ? '' : 's'}, so nothing was exported. Run npm run check for the details and how to fix them.\n${shown.join('')}${more}`,
    );
    return 1;
  }

  let result;
  try {
    result = buildBackstageEntities(report.graph);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 1;
  }
  const file = join(args.dir, CATALOG_FILE);
  // npm runs scripts from the project root, so a path outside it reads better absolute.
  const inside = relative(io.cwd, file);
  const shown = inside && !inside.startsWith('..') ? inside : file;
  try {
    writeOutput(file, formatCatalog(result.entities, report.graph.platform?.data.name ?? 'the platform'), args.force);
  } catch (error) {
    if (!(error instanceof OutputExistsError)) throw error;
    io.stderr(`${shown} already exists, so nothing was written. Pass --force to replace it, or name another folder.\n`);
    return 1;
  }

  const counts = KIND_ORDER.map((kind) => [kind, result.entities.filter((entity) => entity.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}${count === 1 ? '' : 's'}`);
  io.stdout(`Wrote ${result.entities.length} Backstage entities to ${shown}: ${counts.join(', ')}.\n`);
  if (result.notes.length > 0) {
    io.stdout(`\nChanged on the way to Backstage:\n`);
    for (const note of result.notes) io.stdout(`  ${note.entry}: ${note.message}\n`);
  }
  io.stdout(`\nRegister the file as a catalog location that allows these kinds; the comment at its top shows how.\n`);
  return 0;
}
