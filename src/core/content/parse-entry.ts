import { hash } from 'node:crypto';
import yaml from 'js-yaml';
import type { z } from 'zod';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { createFinding } from '../findings/create-finding.ts';
import type { Finding } from '../findings/finding.ts';
import { COLLECTIONS, type CollectionName, type EntryCollectionName } from '../schemas/index.ts';
import type { AnyEntry } from './entry.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { type BodyFacts, NO_FACTS } from '../markdown/body-facts.ts';
import type { FrontmatterCache } from './frontmatter-cache.ts';
import { createLocator, type Locator } from './locator.ts';
import { schemaFindings } from './schema-findings.ts';

/** What one file became: an entry, or the findings that say why it could not be one. */
export interface ParsedFile {
  readonly entry: AnyEntry | undefined;
  readonly findings: readonly Finding[];
}

/**
 * Returns what one parse of a body finds (`analyzeBody`); the content store may answer from its
 * cache, and loads the parser only when it cannot.
 */
export type FactsOf = (body: string, bodyLine: number, mdx: boolean) => BodyFacts;

/**
 * Returns the digest of a file's text, as entries carry it. Node's one-shot `hash`, not a `Hash`
 * object: the same digest, and a check of 10,000 files makes 10,000 of them.
 */
export function digestOf(text: string): string {
  return hash('sha1', text, 'base64url');
}

/**
 * Turns the text of one Markdown file into an entry: splits the frontmatter, parses its YAML and
 * validates it against the collection's schema. Never throws; every problem is a finding with the
 * file's own line numbers. This is the only place a Markdown entry is parsed. A frontmatter
 * `known` holds as validated before is taken from it; one that validates now is added to it.
 */
export function parseMarkdownEntry(collection: EntryCollectionName, id: string, file: string, text: string, factsOf: FactsOf, known?: FrontmatterCache): ParsedFile {
  const findings: Finding[] = [];
  const key = `${collection}/${id}`;
  const split = splitFrontmatter(text);
  if (split.frontmatter === undefined) {
    findings.push(createFinding(DIAGNOSTICS.frontmatterMissing, { label: COLLECTIONS[collection].label.toLowerCase() }, { file, line: 1, entry: key }));
    return { entry: undefined, findings };
  }
  if (split.unclosed) {
    findings.push(createFinding(DIAGNOSTICS.frontmatterUnclosed, {}, { file, line: 1, entry: key }));
    return { entry: undefined, findings };
  }
  const validated = known?.get(collection, split.frontmatter);
  const data = validated ? validated.raw : parseYaml(split.frontmatter, split.frontmatterLine, file, findings, key);
  if (data === undefined) return { entry: undefined, findings };
  const entry = validateEntry({
    collection,
    id,
    raw: data,
    frontmatter: { text: split.frontmatter, line: split.frontmatterLine },
    file,
    body: split.body,
    bodyLine: split.bodyLine,
    digest: digestOf(text),
    facts: factsOf(split.body, split.bodyLine, /\.mdx$/i.test(file)),
    findings,
    ...(validated ? { validated: validated.data } : {}),
  });
  if (entry && !validated) known?.set(collection, split.frontmatter, { raw: entry.raw, data: entry.data as Record<string, unknown> });
  return { entry, findings };
}

/** Turns the text of the platform file (one YAML document) into the platform entry. */
export function parsePlatformFile(file: string, text: string): ParsedFile {
  const findings: Finding[] = [];
  const data = parseYaml(text, 1, file, findings, undefined);
  if (data === undefined) return { entry: undefined, findings };
  const entry = validateEntry({
    collection: 'platform',
    id: 'platform',
    raw: data,
    frontmatter: { text, line: 1 },
    file,
    body: '',
    bodyLine: 1,
    digest: digestOf(text),
    facts: NO_FACTS,
    findings,
  });
  return { entry, findings };
}

interface Unvalidated {
  readonly collection: CollectionName;
  readonly id: string;
  readonly raw: unknown;
  readonly frontmatter: { readonly text: string; readonly line: number };
  readonly file: string;
  readonly body: string;
  readonly bodyLine: number;
  readonly digest: string;
  readonly facts: BodyFacts;
  readonly findings: Finding[];
  /** What the schema gave for this very frontmatter before (see FrontmatterCache). */
  readonly validated?: Record<string, unknown>;
}

function validateEntry(input: Unvalidated): AnyEntry | undefined {
  const { collection, id, raw, file, findings } = input;
  const key = `${collection}/${id}`;
  const locator = createLocator(input.frontmatter.text, input.frontmatter.line);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const shape = Array.isArray(raw) ? 'a list' : raw === null ? 'empty' : 'a single value';
    findings.push(createFinding(DIAGNOSTICS.frontmatterNotObject, { shape }, { file, line: locator.lineOf([]), entry: key }));
    return undefined;
  }
  let data = input.validated;
  if (data === undefined) {
    const schema: z.ZodType = COLLECTIONS[collection].schema;
    const result = schema.safeParse(raw, { reportInput: true });
    if (!result.success) {
      findings.push(...schemaFindings(result.error.issues, { file, entry: key, locator, schema }));
      return undefined;
    }
    data = result.data as Record<string, unknown>;
  }
  const title = typeof data.title === 'string' ? data.title : typeof data.name === 'string' ? data.name : id;
  return {
    collection,
    id,
    key,
    file,
    data,
    raw: raw as Record<string, unknown>,
    body: input.body,
    bodyLine: input.bodyLine,
    headings: input.facts.headings,
    facts: input.facts,
    locator,
    title,
    digest: input.digest,
    frontmatter: input.frontmatter,
  } as unknown as AnyEntry;
}

/**
 * Rebuilds what an entry loses when it is serialized: its locator, from its own fields. Its body
 * stays behind (see `portableEntry`): it is empty, and read again from the entry's file where it
 * is rendered (`readEntryBody`). What only the rules read stays behind too, and comes back empty:
 * the site renders from `data`, as the public edition's withheld entries do (edition-view.ts).
 */
export function reviveEntry(entry: PortableEntry): AnyEntry {
  return {
    ...entry,
    body: '',
    raw: {},
    facts: { ...entry.facts, paragraphStarts: [] },
    locator: createLocator(entry.frontmatter.text, entry.frontmatter.line),
  } as unknown as AnyEntry;
}

/** An entry as it crosses a process boundary (see `portableEntry`). */
export type PortableEntry = Omit<AnyEntry, 'locator' | 'body' | 'raw' | 'facts'> & { readonly facts: Omit<AnyEntry['facts'], 'paragraphStarts'> };

/**
 * Returns an entry without what cannot cross a process boundary (its locator, a function), nor its
 * body: half of what a build hands its Astro process at 10,000 entries, where only the entries
 * whose body changed are rendered, which read theirs again. Nor what only the rules read, which
 * have run before the site is built: the frontmatter as written before validation (`raw`) and the
 * start of every paragraph (`facts.paragraphStarts`), more than half of what was left.
 */
export function portableEntry(entry: AnyEntry): PortableEntry {
  const { locator: _locator, body: _body, raw: _raw, facts, ...rest } = entry;
  const { paragraphStarts: _paragraphs, ...siteFacts } = facts;
  return { ...rest, facts: siteFacts } as PortableEntry;
}

/**
 * Parses YAML with js-yaml's core schema: unlike Astro's default, it keeps dates as text so the
 * schemas can reject days that do not exist instead of silently rolling them over.
 */
export function parseYaml(text: string, firstLine: number, file: string, findings: Finding[], entry: string | undefined): unknown {
  try {
    return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file }) ?? null;
  } catch (cause) {
    const mark = cause instanceof yaml.YAMLException ? cause.mark : undefined;
    const reason = cause instanceof yaml.YAMLException ? cause.reason : 'the YAML is nested too deeply to read';
    findings.push(
      createFinding(
        DIAGNOSTICS.frontmatterYaml,
        { reason, tooDeep: /maxDepth|nested too deeply/.test(reason) },
        { file, line: firstLine + (mark?.line ?? 0), column: mark ? mark.column + 1 : undefined, entry },
      ),
    );
    return undefined;
  }
}

export type { Locator };
