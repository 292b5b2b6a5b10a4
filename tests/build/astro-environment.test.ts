import { describe, expect, it } from 'vitest';
import { astroEnvironment } from '../../src/build/astro-environment.ts';

describe("the environment of Astro's process", () => {
  it("leaves out what a shell keeps for itself and one-letter names, and keeps the build's configuration", () => {
    const configuration = {
      CI: 'true',
      PATH: '/usr/bin',
      HOME: '/home/me',
      CHROMIUM_PATH: '/usr/bin/chromium',
      SITE_URL: 'https://docs.example.org',
      https_proxy: 'http://proxy:3128',
      SOURCE_DATE_EPOCH: '1764115200',
    };
    const shell = { _: '/usr/bin/time', N: '2', OLDPWD: '/home/me', SHLVL: '3' };
    expect(astroEnvironment({ ...shell, ...configuration })).toEqual(configuration);
  });
});
