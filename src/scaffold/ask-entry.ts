import { normalizeReference } from '../core/content/entry-id.ts';
import { COLLECTIONS, type CollectionName, type EntryCollectionName } from '../core/schemas/index.ts';
import { capitalize } from '../core/text/capitalize.ts';
import { closest, formatList } from '../core/text/closest.ts';
import { OWNER_FIELDS } from './field-defaults.ts';
import { idProblem, suggestId } from './new-entry-id.ts';
import type { Prompter } from './prompter.ts';
import { requiredRelations } from './required-relations.ts';
import { ENTRY_KINDS, ScaffoldError, titleFromId } from './scaffold-entry.ts';
import { requiredOwnerKind } from '../core/governance/rules/role-kind.ts';

/** What the questions offer and check answers against. */
export interface AskContext {
  readonly collections: readonly EntryCollectionName[];
  readonly owners: readonly { readonly id: string; readonly kind: 'team' | 'person' }[];
  /** The platform's trust anchor, offered as the default owner. */
  readonly trustAnchor: string | undefined;
  /** True when a file of the collection already has the ID. */
  readonly taken: (collection: EntryCollectionName, id: string) => boolean;
  /** The IDs of the entries of a collection, offered for the references a new entry needs. */
  readonly entriesOf?: (collection: CollectionName) => readonly string[];
  /** Where lists and explanations go; questions go through the prompter. */
  readonly say: (text: string) => void;
}

/** The answers, in the shape of a scaffold request. */
export interface Answers {
  readonly collection: EntryCollectionName;
  readonly id: string;
  readonly title: string;
  readonly kind: string | undefined;
  readonly owner: string | undefined;
  /** Values of the required reference fields asked for (see `requiredRelations`), by field. */
  readonly relations: Readonly<Record<string, string | readonly string[]>>;
}

// Enough to fix a typo or two; a script feeding wrong answers must not loop forever.
const ATTEMPTS = 3;

/**
 * Asks for a new entry: the collection (from a numbered list), the ID, the title, and where the
 * collection has them, the kind, the owner (from the existing owners) and every other reference
 * the entry cannot do without (an incident's services, a deployment's service, from the existing
 * entries). Every answer is checked as it is given, and a wrong one is asked again with the
 * reason and, where there is one, a suggestion as the default.
 */
export async function askForEntry(prompter: Prompter, context: AskContext): Promise<Answers> {
  const { say } = context;
  say(
    `Which collection does the new entry belong to?\n${context.collections
      .map((name, index) => `  ${String(index + 1).padStart(2)}. ${name.padEnd(13)} ${COLLECTIONS[name].label}`)
      .join('\n')}\n`,
  );
  const collection = await until(prompter, say, () => 'Collection (number or name): ', (answer) => {
    const byNumber = /^\d+$/.test(answer) ? context.collections[Number(answer) - 1] : undefined;
    const found = byNumber ?? context.collections.find((name) => name === answer.toLowerCase());
    if (found) return { value: found };
    const guess = closest(answer, context.collections);
    return { problem: `"${answer}" is not a collection.${guess ? ` Did you mean ${guess}?` : ''} Answer with a number from the list or a name.` };
  });

  let suggestion: string | undefined;
  const id = await until(
    prompter,
    say,
    () => (suggestion ? `ID [${suggestion}]: ` : 'ID, the file name without .md (e.g. restore-database): '),
    (answer) => {
      const candidate = answer === '' && suggestion ? suggestion : answer;
      const problem = idProblem(candidate);
      if (problem) {
        suggestion = suggestId(candidate);
        return { problem };
      }
      if (context.taken(collection, candidate)) {
        suggestion = undefined;
        return { problem: `content/${collection}/ already has an entry with the ID ${candidate}; choose another ID.` };
      }
      return { value: candidate };
    },
  );

  const suggestedTitle = titleFromId(id);
  const title = (await prompter.ask(`Title [${suggestedTitle}]: `)) || suggestedTitle;

  let kind: string | undefined;
  const kinds = ENTRY_KINDS[collection];
  if (kinds) {
    kind = await until(prompter, say, () => `Kind (${kinds.join(', ')}) [${kinds[0]}]: `, (answer) => {
      if (answer === '') return { value: kinds[0] };
      if (kinds.includes(answer)) return { value: answer };
      return { problem: `"${answer}" is not a kind of ${collection}; answer ${formatList(kinds)}.` };
    });
  }

  let owner: string | undefined;
  const field = OWNER_FIELDS[collection];
  if (field) {
    // Some roles need a person (an incident's commander, an article's author), so the trust anchor,
    // a team, is no default for them; every other owner field takes a team or a person.
    const required = requiredOwnerKind(collection, field);
    const candidates = context.owners.filter((entry) => !required || entry.kind === required.kind);
    const fallback = required ? undefined : context.trustAnchor;
    const list = candidates.map((entry) => `${entry.id} (${entry.kind})`).join(', ');
    say(`${required ? `Who can be the ${required.role} (a ${required.kind})` : 'Existing owners'}: ${list || 'none yet'}.\n`);
    const hint = fallback ? `[${fallback}, the trust anchor]` : '[leave empty for a TODO placeholder]';
    owner = await until(prompter, say, () => `${capitalize(field)} ${hint}: `, (answer) => {
      if (answer === '') return { value: fallback };
      if (candidates.some((entry) => entry.id === answer)) return { value: answer };
      const guess = closest(answer, candidates.map((entry) => entry.id));
      return { problem: `"${answer}" is not one of them.${guess ? ` Did you mean ${guess}?` : ''}` };
    });
  }
  const relations: Record<string, string | readonly string[]> = {};
  for (const relation of requiredRelations(collection)) {
    const candidates = relation.to.flatMap((target) => context.entriesOf?.(target) ?? []);
    const label = COLLECTIONS[relation.to[0] ?? 'services'].label.toLowerCase();
    say(`Existing ${label}: ${candidates.join(', ') || 'none yet'}.\n`);
    const hint = relation.many ? 'IDs separated by commas' : 'ID';
    const answer = await until(prompter, say, () => `${capitalize(relation.field)} (${hint}) [leave empty for a TODO placeholder]: `, (text) => {
      if (text === '') return { value: undefined };
      const ids = text.split(',').map((part) => normalizeReference(part)).filter((id) => id !== '');
      if (!relation.many && ids.length > 1) return { problem: `${relation.field} takes one ID; got ${ids.length}.` };
      const unknown = ids.find((id) => !candidates.includes(id));
      if (unknown !== undefined) {
        const guess = closest(unknown, candidates);
        return { problem: `"${unknown}" is not one of them.${guess ? ` Did you mean ${guess}?` : ''}` };
      }
      return { value: relation.many ? ids : ids[0] };
    });
    if (answer !== undefined) relations[relation.field] = answer;
  }
  return { collection, id, title, kind, owner, relations };
}

type Check<T> = (answer: string) => { value: T } | { problem: string };

/** Asks until the answer passes the check, a few times at most. */
async function until<T>(prompter: Prompter, say: (text: string) => void, question: () => string, check: Check<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const result = check(await prompter.ask(question()));
    if ('value' in result) return result.value;
    if (attempt >= ATTEMPTS) throw new ScaffoldError(`${result.problem} Gave up after ${ATTEMPTS} tries; nothing was written.`, true);
    say(`  ${result.problem}\n`);
  }
}
