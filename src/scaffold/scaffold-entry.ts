import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { AnyEntry } from '../core/content/entry.ts';
import { type LoadedContent } from '../core/content/content-store.ts';
import { listCollectionFiles } from '../core/content/list-files.ts';
import { COLLECTIONS, type EntryCollectionName } from '../core/schemas/index.ts';
import { toAuthoringJsonSchema } from '../core/schemas/json-schema.ts';
import { capitalize } from '../core/text/capitalize.ts';
import { closest, formatList } from '../core/text/closest.ts';
import { bodyTemplate } from './body-template.ts';
import { ENTRY_KINDS, fieldDefaults, OWNER_FIELDS, type OwnerChoice, TODO } from './field-defaults.ts';
import { idProblem } from './new-entry-id.ts';
import { type FieldSchema, type Placeholder, renderFrontmatter } from './render-frontmatter.ts';
import { requiredOwnerKind } from '../core/governance/rules/role-kind.ts';

export { ENTRY_KINDS } from './field-defaults.ts';

/** What the author asked for. */
export interface ScaffoldRequest {
  readonly collection: EntryCollectionName;
  readonly id: string;
  /** Defaults to the ID in words: `restore-database` becomes "Restore database". */
  readonly title?: string | undefined;
  readonly kind?: string | undefined;
  /** ID of an existing owner for the collection's owner field (see `OWNER_FIELDS`). */
  readonly owner?: string | undefined;
  /** Values for required reference fields, by field (an incident's services); placeholders otherwise. */
  readonly relations?: Readonly<Record<string, string | readonly string[]>> | undefined;
  readonly now: Date;
}

/** Where the content lives and what is in it. */
export interface ScaffoldProject {
  readonly root: string;
  /** Absolute path of the content folder. */
  readonly contentDir: string;
  readonly content: LoadedContent;
}

/** The file a scaffold will write. */
export interface ScaffoldPlan {
  readonly absolute: string;
  /** Path relative to the project root, with `/`. */
  readonly file: string;
  readonly text: string;
  readonly kind: string | undefined;
  /** The owner field and who it names, for collections that have one. */
  readonly owner: { readonly field: string; readonly choice: OwnerChoice } | undefined;
  /** Frontmatter values still to replace, with their line in the file. */
  readonly placeholders: readonly Placeholder[];
}

/** A request that cannot be carried out; `usage` when the call itself was wrong (exit status 2). */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
  readonly usage: boolean;
  constructor(message: string, usage: boolean) {
    super(message);
    this.usage = usage;
  }
}

/**
 * Works out the new entry's file and text without writing anything. Throws a ScaffoldError when
 * the ID is not a valid slug, another file of the collection already has it, or a kind or owner
 * does not exist.
 */
export function planScaffold(request: ScaffoldRequest, project: ScaffoldProject): ScaffoldPlan {
  const { collection, id } = request;
  const definition = COLLECTIONS[collection];
  const problem = idProblem(id);
  if (problem) throw new ScaffoldError(problem, true);

  const kinds = ENTRY_KINDS[collection];
  if (request.kind !== undefined && !kinds) {
    const withKinds = Object.keys(ENTRY_KINDS).join(' and ');
    throw new ScaffoldError(`--kind applies to ${withKinds} only; ${collection} have no kind.`, true);
  }
  if (request.kind !== undefined && kinds && !kinds.includes(request.kind)) {
    const guess = closest(request.kind, kinds);
    throw new ScaffoldError(`"${request.kind}" is not a kind of ${collection}; use ${formatList(kinds)}.${guess ? ` Did you mean ${guess}?` : ''}`, true);
  }
  const kind = kinds ? (request.kind ?? kinds[0]) : undefined;

  // IDs are compared in the form the loader derives from file names, which ignores letter case
  // and punctuation, so `Restore Database.md` and `restore-database` clash as the check would say.
  for (const existing of listCollectionFiles(project.contentDir, collection)) {
    if (existing.id !== id) continue;
    const file = relative(project.root, existing.absolute).split(sep).join('/');
    throw new ScaffoldError(`${file} already has the ID ${id}; choose another ID, or edit that file.`, false);
  }

  const owners = project.content.entries.filter((entry): entry is Extract<AnyEntry, { collection: 'owners' }> => entry.collection === 'owners');
  const ownerField = OWNER_FIELDS[collection];
  const required = ownerField ? requiredOwnerKind(collection, ownerField) : undefined;
  let choice: OwnerChoice;
  if (request.owner !== undefined) {
    if (!ownerField) throw new ScaffoldError(`--owner applies to ${formatList(Object.keys(OWNER_FIELDS), 'and')} only; ${collection} have no owner field.`, true);
    const owner = owners.find((entry) => entry.id === request.owner);
    if (!owner) {
      const guess = closest(request.owner, owners.map((entry) => entry.id));
      throw new ScaffoldError(
        `"${request.owner}" is not an owner.${guess ? ` Did you mean ${guess}?` : ''} Use the ID of an entry in content/owners/, or add one first with npm run new -- owners <id>.`,
        true,
      );
    }
    if (required && owner.data.kind !== required.kind) {
      throw new ScaffoldError(`"${request.owner}" is a ${owner.data.kind}, and the ${required.role} must be a ${required.kind}: ${required.why}.`, true);
    }
    choice = { id: owner.id, source: 'chosen' };
  } else {
    // The trust anchor (a team) takes what nobody else has claimed, unless the field needs a
    // person (an article's author, an incident's commander): then only the author can say who.
    const anchor = project.content.entries.find((entry) => entry.collection === 'platform')?.data.trustAnchor;
    const fits = anchor !== undefined && owners.some((entry) => entry.id === anchor && (!required || entry.data.kind === required.kind));
    choice = fits ? { id: anchor, source: 'trust-anchor' } : { id: `${TODO}-${ownerField ?? 'owner'}`, source: 'placeholder' };
  }

  const today = request.now.toISOString().slice(0, 10);
  const title = request.title?.trim() || titleFromId(id);
  const defaults = fieldDefaults({
    collection,
    title,
    kind,
    owner: choice,
    now: request.now,
    governance: project.content.governance,
    entries: project.content.entries,
  });
  for (const [field, value] of Object.entries(request.relations ?? {})) defaults[field] = { value };
  const schema = toAuthoringJsonSchema(definition.schema, definition.singular) as FieldSchema;
  const rendered = renderFrontmatter(schema, defaults, { today, instant: request.now.toISOString().replace(/\.\d{3}Z$/, 'Z') });
  const header = [
    `# New ${kind ?? definition.singular.toLowerCase()}, written by npm run new on ${today}. Replace every TODO.`,
    '# Lines that start with "# name:" are optional fields: remove the "# " to use one.',
    '',
  ];
  const offset = 1 + header.length;
  const text = `---\n${[...header, ...rendered.lines].join('\n')}\n---\n\n${bodyTemplate(collection, kind, project.content.governance)}`;
  const absolute = join(project.contentDir, definition.source.path, `${id}.md`);
  return {
    absolute,
    file: relative(project.root, absolute).split(sep).join('/'),
    text,
    kind,
    owner: ownerField ? { field: ownerField, choice } : undefined,
    placeholders: rendered.placeholders.map((placeholder) => ({ ...placeholder, line: placeholder.line + offset })),
  };
}

/** Writes the planned file; never replaces an existing one. */
export function writeScaffold(plan: ScaffoldPlan): void {
  mkdirSync(dirname(plan.absolute), { recursive: true });
  try {
    writeFileSync(plan.absolute, plan.text, { flag: 'wx' });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') throw new ScaffoldError(`${plan.file} already exists; choose another ID.`, false);
    throw new Error(`Could not write ${plan.file}.`, { cause });
  }
}

/** `restore-database` → "Restore database". */
export function titleFromId(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return capitalize(words);
}
