import { resolve } from 'node:path';
import { loadContent } from '../core/content/load-content.ts';
import { listCollectionFiles } from '../core/content/list-files.ts';
import { COLLECTIONS, type EntryCollectionName } from '../core/schemas/index.ts';
import { closest } from '../core/text/closest.ts';
import { askForEntry } from '../scaffold/ask-entry.ts';
import { InputEndedError, type Terminal } from '../scaffold/prompter.ts';
import { type ScaffoldPlan, ScaffoldError, type ScaffoldRequest, planScaffold, writeScaffold } from '../scaffold/scaffold-entry.ts';
import { type CommandIo, commandNow, parseCommandLine, parseOrExplain, UsageError } from './io.ts';
import { contentFolder } from '../core/content/content-folder.ts';

/** The collections a new entry can go into: every one that is a folder of Markdown files. */
export const NEW_ENTRY_COLLECTIONS = Object.values(COLLECTIONS)
  .filter((definition) => definition.source.kind === 'folder')
  .map((definition) => definition.name as EntryCollectionName);

export const NEW_USAGE = `Usage: npm run new -- <collection> <id> [options]
       npm run new                      (in a terminal: asks for everything, including
                                         the references the entry needs, such as an
                                         incident's services; answers may be pasted ahead)

Writes content/<collection>/<id>.md with every required field filled in, the optional fields
commented out with their documentation, and the sections the governance rules ask for.

Collections: ${NEW_ENTRY_COLLECTIONS.join(', ')}

Options:
  --kind <kind>     runbooks: runbook, procedure, standard or architecture (default runbook);
                    owners: team or person (default team).
  --title <text>    Title (default: the ID in words).
  --owner <id>      Owner (for articles the author, for incidents the commander); an existing
                    owner's ID. Default: the platform's trust anchor.
  --now <date>      Date the entry as of this day instead of today
                    (SOURCE_DATE_EPOCH is honoured too).
  --content <dir>   Content folder (default: content).
  --root <dir>      Project root (default: the current folder).
  -h, --help        Show this help.

The ID is the file name without .md: lower-case letters, digits and hyphens.
Exit status: 0 when written, 1 when the ID is taken, 2 on a usage error.
`;

interface NewArgs {
  readonly help: boolean;
  readonly collection: string | undefined;
  readonly id: string | undefined;
  readonly kind: string | undefined;
  readonly title: string | undefined;
  readonly owner: string | undefined;
  readonly now: Date;
  readonly root: string;
  readonly content: string | undefined;
}

/** Parses the command line; every mistake becomes a UsageError with a one-line message. */
export function parseNewArgs(argv: readonly string[], io: CommandIo): NewArgs {
  const parsed = parseCommandLine({
    args: [...argv],
    options: {
      kind: { type: 'string' },
      title: { type: 'string' },
      owner: { type: 'string' },
      now: { type: 'string' },
      content: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const { values, positionals } = parsed;
  if (positionals.length > 2) throw new UsageError(`Unexpected argument "${positionals[2]}"; give a collection and one ID.`);
  const now = commandNow(values.now, io.env);
  return {
    help: values.help,
    collection: positionals[0],
    id: positionals[1],
    kind: values.kind,
    title: values.title,
    owner: values.owner,
    now,
    root: resolve(io.cwd, values.root ?? '.'),
    content: values.content === undefined ? undefined : contentFolder(resolve(io.cwd, values.root ?? '.'), values.content),
  };
}

/** Returns the collection a command-line word names, or throws a UsageError that suggests one. */
export function parseCollection(word: string): EntryCollectionName {
  const found = NEW_ENTRY_COLLECTIONS.find((name) => name === word);
  if (found) return found;
  if (word === 'platform') {
    throw new UsageError('The platform is one file, content/platform.yaml, not a folder of entries: edit it directly.');
  }
  // Singulars ("runbook", "case-study") are the most common slip.
  const guess = closest(word, NEW_ENTRY_COLLECTIONS);
  throw new UsageError(`Unknown collection "${word}".${guess ? ` Did you mean ${guess}?` : ''} The collections are ${NEW_ENTRY_COLLECTIONS.join(', ')}.`);
}

const NOT_INTERACTIVE: Terminal = {
  interactive: false,
  openPrompter: () => {
    throw new Error('No terminal to ask questions in.');
  },
};

/** Runs `npm run new` and returns the exit status. */
export async function newEntryCommand(argv: readonly string[], io: CommandIo, terminal: Terminal = NOT_INTERACTIVE): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`${message}\n\n${NEW_USAGE}`);
    return 2;
  };
  const parsed = parseOrExplain(() => parseNewArgs(argv, io), NEW_USAGE, io);
  if ('status' in parsed) return parsed.status;
  const { args } = parsed;

  const contentDir = resolve(args.root, args.content ?? 'content');
  const content = loadContent({ root: args.root, ...(args.content ? { contentDir: args.content } : {}) });
  const project = { root: args.root, contentDir, content };

  let request: ScaffoldRequest;
  if (args.collection === undefined) {
    if (!terminal.interactive) return usage('Name a collection and an ID, e.g. npm run new -- runbooks restore-database.');
    const prompter = terminal.openPrompter();
    try {
      const owners = content.entries.flatMap((entry) => (entry.collection === 'owners' ? [{ id: entry.id, kind: entry.data.kind }] : []));
      const platform = content.entries.find((entry) => entry.collection === 'platform');
      const anchor = platform?.data.trustAnchor;
      const answers = await askForEntry(prompter, {
        collections: NEW_ENTRY_COLLECTIONS,
        owners,
        trustAnchor: owners.some((owner) => owner.id === anchor) ? anchor : undefined,
        taken: (collection, id) => [...listCollectionFiles(contentDir, collection)].some((file) => file.id === id),
        entriesOf: (collection) => content.entries.filter((entry) => entry.collection === collection).map((entry) => entry.id),
        say: io.stdout,
      });
      request = { ...answers, now: args.now };
    } catch (error) {
      if (!(error instanceof ScaffoldError) && !(error instanceof InputEndedError)) throw error;
      // Ctrl-D or Ctrl-C leaves the cursor after a question; start the message on its own line.
      io.stderr(`${error instanceof InputEndedError ? '\n' : ''}${error.message}\n`);
      return error instanceof ScaffoldError && error.usage ? 2 : 1;
    } finally {
      prompter.close();
    }
  } else {
    if (args.id === undefined) return usage(`Name the new entry's ID too, e.g. npm run new -- ${args.collection} restore-database.`);
    try {
      request = { collection: parseCollection(args.collection), id: args.id, title: args.title, kind: args.kind, owner: args.owner, now: args.now };
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      return usage(error.message);
    }
  }

  let plan: ScaffoldPlan;
  try {
    plan = planScaffold(request, project);
    writeScaffold(plan);
  } catch (error) {
    if (!(error instanceof ScaffoldError)) throw error;
    // A wrong argument gets the usage; a taken ID is the content's state, not a wrong call.
    if (error.usage) return usage(error.message);
    io.stderr(`${error.message}\n`);
    return 1;
  }
  io.stdout(report(plan));
  return 0;
}

/** What was written, what is left to fill in, and what to do next. */
function report(plan: ScaffoldPlan): string {
  const lines = [`Created ${plan.file}${plan.kind ? ` (${plan.kind})` : ''}.`];
  const owner = plan.owner;
  if (owner?.choice.source === 'trust-anchor') {
    lines.push(`Its ${owner.field} is ${owner.choice.id}, the platform's trust anchor, until you name the owner who is accountable.`);
  }
  if (plan.placeholders.length > 0) {
    lines.push('', 'Replace these placeholders (npm run check reports the IDs among them until you do):');
    for (const placeholder of plan.placeholders) lines.push(`  line ${String(placeholder.line).padEnd(4)} ${placeholder.field}`);
  }
  lines.push(
    '',
    'Next:',
    `  1. Edit ${plan.file}: replace each TODO, in the fields and in the body, and uncomment the optional fields you need.`,
    '  2. Run npm run check to validate it.',
    '  3. Preview it with npm run dev.',
  );
  return `${lines.join('\n')}\n`;
}
