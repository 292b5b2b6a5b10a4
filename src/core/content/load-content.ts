import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'zod';
import type { Finding } from '../governance/finding.ts';
import {
  COLLECTIONS,
  type CollectionName,
  type EntryCollectionName,
  type Governance,
  GovernanceSchema,
} from '../schemas/index.ts';
import { DIAGNOSTICS, type RuleDocs } from './diagnostics.ts';
import type { AnyEntry } from './entry.ts';
import { entryIdFromPath } from './entry-id.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { scanHeadings } from './headings.ts';
import { mdxStatements } from './mdx-imports.ts';
import { mightContainSecret } from '../secrets/prefilter.ts';
import type { SecretCandidate } from '../secrets/scan-secrets.ts';
import { createLocator, type Locator } from './locator.ts';
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
  /** Raw governance settings, for rules that check the settings themselves. */
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
  /** Files that may hold a credential, for the (slower) secret scanner. */
  readonly secretCandidates: readonly SecretCandidate[];
}

const MARKDOWN = /\.(md|mdx)$/i;

export interface CollectionFile {
  readonly absolute: string;
  readonly name: string;
  /** ID derived from the path inside the collection folder. */
  readonly id: string;
  /** False for files a collection folder would ignore (reported, never loaded). */
  readonly markdown: boolean;
}

/**
 * Lists the files of a collection folder, skipping names that start with `_` or `.` (an
 * author's unpublished notes, as in Astro). Shared by the checker and the site's loader, so both
 * see the same entries with the same IDs.
 */
export function* listCollectionFiles(contentDir: string, collection: EntryCollectionName): Generator<CollectionFile> {
  const folder = join(contentDir, COLLECTIONS[collection].source.path);
  if (!existsSync(folder)) return;
  for (const dirent of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (dirent.isDirectory()) continue;
    const absolute = join(dirent.parentPath, dirent.name);
    const inside = relative(folder, absolute);
    if (inside.split(sep).some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    yield { absolute, name: dirent.name, id: entryIdFromPath(inside), markdown: MARKDOWN.test(dirent.name) };
  }
}

/**
 * Reads every collection under the content folder, validates each file against its schema and
 * returns the entries together with every problem found. It never throws on bad content: one run
 * reports every problem of every file.
 */
export function loadContent(options: LoadOptions): LoadedContent {
  const root = options.root;
  const contentDir = join(root, options.contentDir ?? 'content');
  const findings: Finding[] = [];
  const entries: AnyEntry[] = [];
  const rejected = new Set<string>();
  const secretCandidates: SecretCandidate[] = [];
  let files = 0;
  let mdx = { trusted: ['whitepaper'], components: ['@astrojs/starlight/components'] };
  const fileOf = (absolute: string) => relative(root, absolute).split(sep).join('/');

  const report = (docs: RuleDocs, file: string, line: number, message: string, hint: string) =>
    findings.push({ rule: docs.id, severity: docs.severity, plane: docs.plane, message, hint, file, line });

  // The platform file: one YAML document.
  const platformPath = join(contentDir, COLLECTIONS.platform.source.path);
  if (existsSync(platformPath)) {
    files++;
    const parsed = parseYamlFile(platformPath, contentDir, fileOf(platformPath), findings, secretCandidates);
    if (parsed) {
      const entry = validate('platform', 'platform', parsed.data, parsed.locator, fileOf(platformPath), '', 1, findings);
      if (entry) entries.push(entry);
      if (entry?.collection === 'platform') mdx = entry.data.mdx;
      else rejected.add('platform/platform');
    } else {
      rejected.add('platform/platform');
    }
  } else {
    report(
      DIAGNOSTICS.platformMissing,
      fileOf(platformPath),
      1,
      'The content folder has no platform.yaml.',
      'Create content/platform.yaml with at least name, organization, environment, docsVersion and trustAnchor.',
    );
  }

  // Governance settings: optional, defaults otherwise.
  let governance = GovernanceSchema.parse({});
  let governanceFile: LoadedContent['governanceFile'];
  const governancePath = join(contentDir, 'governance.yaml');
  if (existsSync(governancePath)) {
    files++;
    const file = fileOf(governancePath);
    const parsed = parseYamlFile(governancePath, contentDir, file, findings, secretCandidates);
    if (parsed) {
      governanceFile = { file, locator: parsed.locator };
      const result = GovernanceSchema.safeParse(parsed.data ?? {}, { reportInput: true });
      if (result.success) governance = result.data;
      else findings.push(...schemaFindings(result.error.issues, { file, locator: parsed.locator, schema: GovernanceSchema }));
    }
  }

  for (const definition of Object.values(COLLECTIONS)) {
    if (definition.source.kind !== 'folder') continue;
    const collection = definition.name as EntryCollectionName;
    for (const candidate of listCollectionFiles(contentDir, collection)) {
      const file = fileOf(candidate.absolute);
      if (!candidate.markdown) {
        report(
          DIAGNOSTICS.fileUnsupported,
          file,
          1,
          `${candidate.name} is not a Markdown entry, so it would be ignored.`,
          `Rename it to .md if it is an entry; otherwise move it out of content/${definition.source.path}/ (images go in public/), or prefix its name with _ to keep it here unpublished.`,
        );
        continue;
      }
      files++;
      const source = readSource(candidate.absolute, contentDir);
      if (source.ok && mightContainSecret(source.text)) secretCandidates.push({ file, text: source.text, entry: `${collection}/${candidate.id}` });
      const isMdx = /\.mdx$/i.test(candidate.name);
      if (isMdx && !mdx.trusted.includes(collection)) {
        report(
          DIAGNOSTICS.mdxUntrusted,
          file,
          1,
          `${candidate.name} is MDX, which is allowed only in ${mdx.trusted.length ? mdx.trusted.map((name) => `content/${name}/`).join(', ') : 'no folder'}.`,
          `Rename it to .md and remove any imports, exports or {expressions}; if this collection must allow MDX, a maintainer can add "${collection}" to mdx.trusted in content/platform.yaml.`,
        );
        rejected.add(`${collection}/${candidate.id}`);
        continue;
      }
      const entry = source.ok ? parseMarkdownEntry(collection, candidate.id, file, source.text, findings) : undefined;
      if (!source.ok) report(source.docs, file, 1, source.message, source.hint);
      if (entry && isMdx) {
        for (const statement of mdxStatements(entry.body, entry.bodyLine)) {
          const allowed = statement.kind === 'import' && statement.source !== undefined && mdx.components.some((module) => statement.source === module || statement.source?.startsWith(`${module}/`));
          if (allowed) continue;
          findings.push({
            rule: DIAGNOSTICS.mdxImport.id,
            severity: DIAGNOSTICS.mdxImport.severity,
            plane: DIAGNOSTICS.mdxImport.plane,
            message:
              statement.kind === 'export'
                ? `MDX may not export code: \`${statement.text.slice(0, 80)}\`.`
                : `MDX imports \`${statement.source ?? statement.text}\`, which is not on the allowlist.`,
            hint: `Import only from ${mdx.components.map((module) => `\`${module}\``).join(', ')} (set by mdx.components in content/platform.yaml), and move any code out of the entry.`,
            file,
            line: statement.line,
            entry: entry.key,
          });
        }
      }
      if (entry) entries.push(entry);
      else rejected.add(`${collection}/${candidate.id}`);
    }
  }
  return { entries, governance, governanceFile, findings, rejected, files, secretCandidates };
}

function parseMarkdownEntry(
  collection: EntryCollectionName,
  id: string,
  file: string,
  text: string,
  findings: Finding[],
): AnyEntry | undefined {
  const split = splitFrontmatter(text);
  const report = (docs: RuleDocs, line: number, message: string, hint: string) =>
    findings.push({ rule: docs.id, severity: docs.severity, plane: docs.plane, message, hint, file, line, entry: `${collection}/${id}` });
  if (split.frontmatter === undefined) {
    report(
      DIAGNOSTICS.frontmatterMissing,
      1,
      'The file has no frontmatter.',
      `Start the file with a line "---", the entry's fields (at least title), and another "---" line. See the ${COLLECTIONS[collection].label.toLowerCase()} section of the authoring guide.`,
    );
    return undefined;
  }
  if (split.unclosed) {
    report(DIAGNOSTICS.frontmatterUnclosed, 1, 'The frontmatter opened on line 1 is never closed.', 'Add a line with "---" after the last field.');
    return undefined;
  }
  const data = parseYaml(split.frontmatter, split.frontmatterLine, file, findings, `${collection}/${id}`);
  if (data === undefined) return undefined;
  const locator = createLocator(split.frontmatter, split.frontmatterLine);
  return validate(collection, id, data, locator, file, split.body, split.bodyLine, findings);
}

function validate(
  collection: CollectionName,
  id: string,
  raw: unknown,
  locator: Locator,
  file: string,
  body: string,
  bodyLine: number,
  findings: Finding[],
): AnyEntry | undefined {
  const key = `${collection}/${id}`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const docs = DIAGNOSTICS.frontmatterNotObject;
    findings.push({
      rule: docs.id,
      severity: docs.severity,
      plane: docs.plane,
      message: `The frontmatter is ${Array.isArray(raw) ? 'a list' : raw === null ? 'empty' : 'a single value'}, not a set of fields.`,
      hint: 'Write one field per line as `name: value`, starting with `title:`.',
      file,
      line: locator.lineOf([]),
      entry: key,
    });
    return undefined;
  }
  const schema: z.ZodType = COLLECTIONS[collection].schema;
  const result = schema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    findings.push(...schemaFindings(result.error.issues, { file, entry: key, locator, schema }));
    return undefined;
  }
  const data = result.data as Record<string, unknown>;
  const title = typeof data.title === 'string' ? data.title : typeof data.name === 'string' ? data.name : id;
  return {
    collection,
    id,
    key,
    file,
    data,
    raw: raw as Record<string, unknown>,
    body,
    bodyLine,
    headings: scanHeadings(body, bodyLine),
    locator,
    title,
  } as unknown as AnyEntry;
}

function parseYamlFile(
  absolute: string,
  contentDir: string,
  file: string,
  findings: Finding[],
  secretCandidates: SecretCandidate[],
): { data: unknown; locator: Locator } | undefined {
  const source = readSource(absolute, contentDir);
  if (source.ok && mightContainSecret(source.text)) secretCandidates.push({ file, text: source.text });
  if (!source.ok) {
    findings.push({ rule: source.docs.id, severity: source.docs.severity, plane: source.docs.plane, message: source.message, hint: source.hint, file, line: 1 });
    return undefined;
  }
  const data = parseYaml(source.text, 1, file, findings, undefined);
  return data === undefined ? undefined : { data, locator: createLocator(source.text, 1) };
}

/**
 * Parses YAML with js-yaml's core schema: unlike Astro's default, it keeps dates as text so the
 * schemas can reject days that do not exist instead of silently rolling them over.
 */
function parseYaml(
  text: string,
  firstLine: number,
  file: string,
  findings: Finding[],
  entry: string | undefined,
): unknown {
  try {
    return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file }) ?? null;
  } catch (cause) {
    const docs = DIAGNOSTICS.frontmatterYaml;
    const mark = cause instanceof yaml.YAMLException ? cause.mark : undefined;
    const reason = cause instanceof yaml.YAMLException ? cause.reason : 'the YAML is nested too deeply to read';
    findings.push({
      rule: docs.id,
      severity: docs.severity,
      plane: docs.plane,
      message: `The YAML cannot be parsed: ${reason}.`,
      hint: /maxDepth|nested too deeply/.test(reason)
        ? 'Flatten the value: frontmatter lists and fields may nest at most 100 levels deep.'
        : 'Check indentation (spaces, not tabs), colons after field names, and quotes around values that contain ": " or start with a special character.',
      file,
      line: firstLine + (mark?.line ?? 0),
      ...(entry ? { entry } : {}),
    });
    return undefined;
  }
}
