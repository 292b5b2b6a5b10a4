import { createHash } from 'node:crypto';

/** Backstage's limit for names, labels and tags (the Kubernetes object-name rules). */
export const MAX_NAME_LENGTH = 63;

// Backstage's `KubernetesValidatorFunctions.isValidObjectName`: letters and digits, separated by
// any of `-_.`, starting and ending with a letter or digit.
const VALID_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
// Backstage's tag rule (`isValidTag`): lower-case letters, digits, `+` and `#`, separated by `-`.
const VALID_TAG = /^[a-z0-9+#]+(-[a-z0-9+#]+)*$/;

/** True when Backstage accepts the text as `metadata.name` (and as a label value). */
export function isValidEntityName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && VALID_NAME.test(name);
}

/** The Backstage name an ID became, and why it differs when it does. */
export interface EntityName {
  readonly name: string;
  /** Empty when the ID is used as it is. */
  readonly reasons: readonly string[];
}

/**
 * Returns a valid Backstage entity name for a Multiplane ID: the ID itself when Backstage accepts
 * it, else a deterministic transformation (accents dropped, other characters turned into `-`,
 * shortened with a hash of the ID so that two long IDs never collapse into one name).
 */
export function entityNameFor(id: string): EntityName {
  if (isValidEntityName(id)) return { name: id, reasons: [] };
  const reasons: string[] = [];
  if (/[^-A-Za-z0-9_.]/.test(id)) reasons.push('it has characters other than letters, digits, -, _ and .');
  else if (!VALID_NAME.test(id)) reasons.push('it does not start and end with a letter or digit');
  if (id.length > MAX_NAME_LENGTH) reasons.push(`it is longer than ${MAX_NAME_LENGTH} characters`);
  let name = stripAccents(id)
    .replace(/[^-A-Za-z0-9_.]+/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '');
  if (name.length > MAX_NAME_LENGTH || name === '') name = withHash(name || 'entry', id);
  return { name, reasons };
}

/**
 * Shortens a name to leave room for `-` and eight hex digits of the ID's SHA-256, and appends
 * them. Used for long names and to tell apart two IDs that transform to the same name.
 */
export function withHash(name: string, id: string): string {
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 8);
  const room = MAX_NAME_LENGTH - hash.length - 1;
  return `${name.slice(0, room).replace(/[-_.]+$/, '')}-${hash}`;
}

/**
 * Returns the tag Backstage accepts for a Multiplane tag (lower case, runs of other characters
 * as one `-`), or undefined when nothing usable is left.
 */
export function tagFor(text: string): string | undefined {
  if (VALID_TAG.test(text) && text.length <= MAX_NAME_LENGTH) return text;
  const tag = stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9+#]+/g, '-')
    .slice(0, MAX_NAME_LENGTH)
    .replace(/^-+|-+$/g, '');
  return tag === '' ? undefined : tag;
}

function stripAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{Mark}/gu, '');
}
