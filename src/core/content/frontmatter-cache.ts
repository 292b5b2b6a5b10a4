import { hash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type KeyedCache, openKeyedCache } from '../markdown/keyed-cache.ts';
import { packageVersions } from '../markdown/facts-cache.ts';
import type { CollectionName } from '../schemas/index.ts';

/** What a frontmatter that validated became: its YAML as parsed, and the data its schema gave. */
export interface ValidatedFrontmatter {
  readonly raw: Record<string, unknown>;
  readonly data: Record<string, unknown>;
}

/**
 * Frontmatter that validated before, by collection and text. Parsing the YAML and validating it
 * against the schema is most of what a check spends on an unchanged file (about half a second
 * for 10,000 entries); only frontmatter that validated is kept, so every error is found afresh.
 */
export interface FrontmatterCache {
  get(collection: CollectionName, frontmatter: string): ValidatedFrontmatter | undefined;
  set(collection: CollectionName, frontmatter: string, value: ValidatedFrontmatter): void;
  /** Writes what was used or added, and with `keepUnused` the rest too; throws, naming the file, when it cannot. */
  save(options?: { readonly keepUnused?: boolean }): void;
}

/** Bumped whenever what is kept changes shape. */
const FORMAT = 1;
const FILE_NAME = 'frontmatter.v8';
// The packages a frontmatter goes through: an upgrade of either may change what it becomes.
const PACKAGES = ['js-yaml', 'zod'];
// The schemas, the collections that hold them and the parse itself are all in the core; any
// change to its code is taken as a change to what a frontmatter validates to.
const CORE = join(import.meta.dirname, '..');

/** Opens the cache kept in `<dir>/frontmatter.v8`, or one kept in memory only when `dir` is undefined. */
export function openFrontmatterCache(dir: string | undefined): FrontmatterCache {
  const cache: KeyedCache<ValidatedFrontmatter> = openKeyedCache(dir === undefined ? undefined : join(dir, FILE_NAME), dir === undefined ? '' : frontmatterVersion(), 'v8');
  const keyOf = (collection: CollectionName, frontmatter: string) => hash('sha1', `${collection}\0${frontmatter}`, 'base64url');
  // Two files with the same frontmatter get objects of their own, as two parses would give them.
  const given = new Set<string>();
  return {
    get(collection, frontmatter) {
      const key = keyOf(collection, frontmatter);
      const value = cache.get(key);
      if (value === undefined) return undefined;
      if (given.has(key)) return structuredClone(value);
      given.add(key);
      return value;
    },
    set(collection, frontmatter, value) {
      const key = keyOf(collection, frontmatter);
      given.add(key);
      cache.set(key, value);
    },
    save: (options) => cache.save(options),
  };
}

let version: string | undefined;

/** The format, the parser and schema packages, and a digest of the core's code. */
export function frontmatterVersion(): string {
  if (version !== undefined) return version;
  version = `${FORMAT};${packageVersions(PACKAGES)};${coreDigest()}`;
  return version;
}

function coreDigest(): string {
  try {
    const files = (readdirSync(CORE, { recursive: true, encoding: 'utf8' }) as string[]).filter((path) => path.endsWith('.ts')).sort();
    const digest = files.map((path) => `${path}\0${hash('sha1', readFileSync(join(CORE, path)), 'base64url')}`).join('\n');
    return hash('sha1', digest, 'base64url');
  } catch {
    // Code that cannot be read (a bundled copy of this module) cannot be told apart from other
    // code: a version of this run alone, so that nothing cached by other code is ever taken.
    return `unreadable-${process.pid}-${Date.now()}`;
  }
}
