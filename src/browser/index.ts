/** Finding and sharing the one Chromium a build uses for diagrams and the PDF. */
export {
  CHROMIUM_ENV_VARS,
  findChromium,
  MissingBrowserError,
  SYSTEM_CHROMIUM_PATHS,
  type FindChromiumOptions,
} from './find-chromium.ts';
export { LAUNCH_ARGS } from './launch-args.ts';
export { createSharedBrowser, type SharedBrowser, type SharedBrowserOptions } from './shared-browser.ts';
