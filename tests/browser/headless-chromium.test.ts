import { describe, expect, it } from 'vitest';
import { PLAYWRIGHT_DISABLED_FEATURES } from '../../src/browser/launch-args.ts';
import { launchChromium } from '../../src/browser/index.ts';

describe('the system Chromium, launched with the build\'s arguments', { timeout: 60_000 }, () => {
  it('opens a page without the address bar\'s popups, and keeps Playwright\'s features turned off', async () => {
    const browser = await launchChromium();
    try {
      const cdp = await browser.newBrowserCDPSession();
      const page = await browser.newPage();
      await page.goto('chrome://version');
      // The popups were made with the window, before its page loaded; a second more for a slow machine.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const { targetInfos } = await cdp.send('Target.getTargets');
      expect(targetInfos.filter((target) => target.type !== 'page').map((target) => target.url)).toEqual([]);
      // What Chromium runs with: only the last --disable-features counts.
      const commandLine = (await page.locator('#command_line').textContent()) ?? '';
      const disabled = [...commandLine.matchAll(/--disable-features=(\S+)/g)].at(-1)?.[1]!.split(',') ?? [];
      expect(PLAYWRIGHT_DISABLED_FEATURES.filter((feature) => !disabled.includes(feature))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
