import { idForm } from '../core/content/entry-id.ts';

/** What a valid ID looks like, for messages and prompts. */
export const ID_RULE =
  'an ID is lower-case letters (of any script), digits, hyphens, dots and underscores, starting and ending with a letter or digit, like restore-database (it becomes the file name, restore-database.md)';

/**
 * Returns the slugged form of any text as an ID suggestion (`Restore DB` → `restore-db`), or
 * undefined when nothing usable is left. Folder separators become hyphens: a new entry is one
 * file directly in its collection folder.
 */
export function suggestId(text: string): string | undefined {
  const suggestion = idForm(text.trim().replace(/[\\/]+/g, '-')).replace(/^[-_.]+|[-_.]+$/g, '');
  return suggestion === '' ? undefined : suggestion;
}

/**
 * Returns why an ID cannot name a new entry, or undefined when it can. An ID is valid when it is
 * already in the form the loader derives from a file name (`entryIdFromPath`), so the file
 * written is found under exactly that ID; leading `_` (ignored files) and edge hyphens are
 * refused too.
 */
export function idProblem(id: string): string | undefined {
  if (idForm(id) === id && /^[\p{L}\p{N}]/u.test(id) && /[\p{L}\p{N}]$/u.test(id)) return undefined;
  const suggestion = suggestId(id);
  const shown = id === '' ? 'An empty ID' : `"${id}"`;
  return `${shown} is not a valid ID: ${ID_RULE}.${suggestion ? ` Use ${suggestion}.` : ''}`;
}
