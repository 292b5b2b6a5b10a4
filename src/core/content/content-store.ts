import { existsSync, type Stats, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { createFinding } from '../findings/create-finding.ts';
import type { Finding } from '../findings/finding.ts';
import { COLLECTIONS, type EntryCollectionName, type Governance, GovernanceSchema } from '../schemas/index.ts';
import type { AnyEntry } from './entry.ts';
import { linkedFiles } from './linked-files.ts';
import { type CollectionFile, listCollectionFiles } from './list-files.ts';
import { createLocator, type Locator } from './locator.ts';
import type { MdxAllowlist, MdxSafetyProblem } from '../markdown/mdx-safety.ts';
import { type FrontmatterCache, openFrontmatterCache } from './frontmatter-cache.ts';
import { saveCache } from '../markdown/keyed-cache.ts';
import { type FactsOf, type ParsedFile, parseMarkdownEntry, parsePlatformFile, parseYaml } from './parse-entry.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { analyzeBodies, type BodyItem } from '../markdown/analyze-bodies.ts';
import type { BodyFacts } from '../markdown/body-facts.ts';
import { readSource } from './read-source.ts';
import { schemaFindings } from './schema-findings.ts';

export interface LoadOptions {
  /** Project root; file paths in findings are relative to it. */
  readonly root: string;
  /** The content folder, absolute or relative to the root. Defaults to `content`. */
  readonly contentDir?: string;
}

export interface LoadedContent {
  /** Every entry that parsed and validated, the platform first. */
  readonly entries: AnyEntry[];
  /** Governance settings, defaults applied (also when the file is missing or invalid). */
  readonly governance: Governance;
  /** The governance file, for rules that check the settings themselves. */
  readonly governanceFile: { readonly file: string; readonly locator: Locator } | undefined;
  /** Problems that kept files from becoming entries. */
  readonly findings: Finding[];
  /**
   * Keys of entries whose files exist but failed to load. References to them are not reported
   * as dangling: the file's own error says what is wrong, once.
   */
  readonly rejected: ReadonlySet<string>;
  /** Number of files read. */
  readonly files: number;
  /** Number of files parsed by this load; the others were unchanged since the previous one. */
  readonly parsed: number;
}

const MDX = /\.mdx$/i;

/** The files of each collection folder, as `listCollectionFiles` gives them. */
type Listing = Map<EntryCollectionName, CollectionFile[]>;

/** A file read ahead of its parse, with the stamp it was read at. */
interface Read {
  readonly stamp: string | undefined;
  readonly source: ReturnType<typeof readSource>;
}

/** What one file on disk last gave, and the stamp it was read at. */
interface Cached {
  readonly stamp: string;
  readonly result: ParsedFile;
  /** The text of an MDX file, whose safety depends on the allowlist of the moment. */
  readonly mdxText?: string;
}

/**
 * What the store parses beyond YAML with. The caller hands them in, so that a load which parses no
 * body and no MDX file (a warm check) never loads the Markdown parsers: Sätteri, micromark with
 * its extensions, the mdast utilities and acorn are some 250 modules and 0.15–0.2 s of a check's
 * start.
 */
export interface BodyParsers {
  /** The facts of a body that no cache answered for. */
  readonly factsOf: FactsOf;
  /** The parts of an MDX file that could run code at build time (see mdx-safety.ts). */
  readonly mdxProblems: (text: string, allow: MdxAllowlist) => readonly MdxSafetyProblem[];
}

export interface AsyncLoadOptions {
  /** Where body facts and validated frontmatter are cached between runs (`<root>/.cache/multiplane/…`); nothing is cached without it. */
  readonly cacheDir?: string | undefined;
  /** Told when the cache cannot be written or worker threads cannot be used. */
  readonly warn?: ((message: string) => void) | undefined;
  /** Handed the writing of the caches, to call later (see `AnalyzeBodiesOptions.saveLater`); else they are written before the content is returned. */
  readonly saveLater?: ((save: () => void) => void) | undefined;
}

/**
 * Loads a content folder into validated entries, and keeps them: a later load re-reads and
 * re-parses only the files whose size, time or inode changed, so the dev server answers an edit
 * by parsing one file. `loadContent` is the one-shot form.
 *
 * `load()` parses bodies in this thread with the parsers it is handed (`loadContent` hands them
 * in); `loadAsync()` reads their facts from a cache, parses the others in worker threads, which is
 * what a check of thousands of files wants, and loads the parsers only when something needs them.
 *
 * It never throws on bad content: one run reports every problem of every file.
 */
export class ContentStore {
  readonly root: string;
  readonly contentDir: string;
  readonly #cache = new Map<string, Cached>();

  constructor(options: LoadOptions) {
    this.root = options.root;
    this.contentDir = resolve(options.root, options.contentDir ?? 'content');
  }

  /** Reads the content folder as it is now, parsing changed bodies in this thread with `parsers`. */
  load(parsers: BodyParsers): LoadedContent {
    return this.#load(this.#list(), new Map(), new Map(), new Map(), parsers);
  }

  /**
   * Reads the content folder as it is now, body facts from the cache or parsed in worker threads.
   * The changed files are read once: their text goes on to the parse below.
   */
  async loadAsync(options: AsyncLoadOptions = {}): Promise<LoadedContent> {
    const items: BodyItem<string>[] = [];
    const sources = new Map<string, Read>();
    const stamps = new Map<string, string | undefined>();
    const listing = this.#list();
    for (const candidate of this.#changedMarkdown(listing, stamps)) {
      const source = readSource(candidate.absolute, this.contentDir, { link: candidate.link, stat: candidate.stat });
      sources.set(candidate.absolute, { stamp: candidate.stamp, source });
      if (!source.ok) continue;
      const split = splitFrontmatter(source.text);
      if (split.frontmatter === undefined || split.unclosed) continue;
      items.push({ key: candidate.absolute, body: split.body, firstLine: split.bodyLine, mdx: MDX.test(candidate.absolute) });
    }
    // A store that has loaded before asks the caches only for the files changed since: what the
    // others gave stays on disk for the next process, which starts without this store's memory.
    const keepUnused = this.#cache.size > 0;
    const facts = await analyzeBodies(items, { cacheDir: options.cacheDir, warn: options.warn, keepUnused, saveLater: options.saveLater });
    const parsers = await parsersFor(listing, items.some((item) => !facts.has(item.key)));
    const frontmatter = openFrontmatterCache(options.cacheDir);
    const loaded = this.#load(listing, facts, sources, stamps, parsers, frontmatter);
    saveCache(frontmatter, { keepUnused, warn: options.warn, later: options.saveLater });
    return loaded;
  }

  /** The files of every collection folder, listed once per load: both passes over them walk this. */
  #list(): Listing {
    const listing: Listing = new Map();
    for (const definition of Object.values(COLLECTIONS)) {
      if (definition.source.kind !== 'folder') continue;
      const collection = definition.name as EntryCollectionName;
      listing.set(collection, [...listCollectionFiles(this.contentDir, collection)]);
    }
    return listing;
  }

  /**
   * Markdown files whose stamp differs from the last load's, with their stamp. The stamp of every
   * Markdown file goes into `stamps`, for the load to take the same one: a file written between
   * the two is then taken as it was (its change is the next load's), never stat'ed twice, and
   * never found changed after the bodies to parse were chosen.
   */
  *#changedMarkdown(listing: Listing, stamps: Map<string, string | undefined>): Generator<{ absolute: string; stamp: string | undefined; stat: Stats | undefined; link: boolean }> {
    for (const candidates of listing.values()) {
      for (const candidate of candidates) {
        if (!candidate.markdown || !candidate.regular) continue;
        const stat = statOf(candidate.absolute);
        const stamp = stampOf(stat);
        stamps.set(candidate.absolute, stamp);
        const cached = this.#cache.get(candidate.absolute);
        if (!cached || cached.stamp !== stamp) yield { absolute: candidate.absolute, stamp, stat, link: candidate.link };
      }
    }
  }

  #load(
    listing: Listing,
    prepared: ReadonlyMap<string, BodyFacts>,
    sources: ReadonlyMap<string, Read>,
    stamps: ReadonlyMap<string, string | undefined>,
    parsers: BodyParsers,
    known?: FrontmatterCache,
  ): LoadedContent {
    const findings: Finding[] = [];
    const entries: AnyEntry[] = [];
    const rejected = new Set<string>();
    const seen = new Set<string>();
    const others: { absolute: string; name: string; folder: string }[] = [];
    let files = 0;
    let parsed = 0;
    const fileOf = (absolute: string) => relative(this.root, absolute).split(sep).join('/');

    /** Reads and parses one file unless it is unchanged since the last load. */
    const read = (
      absolute: string,
      parse: (file: string, text: string, factsOf: FactsOf) => ParsedFile,
      key: string | undefined,
      link = true,
    ): Cached['result'] & { mdxText?: string } => {
      seen.add(absolute);
      files++;
      const file = fileOf(absolute);
      const known = sources.get(absolute);
      const stat = known || stamps.has(absolute) ? undefined : statOf(absolute);
      const stamp = known ? known.stamp : stamps.has(absolute) ? stamps.get(absolute) : stampOf(stat);
      const cached = this.#cache.get(absolute);
      if (cached && stamp !== undefined && cached.stamp === stamp) return { ...cached.result, ...(cached.mdxText !== undefined ? { mdxText: cached.mdxText } : {}) };
      parsed++;
      const source = known?.source ?? readSource(absolute, this.contentDir, { link, stat });
      const facts = prepared.get(absolute);
      const result: ParsedFile = source.ok
        ? parse(file, source.text, facts ? () => facts : parsers.factsOf)
        : { entry: undefined, findings: [source.problem.at({ file, line: 1, entry: key })] };
      const mdxText = source.ok && MDX.test(absolute) ? source.text : undefined;
      if (stamp !== undefined) this.#cache.set(absolute, { stamp, result, ...(mdxText !== undefined ? { mdxText } : {}) });
      return { ...result, ...(mdxText !== undefined ? { mdxText } : {}) };
    };

    // The platform file: one YAML document.
    let mdx = { trusted: ['whitepaper'], components: ['@astrojs/starlight/components'] };
    const platformPath = join(this.contentDir, COLLECTIONS.platform.source.path);
    if (existsSync(platformPath)) {
      const result = read(platformPath, parsePlatformFile, undefined);
      findings.push(...result.findings);
      if (result.entry?.collection === 'platform') {
        entries.push(result.entry);
        mdx = result.entry.data.mdx;
      } else {
        rejected.add('platform/platform');
      }
    } else {
      findings.push(createFinding(DIAGNOSTICS.platformMissing, {}, { file: fileOf(platformPath), line: 1 }));
    }

    // Governance settings: optional, defaults otherwise.
    let governance = GovernanceSchema.parse({});
    let governanceFile: LoadedContent['governanceFile'];
    const governancePath = join(this.contentDir, 'governance.yaml');
    if (existsSync(governancePath)) {
      const result = read(governancePath, parseGovernanceFile, undefined);
      findings.push(...result.findings);
      const settings = (result as GovernanceParse).governance;
      if (settings) {
        governance = settings.value;
        governanceFile = { file: fileOf(governancePath), locator: settings.locator };
      }
    }

    for (const [collection, candidates] of listing) {
      const definition = COLLECTIONS[collection];
      for (const candidate of candidates) {
        const file = fileOf(candidate.absolute);
        const key = `${collection}/${candidate.id}`;
        if (!candidate.markdown) {
          // Reported below unless an entry shows or links it (an image beside its entry).
          others.push({ absolute: candidate.absolute, name: candidate.name, folder: definition.source.path });
          continue;
        }
        if (!candidate.regular) {
          findings.push(createFinding(DIAGNOSTICS.fileUnsupported, { name: candidate.name, reason: 'not-regular', folder: definition.source.path }, { file, line: 1, entry: key }));
          rejected.add(key);
          continue;
        }
        const isMdx = /\.mdx$/i.test(candidate.name);
        if (isMdx && !mdx.trusted.includes(collection)) {
          files++;
          seen.add(candidate.absolute);
          findings.push(createFinding(DIAGNOSTICS.mdxUntrusted, { name: candidate.name, collection, trusted: mdx.trusted }, { file, line: 1, entry: key }));
          rejected.add(key);
          continue;
        }
        const result = read(candidate.absolute, (path, text, factsOf) => parseMarkdownEntry(collection, candidate.id, path, text, factsOf, known), key, candidate.link);
        findings.push(...result.findings);
        const entry = result.entry;
        if (entry && isMdx) findings.push(...mdxFindings(entry, result.mdxText ?? '', mdx.components, parsers));
        if (entry) entries.push(entry);
        else rejected.add(key);
      }
    }
    const linked = linkedFiles(entries, this.root, this.contentDir);
    findings.push(...linked.findings);
    for (const other of others) {
      if (linked.used.has(other.absolute)) continue;
      findings.push(createFinding(DIAGNOSTICS.fileUnsupported, { name: other.name, reason: 'not-markdown', folder: other.folder }, { file: fileOf(other.absolute), line: 1 }));
    }
    // Forget deleted files, so the cache never outgrows the folder.
    for (const path of this.#cache.keys()) if (!seen.has(path)) this.#cache.delete(path);
    return { entries, governance, governanceFile, findings, rejected, files, parsed };
  }
}

/**
 * The parsers a load needs, loaded now: the body analyzer when some body has no facts yet, the
 * MDX checker when the folders hold an MDX file (its findings depend on the allowlist of the
 * moment, so they are never cached). Neither is loaded for content that needs neither.
 */
async function parsersFor(listing: Listing, unanalyzed: boolean): Promise<BodyParsers> {
  const hasMdx = [...listing.values()].some((files) => files.some((file) => MDX.test(file.name)));
  const [analyzer, safety] = await Promise.all([
    unanalyzed ? import('../markdown/analyze-body.ts') : undefined,
    hasMdx ? import('../markdown/mdx-safety.ts') : undefined,
  ]);
  return {
    factsOf: analyzer ? (body, bodyLine, mdx) => analyzer.analyzeBody(body, bodyLine, { mdx }) : unreachable('a body without facts'),
    mdxProblems: safety ? safety.mdxFileSafetyProblems : unreachable('an MDX file'),
  };
}

/** A parser `parsersFor` found no use for: asking it anyway is a fault of this module, not of the content. */
function unreachable(what: string): () => never {
  return () => {
    throw new Error(`The content store met ${what} after deciding it had none; this is a bug in Multiplane.`);
  };
}

/** The file's status, its link followed; undefined when it cannot be had (`readSource` says why). */
function statOf(absolute: string): Stats | undefined {
  try {
    return statSync(absolute);
  } catch {
    return undefined;
  }
}

/** Size, times and inode: a file with the same stamp has not been written since. */
function stampOf(stat: Stats | undefined): string | undefined {
  return stat && `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

interface GovernanceParse extends ParsedFile {
  readonly governance?: { readonly value: Governance; readonly locator: Locator };
}

function parseGovernanceFile(file: string, text: string): GovernanceParse {
  const findings: Finding[] = [];
  const data = parseYaml(text, 1, file, findings, undefined);
  if (data === undefined) return { entry: undefined, findings };
  const locator = createLocator(text, 1);
  const result = GovernanceSchema.safeParse(data ?? {}, { reportInput: true });
  if (!result.success) {
    findings.push(...schemaFindings(result.error.issues, { file, locator, schema: GovernanceSchema }));
    return { entry: undefined, findings };
  }
  return { entry: undefined, findings, governance: { value: result.data, locator } };
}

/**
 * The parts of an MDX entry that could run code at build time: decided on the file as Astro's MDX
 * compiler reads it, with the parsers that compile it (see mdx-safety.ts), never line by line.
 */
function mdxFindings(entry: AnyEntry, text: string, components: readonly string[], parsers: BodyParsers): Finding[] {
  return parsers.mdxProblems(text, { components }).map((problem) =>
    createFinding(DIAGNOSTICS.mdxImport, { message: problem.message, hint: problem.hint }, { file: entry.file, line: problem.line, column: problem.column, entry: entry.key }),
  );
}
