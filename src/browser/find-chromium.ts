import { statSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Environment variables that name a Chrome/Chromium binary, most specific first. */
export const CHROMIUM_ENV_VARS = ['MULTIPLANE_CHROMIUM', 'CHROMIUM_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'] as const;

/** Where distributions install Chromium or Chrome, in the order they are tried. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
] as const;

/** Thrown when Mermaid diagrams need rendering and no Chromium binary can be found. */
export class MissingBrowserError extends Error {
  override readonly name = 'MissingBrowserError';
}

export interface FindChromiumOptions {
  /** Well-known install locations to try after the environment; defaults to `SYSTEM_CHROMIUM_PATHS`. */
  readonly systemPaths?: readonly string[];
  /** Where Playwright keeps its own Chromium; defaults to asking playwright-core. */
  readonly playwrightPath?: () => string | undefined;
}

const HOW_TO_FIX =
  'Install Debian\'s with `sudo apt-get install chromium`, or point CHROMIUM_PATH at a Chrome or Chromium binary.';

/**
 * Returns the path of the Chromium to render Mermaid diagrams with: the first of
 * `CHROMIUM_ENV_VARS` that is set, else the first existing `SYSTEM_CHROMIUM_PATHS` entry, else
 * Playwright's own download. Throws `MissingBrowserError` when none exists, or when a variable
 * names a file that does not exist (a typo there should not silently fall back to another browser).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, options: FindChromiumOptions = {}): string {
  for (const name of CHROMIUM_ENV_VARS) {
    const value = env[name]?.trim();
    if (!value) continue;
    if (isFile(value)) return value;
    throw new MissingBrowserError(
      `Mermaid diagrams need Chromium, but ${name} points at ${value}, which does not exist. ` +
        `Correct or unset ${name}. ${HOW_TO_FIX}`,
    );
  }
  const systemPaths = options.systemPaths ?? SYSTEM_CHROMIUM_PATHS;
  const found = systemPaths.find(isFile);
  if (found) return found;
  const playwright = (options.playwrightPath ?? playwrightChromium)();
  if (playwright && isFile(playwright)) return playwright;
  const places = systemPaths.length > 0 ? `at ${systemPaths.join(', ')} and ` : '';
  throw new MissingBrowserError(
    `Mermaid diagrams need Chromium to render, and none was found. Looked in the environment ` +
      `variables ${CHROMIUM_ENV_VARS.join(', ')} (none set), ${places}for Playwright's own Chromium` +
      `${playwright ? ` (${playwright})` : ''}. ${HOW_TO_FIX}`,
  );
}

function playwrightChromium(): string | undefined {
  try {
    // Required here, not imported above: only a machine without a system Chromium gets this far,
    // and loading playwright-core costs a quarter of a second (see shared-browser.ts).
    const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core');
    return chromium.executablePath();
  } catch {
    // playwright-core throws when it has no build registered for this platform; that is
    // "not found", not a failure of its own.
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
