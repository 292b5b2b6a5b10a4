import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunbookKind } from '../../core/schemas/runbook.ts';
import { parseCalendarDate } from '../../core/schemas/shared.ts';
import { assignIds } from '../assign-ids.ts';
import { describeFields } from '../describe-fields.ts';
import { takeFirstHeading } from '../first-heading.ts';
import type { CommonImportOptions, ImportedEntry, ImportResult, UnmappedItem } from '../import-result.ts';
import { baseName, listSourceFiles, titleFromFileName } from '../list-files.ts';
import { type NavPlace, readMkdocsConfig } from './mkdocs-config.ts';
import { type Page, readPage } from './read-page.ts';
import { rewriteLinks } from './rewrite-links.ts';

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
const ADMONITION = /^\s*(!!!|\?\?\?\+?|===)\s*[\w"-]/;

/**
 * Imports a folder of plain Markdown pages, such as an MkDocs site, into one collection. Titles
 * come from the MkDocs nav, else the page's own `title`, else its first `# heading` (removed
 * from the body), else the file name; relative links between pages become entry links.
 * Returns the proposed entries and everything that could not be mapped; reads only.
 */
export function importMarkdown(dir: string, options: MarkdownImportOptions): ImportResult {
  const { files, skipped } = listSourceFiles(dir);
  const unmapped: UnmappedItem[] = [...skipped];
  const mkdocs = readMkdocsConfig(dir);
  if (mkdocs) unmapped.push(...mkdocs.unmapped);
  const docsDir = mkdocs?.docsDir ?? '';
  const prefix = docsDir === '' ? '' : `${docsDir}/`;
  const inDocs = new Set<string>();
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
      unmapped.push({ source, what: 'the whole file', why: `not Markdown, so not an entry; if pages link to it, copy it to public/${path}` });
      continue;
    }
    const read = readPage(readFileSync(join(dir, source), 'utf8'));
    if (read.ok) pages.push({ source, path, page: read.page });
    else unmapped.push({ source, what: 'the whole page', why: `not imported: ${read.reason}` });
  }

  const ids = assignIds(pages.map(({ path }) => ({ collection: options.collection, name: baseName(path), path: path.replace(MARKDOWN, '') })));
  const hrefs = new Map(pages.map(({ path }, index) => [path, `/${options.collection}/${ids[index]}/`]));
  const nav: ReadonlyMap<string, NavPlace> = mkdocs?.nav ?? new Map();
  const unlisted = pages.filter(({ path }) => !nav.has(path)).map(({ path }) => path);

  const entries: ImportedEntry[] = pages.map(({ source, path, page }, index) => {
    const place = nav.get(path);
    const links = rewriteLinks(page.body, { from: path, hrefOf: (target) => hrefs.get(target), exists: (target) => inDocs.has(target) });
    for (const problem of links.problems) {
      unmapped.push({ source, what: `${problem.what} (line ${page.bodyLine + problem.line})`, why: problem.why });
    }
    const mapped = mapPage({ ...page, body: links.body }, place, path, options);
    if (nav.size > 0 && !place) {
      unmapped.push({ source, what: 'place in the nav', why: `the page is not in ${mkdocs?.file}'s nav; imported anyway, titled "${mapped.title}"` });
    }
    unmapped.push(...mapped.unmapped.map((item) => ({ source, ...item })));
    return {
      collection: options.collection,
      id: ids[index] ?? baseName(path),
      source,
      data: fieldsFor(options, mapped.common, place?.order ?? nav.size + unlisted.indexOf(path), mapped.date),
      comments: [`Imported from ${source}.`],
      body: mapped.body,
    };
  });

  if (nav.size > 0 && options.collection !== 'whitepaper' && mkdocs) {
    unmapped.push({ source: mkdocs.file, what: `nav order of ${nav.size} pages`, why: `${options.collection} are listed by title; nav section titles became tags` });
  }
  return { format: 'markdown', entries, unmapped, notes: notesFor(options, nav.size > 0), expected: 'a folder of Markdown pages (.md), optionally with an mkdocs.yml' };
}

/**
 * Maps what a page says about itself: its title (see `importMarkdown`), description, tags (its
 * nav sections and its own), and for articles its `date`; everything else it sets is reported.
 */
function mapPage(page: Page, place: NavPlace | undefined, path: string, options: MarkdownImportOptions) {
  const { metadata } = page;
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const metaTitle = text(metadata.title);
  const heading = place?.title || metaTitle ? undefined : takeFirstHeading(page.body);
  const title = place?.title ?? metaTitle ?? heading?.title ?? titleFromFileName(path);
  const description = text(metadata.description);
  const metaTags = Array.isArray(metadata.tags) ? metadata.tags.map(text).filter((tag) => tag !== undefined) : [];
  const tags = [...new Set([...(place?.sections ?? []), ...metaTags])];
  // A dated page (MkDocs's blog plugin writes `date`) keeps its day when it becomes an article.
  const date = options.collection === 'articles' && parseCalendarDate(text(metadata.date) ?? '') ? text(metadata.date) : undefined;
  const unmapped: Omit<UnmappedItem, 'source'>[] = [];
  const admonitions = page.body.split('\n').filter((line) => ADMONITION.test(line)).length;
  if (admonitions > 0) {
    unmapped.push({
      what: `${admonitions} MkDocs admonition${admonitions === 1 ? '' : 's'} or tab${admonitions === 1 ? '' : 's'} (!!!, ???, ===)`,
      why: 'kept as plain text: Starlight writes asides as :::note … :::, so convert them by hand',
    });
  }
  const settings = Object.entries(metadata).filter(([key]) => !MAPPED_META.includes(key) && !(key === 'date' && date));
  if (settings.length > 0) unmapped.push({ what: describeFields(settings), why: 'page settings of the old site, with no matching entry field' });
  return {
    title,
    common: { title, ...(description ? { description } : {}), ...(tags.length > 0 ? { tags } : {}) },
    date,
    body: heading?.body ?? page.body,
    unmapped,
  };
}

function fieldsFor(options: MarkdownImportOptions, common: Record<string, unknown>, order: number, date: string | undefined): Record<string, unknown> {
  switch (options.collection) {
    case 'runbooks':
      return { ...common, owner: options.owner, kind: options.kind, review: { cadence: '1y', last: options.date } };
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
      ];
    case 'articles':
      return [`Articles are written by ${options.owner} and dated ${options.date} unless the page has a date of its own.`];
    case 'whitepaper':
      return [hasNav ? 'Chapters are ordered as in the nav; pages not in it come last, by path.' : 'Chapters are ordered by path.'];
  }
}
