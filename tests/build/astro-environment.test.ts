import { describe, expect, it } from 'vitest';
import { astroEnvironment } from '../../src/build/astro-environment.ts';

describe("the environment of Astro's process", () => {
  it("leaves out what a shell keeps for itself and one- or two-letter names, and keeps the build's configuration", () => {
    const env = astroEnvironment({
      _: '/usr/bin/time',
      N: '2',
      ab: 'x',
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
      PATH: '/usr/bin',
      HOME: '/home/me',
      CHROMIUM_PATH: '/usr/bin/chromium',
      SITE_URL: 'https://docs.example.org',
      https_proxy: 'http://proxy:3128',
      SOURCE_DATE_EPOCH: '1764115200',
    });
  });
});
