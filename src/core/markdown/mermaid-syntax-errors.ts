import { hash } from 'node:crypto';
import { join } from 'node:path';
import { packageVersions } from './facts-cache.ts';
import { openKeyedCache } from './keyed-cache.ts';
import { type MermaidSyntaxError, mermaidSyntaxError } from './mermaid-syntax.ts';

/** Bumped when mermaid-syntax.ts changes its messages or lines, so results cached before are found again. */
const RESULT_FORMAT = 1;
const FILE_NAME = 'mermaid-syntax.json';

/**
 * Checks every distinct diagram with `mermaidSyntaxError`, and returns its error, or undefined,
 * by source. With `cacheDir`, results are kept in `<cacheDir>/mermaid-syntax.json` by source and
 * Mermaid version, so a run whose diagrams were all checked before does not load Mermaid at all.
 */
export async function mermaidSyntaxErrors(
  sources: Iterable<string>,
  options: { readonly cacheDir?: string | undefined; readonly warn?: ((message: string) => void) | undefined } = {},
): Promise<Map<string, MermaidSyntaxError | undefined>> {
  const distinct = [...new Set(sources)];
  const results = new Map<string, MermaidSyntaxError | undefined>();
  if (distinct.length === 0) return results;
  // `null` marks a diagram that parses: JSON keeps it, where it would drop `undefined`.
  const cache = openKeyedCache<MermaidSyntaxError | null>(options.cacheDir === undefined ? undefined : join(options.cacheDir, FILE_NAME), resultVersion());
  for (const source of distinct) {
    const key = hash('sha1', source, 'base64url');
    let result = cache.get(key);
    if (result === undefined) {
      result = (await mermaidSyntaxError(source)) ?? null;
      cache.set(key, result);
    }
    results.set(source, result ?? undefined);
  }
  try {
    cache.save();
  } catch (error) {
    options.warn?.((error as Error).message);
  }
  return results;
}

function resultVersion(): string {
  return `${RESULT_FORMAT};${packageVersions(['mermaid'])}`;
}
