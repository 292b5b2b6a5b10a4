import { describe, expect, it } from 'vitest';
import { astroEnvironment } from '../../src/build/astro-environment.ts';

describe("the environment of Astro's process", () => {
  it("leaves out what a shell keeps for itself and one-letter names, and keeps the build's configuration", () => {
    const env = astroEnvironment({
      _: '/usr/bin/time',
      N: '2',
      CI: 'true',
      OLDPWD: '/home/me',
      SHLVL: '3',
      PATH: '/usr/bin',
      HOME: '/home/me',
      CHROMIUM_PATH: '/usr/bin/chromium',
      SITE_URL: 'https://docs.example.org',
      https_proxy: 'http://proxy:3128',
      SOURCE_DATE_EPOCH: '1764115200',
    });
    expect(env).toEqual({
      CI: 'true',
      PATH: '/usr/bin',
      HOME: '/home/me',
      CHROMIUM_PATH: '/usr/bin/chromium',
      SITE_URL: 'https://docs.example.org',
      https_proxy: 'http://proxy:3128',
      SOURCE_DATE_EPOCH: '1764115200',
    });
  });
});
