import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GUNZIP_RUNTIME, PAGEFIND_GZIPPED } from '../../src/build/search-gunzip.ts';

type Gunzip = (bytes: Uint8Array) => Promise<Uint8Array>;

/** The runtime as a worker runs it, in a browser with `DecompressionStream` or without. */
function gunzip(browser: { decompressionStream: boolean } = { decompressionStream: true }): Gunzip {
  const given = browser.decompressionStream ? DecompressionStream : undefined;
  return new Function('DecompressionStream', `${GUNZIP_RUNTIME}\nreturn multiplaneGunzip;`)(given) as Gunzip;
}

/** A file as Pagefind writes it: its signature, then its data, gzip-compressed. */
function pagefindFile(data: string | Buffer): Uint8Array {
  return new Uint8Array(gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(data)])));
}

describe('multiplaneGunzip', () => {
  it('inflates a file Pagefind compressed, signature first, as Pagefind expects it', async () => {
    const inflated = await gunzip()(pagefindFile('words of the first entries'));
    expect(Buffer.from(inflated).toString()).toBe('pagefind_dcdwords of the first entries');
  });

  it('inflates a file that comes out in several parts whole', async () => {
    // A megabyte that does not compress to nothing: the stream hands it over in parts.
    const data = Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 7919) % 251));
    const inflated = await gunzip()(pagefindFile(data));
    expect(inflated.length).toBe(12 + data.length);
    expect(Buffer.from(inflated.subarray(12)).equals(data)).toBe(true);
  });

  it('hands back unchanged what is not gzip: a file a host already decoded', async () => {
    const decoded = new TextEncoder().encode('pagefind_dcdwords');
    expect(await gunzip()(decoded)).toBe(decoded);
    expect(await gunzip()(new Uint8Array())).toHaveLength(0);
  });

  it('hands back unchanged a file the browser cannot inflate, for Pagefind to report', async () => {
    const whole = pagefindFile('words of the first entries');
    const cut = whole.subarray(0, whole.length - 9);
    expect(await gunzip()(cut)).toBe(cut);
    const garbled = Uint8Array.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await gunzip()(garbled)).toBe(garbled);
  });

  it('hands back unchanged every file in a browser without DecompressionStream', async () => {
    const file = pagefindFile('words');
    expect(await gunzip({ decompressionStream: false })(file)).toBe(file);
  });

  it('is plain JavaScript a browser runs as it is', () => {
    // Written into the site's own files, past any compiler: no TypeScript may slip into it.
    expect(() => new Function(GUNZIP_RUNTIME)).not.toThrow();
  });
});

describe('the files Pagefind compresses', () => {
  it('are its metadata, word chunks, filters, fragments and WebAssembly', () => {
    for (const path of ['/pagefind/pagefind.en_57ff1a444c.pf_meta', '/pagefind-3/index/en_404aa13.pf_index', '/pagefind-1/filter/en_b2.pf_filter', '/docs/pagefind/fragment/en_b5.pf_fragment', '/pagefind/wasm.en.pagefind', '/pagefind/wasm.unknown.pagefind']) {
      expect(PAGEFIND_GZIPPED.test(path), path).toBe(true);
    }
  });

  it('leave out what Pagefind reads as it is: its entry file, code and styles, and the pack', () => {
    for (const path of ['/pagefind/pagefind-entry.json', '/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', '/pagefind/pagefind-ui.css', '/pagefind/multiplane-pack.4764f752ff9daeef.bin', '/pagefind/index/en_1.pf_index.html']) {
      expect(PAGEFIND_GZIPPED.test(path), path).toBe(false);
    }
  });
});
