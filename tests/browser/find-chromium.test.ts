import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium, MissingBrowserError } from '../../src/browser/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'multiplane-find-chromium-'));
const fakeBinary = join(dir, 'chrome');
writeFileSync(fakeBinary, '');
const missing = join(dir, 'no-such-chrome');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('uses the variable that is set', () => {
    expect(findChromium({ CHROMIUM_PATH: '/usr/bin/chromium' })).toBe('/usr/bin/chromium');
  });

  it('prefers MULTIPLANE_CHROMIUM over CHROMIUM_PATH', () => {
    expect(findChromium({ MULTIPLANE_CHROMIUM: fakeBinary, CHROMIUM_PATH: '/usr/bin/chromium' })).toBe(fakeBinary);
  });

  it('names the variable that points at a missing file', () => {
    const find = () => findChromium({ PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: missing });
    expect(find).toThrow(MissingBrowserError);
    expect(find).toThrow(`PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH points at ${missing}, which does not exist`);
  });

  it('falls back to the first well-known path that exists', () => {
    expect(findChromium({}, { systemPaths: [missing, fakeBinary], playwrightPath: () => undefined })).toBe(fakeBinary);
  });

  it("falls back to Playwright's own Chromium", () => {
    expect(findChromium({}, { systemPaths: [missing], playwrightPath: () => fakeBinary })).toBe(fakeBinary);
  });

  it('says where it looked and how to install one', () => {
    let error: unknown;
    try {
      findChromium({ CHROMIUM_PATH: '  ' }, { systemPaths: ['/opt/none/chromium'], playwrightPath: () => '/opt/pw/chrome' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingBrowserError);
    expect((error as Error).name).toBe('MissingBrowserError');
    expect((error as Error).message).toMatchInlineSnapshot(`"Mermaid diagrams need Chromium to render, and none was found. Looked in the environment variables MULTIPLANE_CHROMIUM, CHROMIUM_PATH, PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH (none set), at /opt/none/chromium and for Playwright's own Chromium (/opt/pw/chrome). Install Debian's with \`sudo apt-get install chromium\`, or point CHROMIUM_PATH at a Chrome or Chromium binary."`);
  });
});
