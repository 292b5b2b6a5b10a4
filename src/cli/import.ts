import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { entryIdFromPath } from '../core/content/entry-id.ts';
import { listCollectionFiles } from '../core/content/list-files.ts';
import { parseCalendarDate } from '../core/schemas/shared.ts';
import { RUNBOOK_KINDS, type RunbookKind } from '../core/schemas/runbook.ts';
import { importBackstage } from '../importers/backstage/import-backstage.ts';
import { importComply } from '../importers/comply/import-comply.ts';
import { type CommonImportOptions, type ImportResult, PLACEHOLDER_OWNER } from '../importers/import-result.ts';
import { importMarkdown, MARKDOWN_TARGETS, type MarkdownTarget } from '../importers/markdown/import-markdown.ts';
import { formatClashes, formatImportReport, formatUnmapped } from '../importers/report.ts';
import { validateEntry } from '../importers/validate-entry.ts';
import { copyFiles, planEntries, planFiles, writeEntries } from '../importers/write-entries.ts';
import { closest, formatList } from '../core/text/closest.ts';
import { type CommandIo, commandNow, parseCommandLine, parseOrExplain, UsageError } from './io.ts';

export const IMPORT_USAGE = `Usage: npm run import -- <format> <source> [options]

Turns documents a team already has into entries under content/, and reports every field, file
and construct that could not be carried over, at its file and line. Existing files are never
overwritten without --force.

Formats:
  comply <dir>        A strongdm/comply project: policies, procedures, narratives; its
                      standards/ catalogue checks the criteria policies satisfy, comply.yml
                      fills {{.Name}}.
  markdown <dir>      Plain Markdown pages, e.g. an MkDocs site: mkdocs.yml's nav gives titles
                      and order; admonitions become asides.
  backstage <source>  A Backstage catalog: a catalog-info.yaml (its Locations are followed)
                      or a folder of catalog files. Groups and Users become owners,
                      Components services, Systems their system.

Images and files the pages show or link are copied beside the entries, and links between
pages are written so that they work under any base path.

Options:
  --out <dir>         Content folder to write into (default: content).
  --owner <id>        comply, markdown: owner (or author) of the imported entries. Without
                      it they name the placeholder ${PLACEHOLDER_OWNER}, which npm run check
                      reports.
  --prefix <folder>   comply, markdown: put the entries in this folder of each collection
                      (IDs become <folder>/<id>), so two sources can share a collection.
  --as <collection>   markdown only: ${MARKDOWN_TARGETS.join(', ')} (default: runbooks).
  --kind <kind>       markdown --as runbooks only: ${RUNBOOK_KINDS.join(', ')}
                      (default: procedure).
  --date <date>       Day written where the source has none, YYYY-MM-DD (default: today,
                      or SOURCE_DATE_EPOCH).
  --no-assets         Do not copy images and files; the report lists where each belongs.
  --dry-run           Report what would be imported; write nothing.
  --force             Overwrite existing files of the same name.
  -h, --help          Show this help.

Exit status: 0 when entries were imported (even with items not mapped), 1 when nothing could
be imported or existing files are in the way, 2 on a usage error.
`;

const FORMATS = ['comply', 'markdown', 'backstage'] as const;
type Format = (typeof FORMATS)[number];

interface ImportArgs {
  readonly help: boolean;
  readonly format: Format;
  readonly sourceDir: string;
  readonly contentDir: string;
  readonly options: CommonImportOptions;
  readonly collection: MarkdownTarget;
  readonly kind: RunbookKind;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly assets: boolean;
}

/** Parses the command line; every mistake becomes a UsageError with a one-line message. */
export function parseImportArgs(argv: readonly string[], io: CommandIo): ImportArgs | { help: true } {
  const parsed = parseCommandLine({
    args: [...argv],
    options: {
      out: { type: 'string' },
      owner: { type: 'string' },
      as: { type: 'string' },
      kind: { type: 'string' },
      date: { type: 'string' },
      prefix: { type: 'string' },
      'no-assets': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  const [format, dir, ...extra] = positionals;
  const formats = formatList([...FORMATS]);
  if (format === undefined) throw new UsageError(`Name a format to import: ${formats}.`);
  if (!(FORMATS as readonly string[]).includes(format)) {
    const guess = closest(format, FORMATS);
    throw new UsageError(`Unknown format "${format}";${guess ? ` did you mean ${guess}?` : ''} use ${formats}.`);
  }
  const what = format === 'backstage' ? 'catalog file or folder' : 'folder';
  if (dir === undefined) throw new UsageError(`Name the ${what} to import: npm run import -- ${format} <${format === 'backstage' ? 'source' : 'dir'}>.`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}": import one ${what} at a time.`);
  const sourceDir = resolve(io.cwd, dir);
  if (!existsSync(sourceDir)) throw new UsageError(`The ${what} ${dir} does not exist.`);
  if (format !== 'backstage' && !statSync(sourceDir).isDirectory()) throw new UsageError(`${dir} is a file; name the folder that holds the documents.`);
  const contentDir = resolve(io.cwd, values.out ?? 'content');
  if (existsSync(contentDir) && !statSync(contentDir).isDirectory()) throw new UsageError(`--out ${values.out} is a file, not a folder.`);

  if (format !== 'markdown' && (values.as !== undefined || values.kind !== undefined)) {
    throw new UsageError(`--as and --kind apply to the markdown format only; ${format} decides where each document goes.`);
  }
  if (format === 'backstage') {
    const given = (['owner', 'prefix', 'date'] as const).find((name) => values[name] !== undefined);
    if (given) throw new UsageError(`--${given} does not apply to backstage: owners come from the catalog's Groups and Users, IDs from entity names.`);
  }
  const prefix = values.prefix?.trim().replace(/^\/+|\/+$/g, '') ?? '';
  if (values.prefix !== undefined && (prefix === '' || entryIdFromPath(`${prefix}.md`) !== prefix || prefix.split('/').includes('page'))) {
    throw new UsageError(`--prefix must be a folder name in ID form (lower-case letters, digits, -, _ and .), like pagerduty; got "${values.prefix}".`);
  }
  const collection = (values.as ?? 'runbooks') as MarkdownTarget;
  if (!(MARKDOWN_TARGETS as readonly string[]).includes(collection)) {
    throw new UsageError(`--as must be one of ${MARKDOWN_TARGETS.join(', ')}; got "${values.as}".`);
  }
  if (values.kind !== undefined && collection !== 'runbooks') throw new UsageError(`--kind applies to --as runbooks only; got --as ${collection}.`);
  const kind = (values.kind ?? 'procedure') as RunbookKind;
  if (!(RUNBOOK_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${RUNBOOK_KINDS.join(', ')}; got "${values.kind}".`);

  const owner = values.owner?.trim();
  if (owner !== undefined && (owner === '' || entryIdFromPath(`${owner}.md`) !== owner)) {
    throw new UsageError(`--owner must be an owner's ID (its file name in content/owners/ without .md), like platform-team; got "${values.owner}".`);
  }
  let date: string;
  if (values.date !== undefined) {
    if (!parseCalendarDate(values.date.trim())) throw new UsageError(`--date must be a day written YYYY-MM-DD, like 2026-03-01; got "${values.date}".`);
    date = values.date.trim();
  } else {
    date = commandNow(undefined, io.env).toISOString().slice(0, 10);
  }
  return {
    help: false,
    format: format as Format,
    sourceDir,
    contentDir,
    options: { owner: owner ?? PLACEHOLDER_OWNER, ownerIsPlaceholder: owner === undefined, date, prefix },
    collection,
    kind,
    dryRun: values['dry-run'],
    force: values.force,
    assets: !values['no-assets'],
  };
}

/** Runs `npm run import` and returns the exit status. */
export function importCommand(argv: readonly string[], io: CommandIo): number {
  const parsed = parseOrExplain(() => parseImportArgs(argv, io), IMPORT_USAGE, io);
  if ('status' in parsed) return parsed.status;
  const { args } = parsed;
  const display = (absolute: string) => {
    const inside = relative(io.cwd, absolute);
    return inside === '' ? '.' : inside.startsWith('..') || inside.startsWith(sep) ? absolute : inside.split(sep).join('/');
  };

  const imported =
    args.format === 'comply'
      ? importComply(args.sourceDir, args.options)
      : args.format === 'backstage'
        ? importBackstage(args.sourceDir)
        : importMarkdown(args.sourceDir, { ...args.options, collection: args.collection, kind: args.kind });
  // Whatever would not load is reported and left out, so one bad source file never blocks the rest.
  const result: ImportResult = { ...imported, entries: [], unmapped: [...imported.unmapped] };
  for (const entry of imported.entries) {
    const problems = validateEntry(entry);
    if (problems.length === 0) result.entries.push(entry);
    else result.unmapped.push({ source: entry.source, what: 'the whole document', why: `not imported: it would not load (${problems.join('; ')})` });
  }

  if (result.entries.length === 0) {
    io.stderr(`Nothing could be imported from ${display(args.sourceDir)}: ${result.expected}.\n`);
    if (result.unmapped.length > 0) io.stderr(`${formatUnmapped(result.unmapped).join('\n')}\n`);
    return 1;
  }
  const plan = planEntries(result.entries, args.contentDir);
  // Only the files an imported entry still shows are carried.
  const kept = new Set(result.entries.map((entry) => entry.source));
  const files = planFiles(
    result.files.filter((file) => file.usedBy.some((source) => kept.has(source))),
    args.contentDir,
  );
  const blocking = [...plan.clashes, ...(args.assets ? files.clashes : [])].filter((clash) => !args.force || !clash.sameFile);
  if (blocking.length > 0) {
    io.stderr(formatClashes(blocking, args.force, display));
    return 1;
  }
  if (!args.assets) {
    for (const file of files.copies) {
      result.unmapped.push({ source: file.source, what: 'the whole file', why: `not copied (--no-assets); an entry shows or links it: copy it to ${display(file.destination)}` });
    }
  }
  if (!args.dryRun) {
    writeEntries(plan.files);
    if (args.assets) copyFiles(files.copies);
  }
  io.stdout(
    formatImportReport(result, {
      sourceDir: display(args.sourceDir),
      contentDir: display(args.contentDir),
      dryRun: args.dryRun,
      checkCommand: checkCommandFor(args.contentDir, io.cwd, display),
      notes: targetNotes(args),
      files: { copied: files.copies.length, present: files.present.length, skipped: !args.assets },
    }),
  );
  return 0;
}

/** The `npm run check` call that checks the folder written to. */
function checkCommandFor(contentDir: string, cwd: string, display: (absolute: string) => string): string {
  const root = dirname(contentDir);
  const options = [...(root === cwd ? [] : ['--root', display(root)]), ...(basename(contentDir) === 'content' ? [] : ['--content', basename(contentDir)])];
  return options.length === 0 ? 'npm run check' : `npm run check -- ${options.join(' ')}`;
}

/** Sentences about gaps in the target folder that the check will report. */
function targetNotes(args: ImportArgs): string[] {
  const notes: string[] = [];
  const { owner } = args.options;
  // Whitepaper chapters name no owner, and a catalog brings its own owners.
  const owned = args.format !== 'backstage' && (args.format !== 'markdown' || args.collection !== 'whitepaper');
  if (owned && args.options.ownerIsPlaceholder) {
    notes.push(`Owner: every entry names the placeholder owner "${owner}"; the check reports it (owner-exists) until you pass --owner <id> or assign real owners.`);
  } else if (owned && ![...listCollectionFiles(args.contentDir, 'owners')].some((file) => file.id === owner)) {
    notes.push(`Owner: "${owner}" is not in content/owners/ yet; the check reports it (owner-exists) until you add it.`);
  }
  if (!existsSync(join(args.contentDir, 'platform.yaml'))) {
    notes.push('The content folder has no platform.yaml yet; write one (name, organization, environment, docsVersion, trustAnchor) for the check and the build to pass.');
  }
  return notes;
}
