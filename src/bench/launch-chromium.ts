import { chromium, type Browser } from 'playwright-core';
import { findChromium, LAUNCH_ARGS } from '../browser/index.ts';

/** Launches the system Chromium for measurements in a real browser. */
export function launchSharedChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...LAUNCH_ARGS] });
}
