/**
 * The features Playwright 1.65 turns off in every Chromium it launches (its `chromiumSwitches`).
 * Chromium reads only the last `--disable-features` on its command line, and Playwright puts
 * its own before the caller's arguments, so a caller that turns off features of its own must
 * name Playwright's again or lose them. tests/browser/launch-args.test.ts compares this list
 * with the installed Playwright's.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
] as const;

/**
 * Browser chrome that a headless browser shows nobody. Chromium 156 loads the address bar's
 * suggestion popups, two WebUI pages in a renderer of their own, into every new window, and
 * Playwright opens a window for each page it makes (each diagram batch, the PDF, each test's
 * page). Measured on 2 cores: a new page cost 2.3 s of CPU with them, 0.65 s without.
 */
export const HEADLESS_UNUSED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup', 'PreloadTopChromeWebUI'] as const;

/** Chromium flags for rendering in CI containers and sandboxes; the build never needs the network. */
export const LAUNCH_ARGS = [
  // CI usually runs as root, where Chromium's sandbox refuses to start.
  '--no-sandbox',
  '--disable-gpu',
  // Docker's /dev/shm is 64 MB by default, too small for Chromium's shared memory.
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...HEADLESS_UNUSED_FEATURES].join(',')}`,
] as const;
