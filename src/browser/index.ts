/**
 * Finding and launching Chromium: the one a build shares for diagrams and the PDF, and browsers of
 * their own for the bench and the tests.
 */
export {
  CHROMIUM_ENV_VARS,
  findChromium,
  MissingBrowserError,
  SYSTEM_CHROMIUM_PATHS,
  type FindChromiumOptions,
} from './find-chromium.ts';
export { LAUNCH_ARGS } from './launch-args.ts';
export { launchChromium } from './launch-chromium.ts';
export { createSharedBrowser, type SharedBrowser, type SharedBrowserOptions } from './shared-browser.ts';
