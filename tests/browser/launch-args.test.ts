import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADLESS_UNUSED_FEATURES, LAUNCH_ARGS, PLAYWRIGHT_DISABLED_FEATURES } from '../../src/browser/launch-args.ts';

/** The features the installed Playwright turns off, read from its bundled `chromiumSwitches`. */
function installedPlaywrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(bundle);
  if (!list) throw new Error('playwright-core no longer lists its disabled features as it did in 1.65: update this test and src/browser/launch-args.ts.');
  return [...list[1]!.replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
}

describe("Chromium's launch arguments", () => {
  it("turn off every feature the installed Playwright turns off, since only the last --disable-features counts", () => {
    const installed = installedPlaywrightDisabledFeatures();
    expect(installed.length).toBeGreaterThan(5);
    expect(installed.filter((feature) => !(PLAYWRIGHT_DISABLED_FEATURES as readonly string[]).includes(feature))).toEqual([]);
  });

  it('name the features to turn off once, ours after Playwright\'s', () => {
    const disabling = LAUNCH_ARGS.filter((arg) => arg.startsWith('--disable-features='));
    expect(disabling).toHaveLength(1);
    expect(disabling[0]!.slice('--disable-features='.length).split(',')).toEqual([...PLAYWRIGHT_DISABLED_FEATURES, ...HEADLESS_UNUSED_FEATURES]);
  });
});
