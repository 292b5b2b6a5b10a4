import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Version of what this module does to Mermaid's output (id scoping, ARIA, sizing). Bump it when that
 * changes so cached SVGs from older builds are not reused.
 */
const TRANSFORM_VERSION = 'multiplane-mermaid/2';

let cachedVersion: string | undefined;

/**
 * Returns the string that identifies the renderer in cache keys: the transform version plus the
 * installed Mermaid and mermaid-isomorphic versions, since either can change the SVG for the same
 * source.
 */
export function rendererVersion(): string {
  if (cachedVersion !== undefined) return cachedVersion;
  const require = createRequire(import.meta.url);
  // mermaid-isomorphic exports no package.json; its entry sits in dist/, one level below it.
  const isomorphicEntry = require.resolve('mermaid-isomorphic');
  const isomorphic = readVersion(require, join(dirname(isomorphicEntry), '..', 'package.json'));
  // Resolve Mermaid from mermaid-isomorphic, the copy it actually loads into the page.
  const mermaid = readVersion(createRequire(isomorphicEntry), 'mermaid/package.json');
  cachedVersion = `${TRANSFORM_VERSION} mermaid/${mermaid} mermaid-isomorphic/${isomorphic}`;
  return cachedVersion;
}

function readVersion(require: NodeJS.Require, specifier: string): string {
  const manifest: unknown = require(specifier);
  if (typeof manifest === 'object' && manifest !== null && 'version' in manifest) return String(manifest.version);
  return 'unknown';
}

/** Returns the hex sha256 that names one diagram in the cache. */
export function diagramHash(source: string, theme: string, version: string = rendererVersion()): string {
  return createHash('sha256').update(`${version}\0${theme}\0${source}`).digest('hex');
}

/** Returns the cached SVG for `hash`, or undefined when there is none or it cannot be read. */
export async function readCachedSvg(cacheDir: string, hash: string): Promise<string | undefined> {
  try {
    const svg = await readFile(join(cacheDir, `${hash}.svg`), 'utf8');
    // A truncated or foreign file is a miss, not a broken page.
    return svg.startsWith('<svg') && svg.trimEnd().endsWith('</svg>') ? svg : undefined;
  } catch {
    return undefined;
  }
}

/** Stores `svg` as `<cacheDir>/<hash>.svg`, creating the folder if needed. */
export async function writeCachedSvg(cacheDir: string, hash: string, svg: string): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  // Write then rename, so a parallel build never reads a half-written file.
  const temporary = join(cacheDir, `${hash}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, svg, 'utf8');
    await rename(temporary, join(cacheDir, `${hash}.svg`));
  } catch (cause) {
    await rm(temporary, { force: true });
    throw new Error(`Failed to cache a Mermaid diagram in ${cacheDir}.`, { cause });
  }
}
