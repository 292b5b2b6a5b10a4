import { createHash } from 'node:crypto';
import fs, { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { linkKeptPages } from '../../src/build/astro-links.ts';
import { completePolicy, completeScriptHashes, UnreviewedScriptError } from '../../src/build/csp-step.ts';
import { inlineScripts, scriptHash } from '../../src/build/inline-scripts.ts';
import { readLedger } from '../../src/build/kept-pages.ts';
import { pageView, viewBytes, viewText } from '../../src/build/page-bytes.ts';
import { completePoliciesAsWritten, type PageAsWritten, readPagesAsWritten, writePagesAsWritten } from '../../src/build/policies-as-written.ts';
import { searchPage, structureDigest } from '../../src/build/search-pages.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';
import { starlightPage } from '../helpers/starlight-page.ts';

const folderWith = scratchFolders('as-written');

// Each test patches `fs.promises.writeFile` as Astro's process does; it is put back after it.
const { writeFile, copyFile } = fs.promises;
afterEach(() => {
  Object.assign(fs.promises, { writeFile, copyFile });
});

/** Writes `html` as Astro writes a page: the bytes, to a `file:` URL. */
const astroWrites = (file: string, html: string) => fs.promises.writeFile(pathToFileURL(file), Buffer.from(html));

describe("pages' policies completed as Astro writes them", () => {
  it('writes each HTML page of the build complete, and records what the policy pass would have found', async () => {
    const out = folderWith({});
    const elsewhere = folderWith({});
    // Told of each page once it is written whole, as the build reads them while Astro renders the rest.
    const told: [string, string][] = [];
    const { pages, stop } = completePoliciesAsWritten(out, (page, written) => told.push([page, readFileSync(join(out, page), 'utf8').length === written.size ? written.search.html : 'not whole']));
    fs.mkdirSync(join(out, 'services/api'), { recursive: true });
    await astroWrites(join(out, 'services/api/index.html'), starlightPage('<p>API</p>'));
    await fs.promises.writeFile(join(out, 'index.html'), starlightPage());
    await fs.promises.writeFile(join(out, 'catalog.json'), '{"a":1}');
    await fs.promises.writeFile(join(elsewhere, 'page.html'), starlightPage());

    const completed = completePolicy(starlightPage('<p>API</p>')).html;
    expect(readFileSync(join(out, 'services/api/index.html'), 'utf8')).toBe(completed);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(completePolicy(starlightPage()).html);
    const { page: _, ...search } = searchPage('services/api/index.html', completed);
    expect(pages.get('services/api/index.html')).toEqual({ size: Buffer.byteLength(completed), changed: true, search, unreviewed: [] });
    // Only the build's HTML pages: other files, and pages elsewhere, are written as they come.
    expect([...pages.keys()].sort()).toEqual(['index.html', 'services/api/index.html']);
    expect(told).toEqual([...pages].map(([page, written]) => [page, written.search.html]));
    expect(readFileSync(join(out, 'catalog.json'), 'utf8')).toBe('{"a":1}');
    expect(readFileSync(join(elsewhere, 'page.html'), 'utf8')).toBe(starlightPage());

    // A page already complete is written as it is; after `stop`, nothing is completed or recorded.
    await astroWrites(join(out, 'done.html'), completed);
    expect(pages.get('done.html')?.changed).toBe(false);
    stop();
    await astroWrites(join(out, 'late.html'), starlightPage());
    expect(readFileSync(join(out, 'late.html'), 'utf8')).toBe(starlightPage());
    expect(pages.has('late.html')).toBe(false);
  });

  it('records an inline script nobody reviewed, and the policy pass stops the build on it, naming the page', async () => {
    const out = folderWith({});
    const { pages } = completePoliciesAsWritten(out);
    await astroWrites(join(out, 'index.html'), starlightPage('<script>alert(1)</script>'));
    expect(pages.get('index.html')?.unreviewed).toEqual(['alert(1)']);
    const error = await completeScriptHashes(out, { asWritten: pages }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnreviewedScriptError);
    expect((error as UnreviewedScriptError).scripts).toEqual([{ page: 'index.html', excerpt: 'alert(1)' }]);
  });

  it('reads back what it recorded, and nothing from a missing, cut-short or other version of the file', () => {
    const folder = folderWith({});
    const file = join(folder, 'policies.json');
    const page: PageAsWritten = { size: 10, changed: true, search: { html: 'h', structure: 's', marked: true }, unreviewed: [] };
    writePagesAsWritten(file, new Map([['index.html', page]]));
    expect(readPagesAsWritten(file)).toEqual(new Map([['index.html', page]]));
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));
    expect(readPagesAsWritten(file).size).toBe(0);
    writeFileSync(file, JSON.stringify({ version: 0, pages: { 'index.html': page } }));
    expect(readPagesAsWritten(file).size).toBe(0);
    expect(readPagesAsWritten(join(folder, 'missing')).size).toBe(0);
  });
});

describe('what the search step is told of a page', () => {
  // Multi-byte characters, one of them ("à", C3 A0) with the byte U+00A0 stands for in a view.
  const text = starlightPage('<h2 id="x">Ünïcode à — ✓</h2><h3>Steps</h3><p data-pagefind-weight="2">à x</p>');

  it('is the same from the written bytes as from the view, and the same digests as from the decoded text, piece by piece', () => {
    const view = completePolicy(pageView(Buffer.from(text))).html;
    const completed = viewText(view);
    expect(completed).toContain('<h2 id="x">Ünïcode à — ✓</h2>');
    expect(searchPage('a.html', view, viewBytes(view))).toEqual(searchPage('a.html', view));
    // The digests recorded by earlier builds (search caches, the ledger), which read the decoded
    // text, stay valid.
    const pieces = createHash('sha256');
    for (const match of completed.matchAll(/<html[\s>][^>]*>?|<h([1-6])[\s>/][\s\S]*?<\/h\1\s*>|data-pagefind-[\w-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?/gi)) pieces.update(match[0]).update('\0');
    expect(structureDigest(view)).toBe(pieces.digest('base64url'));
    expect(searchPage('a.html', view).html).toBe(createHash('sha256').update(completed).digest('base64url'));
  });

  it('completes the policy of a page read as bytes as of the same page read as text', () => {
    const ascii = starlightPage('<p>API</p>');
    expect(completePolicy(pageView(Buffer.from(ascii))).html).toBe(completePolicy(ascii).html);
    const completed = viewText(completePolicy(pageView(Buffer.from(text))).html);
    // The policy moved first in <head>, and not a character of the page lost or changed.
    expect(completed.indexOf('content-security-policy')).toBeLessThan(completed.indexOf('<title>'));
    expect(completed.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '')).toBe(text.replace(/<meta http-equiv="content-security-policy"[^>]*>/, ''));
  });

  it("hashes each inline script as the browser does, from the page's bytes, also when it has hashed the same script before", () => {
    const body = 'console.log("ünïcode à")';
    const expected = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    expect(scriptHash(body)).toBe(expected);
    const page = pageView(Buffer.from(`<p>x</p><script>${body}</script><script>${body}</script>`));
    expect(inlineScripts(page)).toEqual([
      { body, hash: expected },
      { body, hash: expected },
    ]);
    // Not allowed: the excerpt that names it is the text, not its bytes.
    expect(completePolicy(pageView(Buffer.from(starlightPage(`<script>${body}</script>`)))).unreviewed).toEqual([body]);
  });
});

describe('the policy pass after pages completed as written', () => {
  it('takes a recorded page as recorded, without reading it, and reads a page written again since', async () => {
    const html = completePolicy(starlightPage('<p>API</p>')).html;
    const site = folderWith({ 'a/index.html': html, 'b/index.html': starlightPage('<p>B, written again</p>') });
    const recorded = (size: number): PageAsWritten => ({ size, changed: true, search: { html: 'as recorded', structure: 'as recorded', marked: true }, unreviewed: [] });
    const asWritten = new Map([
      ['a/index.html', recorded(Buffer.byteLength(html))],
      ['b/index.html', recorded(1)],
    ]);
    const pass = await completeScriptHashes(site, { asWritten });
    expect(pass.pages.map((page) => [page.page, page.html])).toEqual([
      ['a/index.html', 'as recorded'],
      ['b/index.html', searchPage('b/index.html', completePolicy(starlightPage('<p>B, written again</p>')).html).html],
    ]);
    // a/ was changed as written, b/ by the pass.
    expect(pass.changed).toBe(2);
    expect(readFileSync(join(site, 'b/index.html'), 'utf8')).toBe(completePolicy(starlightPage('<p>B, written again</p>')).html);
  });

  it("makes Astro's kept copy the page it wrote, and the ledger records it so the next pass neither reads nor checks it", async () => {
    const out = folderWith({});
    const kept = folderWith({});
    const ledger = join(folderWith({}), 'ledger.json');
    const { pages } = completePoliciesAsWritten(out);
    expect(linkKeptPages(kept, out)).toBe(true);
    // As Astro writes a page it rendered: into the build, then the same text as its kept copy.
    for (const folder of [out, kept]) fs.mkdirSync(join(folder, 'a'), { recursive: true });
    const body = Buffer.from(starlightPage('<p>A</p>'));
    await fs.promises.writeFile(pathToFileURL(join(out, 'a/index.html')), body);
    await fs.promises.writeFile(pathToFileURL(join(kept, 'a/index.html')), body);
    expect(statSync(join(kept, 'a/index.html')).ino).toBe(statSync(join(out, 'a/index.html')).ino);
    // Text other than the page's is its own file.
    fs.mkdirSync(join(out, 'b'));
    fs.mkdirSync(join(kept, 'b'));
    await fs.promises.writeFile(pathToFileURL(join(out, 'b/index.html')), Buffer.from(starlightPage('<p>B</p>')));
    await fs.promises.writeFile(pathToFileURL(join(kept, 'b/index.html')), Buffer.from(starlightPage('<p>B, other</p>')));
    expect(statSync(join(kept, 'b/index.html')).ino).not.toBe(statSync(join(out, 'b/index.html')).ino);

    const pass = await completeScriptHashes(out, { keepIn: kept, ledger, asWritten: pages });
    // a/ as recorded; b/, read because of its copy, was complete already.
    expect(pass.changed).toBe(1);
    // b/'s copy was made the page; nothing is left beside either copy.
    expect(readFileSync(join(kept, 'b/index.html'), 'utf8')).toBe(readFileSync(join(out, 'b/index.html'), 'utf8'));
    expect(readdirSync(join(kept, 'a'))).toEqual(['index.html']);
    expect(readdirSync(join(kept, 'b'))).toEqual(['index.html']);
    expect([...readLedger(ledger).keys()].sort()).toEqual(['a/index.html', 'b/index.html']);
    expect(readLedger(ledger).get('a/index.html')?.search).toEqual(pages.get('a/index.html')?.search);
    expect((await completeScriptHashes(out, { keepIn: kept, ledger })).reused).toBe(2);
  });

  it('leaves nothing beside a kept copy that already is the unchanged page', async () => {
    const html = completePolicy(starlightPage('<p>A</p>')).html;
    const site = folderWith({ 'a/index.html': html });
    const kept = folderWith({});
    fs.mkdirSync(join(kept, 'a'));
    fs.linkSync(join(site, 'a/index.html'), join(kept, 'a/index.html'));
    expect((await completeScriptHashes(site, { keepIn: kept })).changed).toBe(0);
    expect(readdirSync(join(kept, 'a'))).toEqual(['index.html']);
    expect(existsSync(join(kept, 'a/index.html'))).toBe(true);
  });
});
