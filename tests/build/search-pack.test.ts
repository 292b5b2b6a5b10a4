import { linkSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PACK_FIELD, PACK_RUNTIME, packSearchIndexes, SearchPackError } from '../../src/build/search-pack.ts';
import { searchLayout } from '../../src/build/search-shards.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const folder = scratchFolders('search-pack');

/** The line of Pagefind's worker through which it fetches every file, as Pagefind 1.6 writes it. */
const WORKER = 'async performFetch(queued){try{const response=await fetch(queued.input);queued.resolve(response);}finally{}}';

const ENTRY = (pages: number) => JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: pages } } });

/** A built site's three search indexes, as Pagefind writes them (the files' bytes stand for theirs). */
const SITE = {
  'pagefind/pagefind-entry.json': ENTRY(3),
  'pagefind/pagefind-worker.js': WORKER,
  'pagefind/pagefind.en_a1.pf_meta': 'meta of the site pages',
  'pagefind/index/en_a2.pf_index': 'words of the site pages',
  'pagefind-1/pagefind-entry.json': ENTRY(5),
  'pagefind-1/pagefind.en_b1.pf_meta': 'meta of the first entries',
  'pagefind-1/filter/en_b2.pf_filter': 'plane filter',
  'pagefind-1/filter/en_b3.pf_filter': 'owner filter',
  'pagefind-1/index/en_b4.pf_index': 'words of the first entries',
  'pagefind-1/fragment/en_b5.pf_fragment': 'a first entry',
  'pagefind-2/pagefind-entry.json': ENTRY(4),
  'pagefind-2/pagefind.en_c1.pf_meta': 'meta of the other entries',
  'pagefind-2/filter/en_c2.pf_filter': 'plane filter, again',
  'pagefind-2/index/en_c3.pf_index': 'words of the other entries',
};
const LAYOUT = searchLayout(9, 5);

/** The files every first search loads, but the primary entry file that names the pack. */
const PACKED = [
  'pagefind/pagefind.en_a1.pf_meta',
  'pagefind-1/pagefind-entry.json',
  'pagefind-1/pagefind.en_b1.pf_meta',
  'pagefind-1/filter/en_b2.pf_filter',
  'pagefind-1/filter/en_b3.pf_filter',
  'pagefind-2/pagefind-entry.json',
  'pagefind-2/pagefind.en_c1.pf_meta',
  'pagefind-2/filter/en_c2.pf_filter',
];

/** The pack's files, by path, read as the runtime reads them. */
function unpack(bytes: Buffer): Map<string, string> {
  const headerLength = bytes.readUInt32LE(0);
  let offset = 4 + headerLength;
  const files = new Map<string, string>();
  for (const [path, length] of JSON.parse(bytes.subarray(4, offset).toString('utf8')) as [string, number][]) {
    files.set(path, bytes.subarray(offset, offset + length).toString('utf8'));
    offset += length;
  }
  expect(offset).toBe(bytes.length);
  return files;
}

describe('packSearchIndexes', () => {
  it('packs each index’s entry file, metadata and filters, and names the pack in the primary entry file', () => {
    expect(LAYOUT.indexes).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    const site = folder(SITE);
    const pack = packSearchIndexes(site, LAYOUT);
    expect(pack).toMatchObject({ files: PACKED.length, file: expect.stringMatching(/^pagefind\/multiplane-pack\.[0-9a-f]{16}\.bin$/) });
    const bytes = readFileSync(join(site, pack.file));
    expect(pack.bytes).toBe(bytes.length);
    expect([...unpack(bytes)]).toEqual(PACKED.map((path) => [path, SITE[path as keyof typeof SITE]]));
    const entry = JSON.parse(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry).toEqual({ ...JSON.parse(SITE['pagefind/pagefind-entry.json']), [PACK_FIELD]: pack.file.slice('pagefind/'.length) });
    const worker = readFileSync(join(site, 'pagefind/pagefind-worker.js'), 'utf8');
    expect(worker.startsWith(PACK_RUNTIME)).toBe(true);
    expect(worker).toContain('const response=await multiplanePackedFetch(queued.input);');
    expect(worker).not.toContain('await fetch(queued.input)');
  });

  it('names the pack by its contents: the same indexes make the same pack, a changed filter another', () => {
    const first = packSearchIndexes(folder(SITE), LAYOUT);
    expect(packSearchIndexes(folder(SITE), LAYOUT)).toEqual(first);
    const changed = packSearchIndexes(folder({ ...SITE, 'pagefind-2/filter/en_c2.pf_filter': 'plane filter, changed' }), LAYOUT);
    expect(changed.file).not.toBe(first.file);
  });

  it('replaces the files it changes rather than writing into them, for the search cache links them', () => {
    const site = folder(SITE);
    const cached = folder();
    for (const file of ['pagefind-entry.json', 'pagefind-worker.js']) linkSync(join(site, 'pagefind', file), join(cached, file));
    packSearchIndexes(site, LAYOUT);
    expect(readFileSync(join(cached, 'pagefind-entry.json'), 'utf8')).toBe(SITE['pagefind/pagefind-entry.json']);
    expect(readFileSync(join(cached, 'pagefind-worker.js'), 'utf8')).toBe(WORKER);
    expect(statSync(join(site, 'pagefind', 'pagefind-worker.js')).ino).not.toBe(statSync(join(cached, 'pagefind-worker.js')).ino);
    expect(readdirSync(join(site, 'pagefind')).filter((name) => name.endsWith('.new'))).toEqual([]);
  });

  it('stops, naming itself, when Pagefind’s worker no longer fetches as it expects', () => {
    const site = folder({ ...SITE, 'pagefind/pagefind-worker.js': 'const response=await self.fetch(queued.input);' });
    expect(() => packSearchIndexes(site, LAYOUT)).toThrow(SearchPackError);
    expect(() => packSearchIndexes(site, LAYOUT)).toThrow(/pagefind\/pagefind-worker\.js.*src\/build\/search-pack\.ts expects; update it/);
    // Nothing was changed.
    expect(readFileSync(join(site, 'pagefind/pagefind-entry.json'), 'utf8')).toBe(SITE['pagefind/pagefind-entry.json']);
    expect(readdirSync(join(site, 'pagefind')).some((name) => name.startsWith('multiplane-pack.'))).toBe(false);
  });
});

describe("the pack's reader in Pagefind's worker", () => {
  /**
   * The reader as the worker runs it, for a site served under `/docs/` from `site`, with the
   * requests that reach the host; `serve` may answer a request instead of the site's file.
   */
  function reader(site: string, serve: (path: string) => Response | undefined = () => undefined) {
    const requests: string[] = [];
    const location = new URL('https://platform.example/docs/pagefind/pagefind-worker.js');
    const hostFetch = async (input: string | URL) => {
      const url = new URL(input, location);
      requests.push(url.origin === location.origin ? url.pathname + url.search : url.href);
      const answer = serve(url.pathname);
      if (answer) return answer;
      try {
        return new Response(readFileSync(join(site, url.pathname.slice('/docs/'.length))));
      } catch {
        return new Response('Not found', { status: 404 });
      }
    };
    const packedFetch = new Function('self', 'fetch', `${PACK_RUNTIME}\nreturn multiplanePackedFetch;`)({ location }, hostFetch) as (input: string) => Promise<Response>;
    return { requests, fetch: packedFetch };
  }

  /** What a first search asks for: every index's entry file (the primary's first), metadata and filters, and one word chunk. */
  const FIRST_SEARCH = ['/docs/pagefind/pagefind-entry.json?ts=1', ...PACKED.map((path) => `/docs/${path}`), '/docs/pagefind-1/index/en_b4.pf_index'];

  async function texts(fetch: (input: string) => Promise<Response>): Promise<string[]> {
    return Promise.all(FIRST_SEARCH.map(async (input) => (await fetch(input)).text()));
  }

  const expected = () => [SITE['pagefind/pagefind-entry.json'], ...PACKED.map((path) => SITE[path as keyof typeof SITE]), SITE['pagefind-1/index/en_b4.pf_index']];

  it('answers the packed files from the pack: three requests for what took eleven', async () => {
    const site = folder(SITE);
    const { file } = packSearchIndexes(site, LAYOUT);
    const { requests, fetch } = reader(site);
    const answers = await texts(fetch);
    expect(answers.slice(1)).toEqual(expected().slice(1));
    expect(JSON.parse(answers[0]!)[PACK_FIELD]).toBe(file.slice('pagefind/'.length));
    // The word chunk goes straight to the host, while the rest wait for the entry file and the pack.
    expect(requests.filter((request) => !request.includes('/index/'))).toEqual([expect.stringMatching(/^\/docs\/pagefind\/pagefind-entry\.json\?ts=\d+$/), `/docs/${file}`]);
    expect(requests.filter((request) => request.includes('/index/'))).toEqual(['/docs/pagefind-1/index/en_b4.pf_index']);
  });

  it('fetches each file on its own when the pack is missing, cut short or not named', async () => {
    const site = folder(SITE);
    const { file } = packSearchIndexes(site, LAYOUT);
    const whole = readFileSync(join(site, file));
    const missing = reader(site, (path) => (path.endsWith('.bin') ? new Response('Not found', { status: 404 }) : undefined));
    const cut = reader(site, (path) => (path.endsWith('.bin') ? new Response(whole.subarray(0, whole.length - 3)) : undefined));
    const garbled = reader(site, (path) => (path.endsWith('.bin') ? new Response('not a pack at all') : undefined));
    const unnamed = reader(site, (path) => (path.endsWith('/pagefind/pagefind-entry.json') ? new Response(ENTRY(3)) : undefined));
    for (const { requests, fetch } of [missing, cut, garbled, unnamed]) {
      const answers = await texts(fetch);
      expect(answers.slice(1)).toEqual(expected().slice(1));
      // The primary entry file is still fetched once; each packed file is asked of the host.
      expect(requests.filter((request) => request.includes('/pagefind/pagefind-entry.json'))).toHaveLength(1);
      for (const path of PACKED) expect(requests).toContain(`/docs/${path}`);
    }
  });

  it('hands Pagefind its compressed files inflated, from the pack and from the host alike', async () => {
    // As Pagefind writes them: its signature, then the data, gzip-compressed.
    const compressed = (text: string) => gzipSync(`pagefind_dcd${text}`);
    const written: Record<string, string | Buffer> = Object.fromEntries(Object.entries(SITE).map(([path, text]) => [path, /\.pf_\w+$/.test(path) ? compressed(text) : text]));
    const site = folder({ ...written, 'pagefind/wasm.en.pagefind': compressed('\0asm') });
    packSearchIndexes(site, LAYOUT);
    const { fetch } = reader(site);
    const inflated = async (path: string) => Buffer.from(await (await fetch(`/docs/${path}`)).arrayBuffer()).toString();
    // Packed: metadata and filters; from the host: word chunks, fragments, the WebAssembly.
    for (const path of [...PACKED.filter((path) => !path.endsWith('.json')), 'pagefind-1/index/en_b4.pf_index', 'pagefind-1/fragment/en_b5.pf_fragment']) {
      expect(await inflated(path), path).toBe(`pagefind_dcd${SITE[path as keyof typeof SITE]}`);
    }
    expect(await inflated('pagefind/wasm.en.pagefind')).toBe('pagefind_dcd\0asm');
    // The entry files are JSON, read as they are.
    expect(JSON.parse(await inflated('pagefind-1/pagefind-entry.json'))).toEqual(JSON.parse(ENTRY(5)));
    // A file the host does not have is still the host's answer, for Pagefind to report.
    const missing = await fetch('/docs/pagefind-1/index/en_gone.pf_index');
    expect(missing.status).toBe(404);
  });

  it('leaves alone what the pack does not hold: other files and other hosts', async () => {
    const site = folder(SITE);
    packSearchIndexes(site, LAYOUT);
    const { requests, fetch } = reader(site);
    expect(await (await fetch('/docs/pagefind-1/fragment/en_b5.pf_fragment')).text()).toBe(SITE['pagefind-1/fragment/en_b5.pf_fragment']);
    await fetch('https://elsewhere.example/pagefind/pagefind.en_a1.pf_meta');
    expect(requests).toEqual(['/docs/pagefind-1/fragment/en_b5.pf_fragment', 'https://elsewhere.example/pagefind/pagefind.en_a1.pf_meta']);
  });
});

it('the pack reader is plain JavaScript a browser runs as it is', () => {
  // Written into the site's own files, past any compiler: no TypeScript may slip into it.
  expect(() => new Function(PACK_RUNTIME)).not.toThrow();
});
