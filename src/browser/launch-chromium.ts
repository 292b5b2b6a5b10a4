import type { Browser } from 'playwright-core';
import { findChromium } from './find-chromium.ts';
import { LAUNCH_ARGS } from './launch-args.ts';

/**
 * Launches the system Chromium, headless, with the build's arguments and `args` after them: a
 * browser of its own for whoever drives one directly, the bench's probes and the tests. A build
 * shares one instead, with its own handling of signals (shared-browser.ts). Playwright is loaded
 * on the first launch, as there: importing this module costs nothing until then.
 */
export async function launchChromium(args: readonly string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...LAUNCH_ARGS, ...args] });
}
