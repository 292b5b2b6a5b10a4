import type { EntryCollectionName } from '../core/schemas/index.ts';

/** One entry an importer proposes to write: frontmatter data and body, not yet validated. */
export interface ImportedEntry {
  readonly collection: EntryCollectionName;
  /** Entry ID; the file is written to `<collection folder>/<id>.md`. */
  readonly id: string;
  /** The source file, relative to the imported folder, with `/` separators. */
  readonly source: string;
  /** Frontmatter fields in the order they are written. */
  readonly data: Record<string, unknown>;
  /** Lines written as YAML comments above the fields, e.g. where the entry came from. */
  readonly comments: readonly string[];
  /** The Markdown body. */
  readonly body: string;
}

/** Something of the source the import could not carry over, reported as `source: what, why`. */
export interface UnmappedItem {
  /** The source file (or folder), relative to the imported folder. */
  readonly source: string;
  /** The 1-based line of the source file, for something inside a page's body. */
  readonly line?: number;
  /** What was left out or left open. */
  readonly what: string;
  /** Why, and where relevant what to do about it. */
  readonly why: string;
}

/** What an importer found: the entries it proposes and everything it could not map. */
export interface ImportResult {
  /** Name of the source format, e.g. `comply`. */
  readonly format: string;
  readonly entries: ImportedEntry[];
  /** Images and other files the entries show or link, to be copied beside them. */
  readonly files: ImportedFile[];
  readonly unmapped: UnmappedItem[];
  /** Sentences about values the importer filled in for every entry (placeholders, defaults). */
  readonly notes: string[];
  /** What the format's folder should contain, said when nothing could be imported. */
  readonly expected: string;
}

/** A file of the source an imported entry shows or links, copied beside the entry. */
export interface ImportedFile {
  /** Absolute path of the source file. */
  readonly absolute: string;
  /** The source file, relative to the imported folder, with `/` separators. */
  readonly source: string;
  /** Where it goes, relative to the content folder, e.g. `runbooks/assets/img/escalation.png`. */
  readonly target: string;
  /** The sources of the entries that show or link it. */
  readonly usedBy: readonly string[];
}

/** Options every importer understands. */
export interface CommonImportOptions {
  /** Owner ID written into owned entries (a placeholder unless the user named one). */
  readonly owner: string;
  /** Whether `owner` is the placeholder, so the notes can say so. */
  readonly ownerIsPlaceholder: boolean;
  /** The import day, YYYY-MM-DD, used where the source has no date. */
  readonly date: string;
  /**
   * A folder inside each collection folder for this import's entries (`--prefix`), so that two
   * sources share a collection without their IDs (two `index.md`) clashing; `''` for none.
   */
  readonly prefix: string;
}

/**
 * The owner written when `--owner` is not given. It names no real owner on purpose, so that the
 * governance check's owner-exists rule flags every imported entry until someone takes it over.
 */
export const PLACEHOLDER_OWNER = 'unassigned-owner';

/**
 * An entry before IDs are given out and its body converted: `name` is the preferred short ID
 * (see `assignIds`), `body` still the source's.
 */
export interface DraftEntry extends Omit<ImportedEntry, 'id'> {
  readonly name: string;
  /** Line of the source file the body starts on. */
  readonly bodyLine: number;
  /** The page's path inside the tree its links are relative to (an MkDocs docs folder). */
  readonly page: string;
}
