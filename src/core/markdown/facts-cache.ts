import { hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BodyFacts } from './body-facts.ts';
import { type KeyedCache, openKeyedCache } from './keyed-cache.ts';

/** Bumped whenever analyze-body.ts changes what it records, so facts cached before are read again. */
const FACTS_FORMAT = 1;
const FILE_NAME = 'body-facts.json';

// The packages the facts are made with: upgrading one may change a parse. Sätteri parses
// Markdown bodies; micromark and its extensions parse MDX ones.
const PARSER_PACKAGES = [
  'satteri',
  'micromark',
  'micromark-core-commonmark',
  'mdast-util-from-markdown',
  'mdast-util-to-string',
  'micromark-extension-gfm-autolink-literal',
  'micromark-extension-gfm-footnote',
  'micromark-extension-gfm-strikethrough',
  'micromark-extension-gfm-table',
  'micromark-extension-gfm-task-list-item',
  'mdast-util-gfm-autolink-literal',
  'mdast-util-gfm-footnote',
  'mdast-util-gfm-table',
  'micromark-extension-mdxjs',
  'mdast-util-mdx',
];

/** Facts of bodies as read from line 1 (see shiftFacts), by `factsKey`. */
export type FactsCache = KeyedCache<BodyFacts>;

/**
 * The cache key of a body: a hash of the body and the mode it is read in. Its lines are not part
 * of it: facts are cached as if the body started on line 1, so a body keeps its entry when the
 * frontmatter above it changes length.
 */
export function factsKey(body: string, mdx: boolean): string {
  return hash('sha1', `${mdx ? 'mdx' : 'md'}\0${body}`, 'base64url');
}

/** Opens the facts cache kept in `<dir>/body-facts.json`, or one kept in memory only when `dir` is undefined. */
export function openFactsCache(dir: string | undefined): FactsCache {
  return openKeyedCache<BodyFacts>(dir === undefined ? undefined : join(dir, FILE_NAME), dir === undefined ? '' : factsVersion());
}

let version: string | undefined;

/** The facts format and the versions of the parser packages: every cached entry depends on them. */
export function factsVersion(): string {
  if (version !== undefined) return version;
  version = `${FACTS_FORMAT};${packageVersions(PARSER_PACKAGES)}`;
  return version;
}

/**
 * `name@version` of each package as the project resolves it, `name@?` for one it cannot find,
 * joined by commas: what a cache of results made with those packages is versioned by.
 */
export function packageVersions(names: readonly string[]): string {
  const require = createRequire(import.meta.url);
  return names
    .map((name) => {
      try {
        return `${name}@${packageVersion(require.resolve(name))}`;
      } catch {
        return `${name}@?`;
      }
    })
    .join(',');
}

/** The version in the package.json nearest above a package's entry file. */
export function packageVersion(entryFile: string): string {
  for (let dir = dirname(entryFile); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    if (typeof parsed.version === 'string') return parsed.version;
  }
  return '?';
}
