/**
 * Pagefind's files that it stores gzip-compressed and decompresses itself, in its worker, before
 * use: the metadata, word chunks, filters, result fragments and its WebAssembly.
 */
export const PAGEFIND_GZIPPED = /\.pf_(meta|index|filter|fragment)$|\/wasm\.[^/]+\.pagefind$/;

/**
 * Decompression by the browser, put before Pagefind's worker code (src/build/search-pack.ts):
 * `multiplaneGunzip(bytes)` resolves to the bytes inflated, or to the same bytes when they are not
 * gzip (a host that already sent them decoded) or the browser cannot inflate them.
 *
 * Pagefind inflates every file in JavaScript. A first search at 10,000 entries inflates about a
 * hundred (each index's metadata and filters, a word chunk per index, the fragments shown): 100–170
 * ms of its worker's time, while the worker also sets up the indexes and runs the searches, so the
 * results waited for it (docs/performance.md). The browser's own decompressor took 5 ms for sixty filters and 9 ms for
 * twenty word chunks (1 MB inflated) in the same worker, where Pagefind's took several times that.
 * Inflated files start with Pagefind's signature, so Pagefind uses them as they are. Read through
 * the stream's reader: a `Response` around each stream took 1–2 ms a file, more than inflating it.
 * Anything the browser's decompressor rejects is handed back unchanged, for Pagefind to inflate or
 * report as before.
 */
export const GUNZIP_RUNTIME = `var multiplaneGunzip = async (bytes) => {
  if (typeof DecompressionStream !== 'function' || bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    const stream = new DecompressionStream('gzip');
    const writer = stream.writable.getWriter();
    writer.write(bytes).catch(() => {});
    writer.close().catch(() => {});
    const reader = stream.readable.getReader();
    const parts = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      length += value.length;
    }
    if (parts.length === 1) return parts[0];
    const whole = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      whole.set(part, offset);
      offset += part.length;
    }
    return whole;
  } catch {
    return bytes;
  }
};`;
