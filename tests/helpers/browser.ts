import { chromium, type Browser } from 'playwright-core';
import { findChromium, LAUNCH_ARGS } from '../../src/browser/index.ts';

/** Launches the system Chromium headless, the same way the build finds it (no browser download). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...LAUNCH_ARGS] });
}
