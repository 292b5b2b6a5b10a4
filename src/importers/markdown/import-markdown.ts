import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { RunbookKind } from '../../core/schemas/runbook.ts';
import { parseCalendarDate } from '../../core/schemas/shared.ts';
import { describeFields } from '../describe-fields.ts';
import { conversionNotes, finishEntries } from '../finish-entries.ts';
import { takeFirstHeading } from '../first-heading.ts';
import type { CommonImportOptions, DraftEntry, ImportResult, UnmappedItem } from '../import-result.ts';
import { baseName, listSourceFiles, titleFromFileName } from '../list-files.ts';
import { type NavPlace, readMkdocsConfig } from './mkdocs-config.ts';
import { type Page, readPage } from './read-page.ts';

/** Collections plain Markdown pages can become. */
export const MARKDOWN_TARGETS = ['runbooks', 'articles', 'whitepaper'] as const;
export type MarkdownTarget = (typeof MARKDOWN_TARGETS)[number];

export interface MarkdownImportOptions extends CommonImportOptions {
  readonly collection: MarkdownTarget;
  /** Kind of the runbooks written (`--kind`); ignored for other collections. */
  readonly kind: RunbookKind;
}

const MARKDOWN = /\.(md|markdown)$/i;
const MAPPED_META = ['title', 'description', 'tags'];
/** Pages that stand for their folder, as MkDocs serves them at the folder's address. */
const FOLDER_PAGE = /^(index|readme)$/i;

/**
 * Imports a folder of plain Markdown pages, such as an MkDocs site, into one collection. Titles
 * come from the MkDocs nav, else the page's own `title`, else its first `# heading`, else its
 * file name (a folder's `index.md` or `README.md` takes the folder's name, the home page the
 * site's). The nav's order is kept (`order`), MkDocs admonitions and tabs become asides and
 * `<details>` sections, links between pages become entry links that work under any base path,
 * and the images and files pages show are carried beside the entries. Returns the proposed
 * entries and everything that could not be mapped; reads only.
 */
export function importMarkdown(dir: string, options: MarkdownImportOptions): ImportResult {
  const { files, skipped } = listSourceFiles(dir);
  const unmapped: UnmappedItem[] = [...skipped];
  const mkdocs = readMkdocsConfig(dir);
  if (mkdocs) unmapped.push(...mkdocs.unmapped);
  const docsDir = mkdocs?.docsDir ?? '';
  const prefix = docsDir === '' ? '' : `${docsDir}/`;
  const inDocs = new Set<string>();
  const others: { source: string; path: string }[] = [];
  const pages: { source: string; path: string; page: Page }[] = [];
  for (const source of files) {
    if (source === mkdocs?.file) continue;
    if (!source.startsWith(prefix)) {
      unmapped.push({ source, what: 'the whole file', why: `outside the docs folder ${docsDir}/ that ${mkdocs?.file} names` });
      continue;
    }
    const path = source.slice(prefix.length);
    inDocs.add(path);
    if (!MARKDOWN.test(source)) {
      others.push({ source, path });
      continue;
    }
    const read = readPage(readFileSync(join(dir, source), 'utf8'));
    if (read.ok) pages.push({ source, path, page: read.page });
    else unmapped.push({ source, what: 'the whole page', why: `not imported: ${read.reason}` });
  }

  const nav: ReadonlyMap<string, NavPlace> = mkdocs?.nav ?? new Map();
  const unlisted = pages.filter(({ path }) => !nav.has(path)).map(({ path }) => path);
  const drafts = pages.map(({ source, path, page }): DraftEntry => {
    const place = nav.get(path);
    const mapped = mapPage(page, place, path, mkdocs?.siteName, options.collection);
    if (nav.size > 0 && !place) {
      unmapped.push({ source, what: 'place in the nav', why: `the page is not in ${mkdocs?.file}'s nav; imported after the pages it lists, titled "${mapped.title}"` });
    }
    unmapped.push(...mapped.unmapped.map((item) => ({ source, ...item })));
    const order = nav.size > 0 ? (place?.order ?? nav.size + unlisted.indexOf(path)) : undefined;
    return {
      collection: options.collection,
      name: preferredName(path),
      source,
      page: path,
      bodyLine: page.bodyLine,
      data: fieldsFor(options, mapped.common, order ?? pages.findIndex((candidate) => candidate.path === path), order !== undefined, mapped.date),
      comments: [`Imported from ${source}.`],
      body: page.body,
    };
  });
  const finished = finishEntries(drafts, { root: join(dir, docsDir), rootInSource: docsDir, exists: (path) => inDocs.has(path), dialect: 'mkdocs', prefix: options.prefix });
  unmapped.push(...finished.unmapped);
  const carried = new Set(finished.files.map((file) => file.source));
  for (const { source } of others) {
    if (!carried.has(source)) unmapped.push({ source, what: 'the whole file', why: 'not Markdown, and no page shows or links it, so it was not carried' });
  }
  if (nav.size > 0 && options.collection === 'articles' && mkdocs) {
    unmapped.push({ source: mkdocs.file, what: `nav order of ${nav.size} pages`, why: 'articles are listed newest first; nav section titles became tags' });
  }
  return {
    format: 'markdown',
    entries: finished.entries,
    files: finished.files,
    unmapped,
    notes: [...notesFor(options, nav.size > 0), ...conversionNotes(finished.counts)],
    expected: 'a folder of Markdown pages (.md), optionally with an mkdocs.yml',
  };
}

/**
 * Maps what a page says about itself: its title (see `importMarkdown`), description, tags (its
 * nav sections and its own), and for articles its `date`; everything else it sets is reported.
 */
function mapPage(page: Page, place: NavPlace | undefined, path: string, siteName: string | undefined, collection: MarkdownTarget) {
  const { metadata } = page;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const metaTitle = text(metadata.title);
  const heading = place?.title || metaTitle ? undefined : takeFirstHeading(page.body)?.title;
  const title = place?.title ?? metaTitle ?? heading ?? fallbackTitle(path, siteName);
  const description = text(metadata.description);
  const metaTags = Array.isArray(metadata.tags) ? metadata.tags.map(text).filter((tag) => tag !== undefined) : [];
  const tags = [...new Set([...(place?.sections ?? []), ...metaTags])];
  // A dated page (MkDocs's blog plugin writes `date`) keeps its day when it becomes an article.
  const date = collection === 'articles' && parseCalendarDate(text(metadata.date) ?? '') ? text(metadata.date) : undefined;
  const unmapped: Omit<UnmappedItem, 'source'>[] = [];
  const settings = Object.entries(metadata).filter(([key]) => !MAPPED_META.includes(key) && !(key === 'date' && date));
  if (settings.length > 0) unmapped.push({ what: describeFields(settings), why: 'page settings of the old site, with no matching entry field' });
  return {
    title,
    common: { title, ...(description ? { description } : {}), ...(tags.length > 0 ? { tags } : {}) },
    date,
    unmapped,
  };
}

/** A page's preferred ID: its file name, or for a folder's `index.md` or `README.md` the folder's name (`guide/README.md` is `guide`). */
function preferredName(path: string): string {
  const folder = posix.dirname(path);
  return FOLDER_PAGE.test(baseName(path)) && folder !== '.' ? posix.basename(folder) : baseName(path);
}

/** A page's file name as a title; a folder's `index.md` or `README.md` is named after its folder, the home page after the site. */
function fallbackTitle(path: string, siteName: string | undefined): string {
  const name = baseName(path);
  if (!FOLDER_PAGE.test(name)) return titleFromFileName(path);
  const folder = posix.dirname(path);
  return folder === '.' ? (siteName ?? 'Home') : titleFromFileName(folder);
}

function fieldsFor(options: MarkdownImportOptions, common: Record<string, unknown>, order: number, navOrder: boolean, date: string | undefined): Record<string, unknown> {
  switch (options.collection) {
    case 'runbooks':
      return { ...common, owner: options.owner, kind: options.kind, ...(navOrder ? { order } : {}), review: { cadence: '1y', last: options.date } };
    case 'articles':
      return { ...common, author: options.owner, date: date ?? options.date };
    case 'whitepaper':
      return { ...common, order };
  }
}

function notesFor(options: MarkdownImportOptions, hasNav: boolean): string[] {
  switch (options.collection) {
    case 'runbooks':
      return [
        `Runbooks are of kind ${options.kind}, reviewed yearly, last reviewed on ${options.date}: the pages carry no review dates, so correct them; the check lists the sections the kind requires.`,
        ...(hasNav ? ['Runbooks keep the nav\'s order (order), pages not in it last; nav section titles became tags.'] : []),
      ];
    case 'articles':
      return [`Articles are written by ${options.owner} and dated ${options.date} unless the page has a date of its own.`];
    case 'whitepaper':
      return [hasNav ? 'Chapters are ordered as in the nav; pages not in it come last, by path.' : 'Chapters are ordered by path.'];
  }
}
