import { join, posix } from 'node:path';
import { assignIds } from './assign-ids.ts';
import { addCounts, type BodyProblem, type ConversionCounts } from './body/body-problem.ts';
import { convertBody } from './body/convert-body.ts';
import type { EntryPlace } from './body/rewrite-links.ts';
import type { DraftEntry, ImportedEntry, ImportedFile, UnmappedItem } from './import-result.ts';

/** How the drafts of one import are finished. */
export interface FinishOptions {
  /** Absolute path of the tree page paths are relative to (an MkDocs docs folder, or the project). */
  readonly root: string;
  /** The tree's path inside the imported folder (`docs`), or `''`: report lines name files from the imported folder. */
  readonly rootInSource: string;
  /** Whether a root-relative path is a file of the tree. */
  readonly exists: (path: string) => boolean;
  readonly dialect: 'mkdocs' | 'pandoc';
  readonly placeholders?: Readonly<Record<string, string>>;
  /** The import's folder inside each collection folder (`--prefix`), or `''`. */
  readonly prefix: string;
}

/** Finished entries, the files they need beside them, and what their bodies left unconverted. */
export interface FinishedEntries {
  readonly entries: ImportedEntry[];
  readonly files: ImportedFile[];
  readonly unmapped: UnmappedItem[];
  readonly counts: ConversionCounts;
}

/**
 * Gives the drafts their IDs (see `assignIds`), then converts each body now that every page's
 * entry is known, so links between pages can point at entries (see `convertBody`).
 */
export function finishEntries(drafts: readonly DraftEntry[], options: FinishOptions): FinishedEntries {
  const ids = assignIds(
    drafts.map((draft) => ({ collection: draft.collection, name: draft.name, path: draft.page.replace(/\.[^./]+$/, '') })),
    options.prefix,
  );
  const places = new Map<string, EntryPlace>(drafts.map((draft, index) => [draft.page, { collection: draft.collection, id: ids[index] ?? draft.name }]));
  const files = new Map<string, ImportedFile>();
  const unmapped: UnmappedItem[] = [];
  const counts: ConversionCounts = {};
  const entries = drafts.map(({ name, bodyLine, page, ...draft }, index): ImportedEntry => {
    const place = places.get(page) ?? { collection: draft.collection, id: ids[index] ?? name };
    const converted = convertBody(draft.body, {
      title: String(draft.data.title ?? ''),
      firstLine: bodyLine,
      dialect: options.dialect,
      ...(options.placeholders ? { placeholders: options.placeholders } : {}),
      links: { from: page, page: place, entryOf: (path) => places.get(path), exists: options.exists, folder: options.prefix },
    });
    for (const file of converted.files) {
      const usedBy = [...(files.get(file.target)?.usedBy ?? []), draft.source];
      files.set(file.target, { absolute: join(options.root, file.source), source: posix.join(options.rootInSource, file.source), target: file.target, usedBy });
    }
    unmapped.push(...grouped(converted.problems).map((problem) => ({ source: draft.source, ...problem })));
    addCounts(counts, converted.counts);
    return { ...draft, id: place.id, body: converted.body };
  });
  return { entries, files: [...files.values()], unmapped, counts };
}

/**
 * The problems of one page, each kind once: a construct repeated on many lines (a placeholder
 * used throughout) is one report line naming the others.
 */
function grouped(problems: readonly BodyProblem[]): BodyProblem[] {
  const groups = new Map<string, BodyProblem[]>();
  for (const problem of problems) {
    const key = `${problem.what}\u0000${problem.why}`;
    groups.set(key, [...(groups.get(key) ?? []), problem]);
  }
  return [...groups.values()].map((group) => {
    const [first, ...rest] = group as [BodyProblem, ...BodyProblem[]];
    return rest.length === 0 ? first : { ...first, what: `${first.what} (${group.length} times, also on lines ${rest.map((problem) => problem.line).join(', ')})` };
  });
}

/** Sentences for the report saying what the conversion did across all pages, or none. */
export function conversionNotes(counts: ConversionCounts): string[] {
  const parts: string[] = [];
  const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  if (counts.admonitions) {
    parts.push(`${plural(counts.admonitions, 'MkDocs admonition')} into Starlight asides${counts.collapsible ? ` (${counts.collapsible} collapsible, now shown open)` : ''}`);
  }
  if (counts.frames) parts.push(`${plural(counts.frames, 'embedded frame')} (videos) into links`);
  if (counts.attributeLists) parts.push(`${plural(counts.attributeLists, 'Python-Markdown attribute list')} ({: …}) removed`);
  if (counts.tabs) parts.push(`${plural(counts.tabs, 'tab group')} into <details> sections, the first one open`);
  if (counts.tables) parts.push(`${plural(counts.tables, 'pandoc grid table')} into Markdown tables`);
  if (counts.lists) parts.push(`${plural(counts.lists, 'lettered or roman list item')} into numbered ones`);
  if (counts.placeholders) parts.push(`${plural(counts.placeholders, 'template placeholder')} filled in from comply.yml`);
  if (counts.titleHeadings) parts.push(`${plural(counts.titleHeadings, 'heading')} repeating the title removed`);
  if (counts.demotedBodies) parts.push(`the headings of ${plural(counts.demotedBodies, 'page')} one level down, under the title`);
  return parts.length === 0 ? [] : [`Converted: ${parts.join('; ')}.`];
}
