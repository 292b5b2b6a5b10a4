import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { conversionNotes, finishEntries } from '../finish-entries.ts';
import type { CommonImportOptions, DraftEntry, ImportResult, UnmappedItem } from '../import-result.ts';
import { listSourceFiles } from '../list-files.ts';
import { readCatalogues } from './criteria-catalogue.ts';
import { type MappedDocument, mapPolicy } from './map-policy.ts';
import { mapNarrative, mapProcedure } from './map-runbook.ts';
import { readComplyDocument } from './read-document.ts';

type FileRole = 'policy' | 'procedure' | 'narrative' | 'standard' | 'readme' | 'settings' | 'other';

/** Says what a file of a comply project is, from its place in the project's fixed layout. */
function roleOf(source: string): FileRole {
  const name = source.split('/').pop() ?? source;
  if (/^readme(\.md)?$/i.test(name)) return 'readme';
  if (/^standards\/[^/]+\.ya?ml$/i.test(source)) return 'standard';
  if (/^comply\.ya?ml$/i.test(source)) return 'settings';
  const folder = /^(policies|procedures|narratives)\/.+\.md$/i.exec(source)?.[1]?.toLowerCase();
  if (folder === 'policies') return 'policy';
  if (folder === 'procedures') return 'procedure';
  if (folder === 'narratives') return 'narrative';
  return 'other';
}

const WHY_NOT: Partial<Record<FileRole, Omit<UnmappedItem, 'source'>>> = {
  readme: { what: 'the whole file', why: "a folder's description for people browsing the repository, not a document; comply does not publish it either" },
  other: { what: 'the whole file', why: 'not a comply document: only policies/, procedures/ and narratives/ (Markdown) and standards/ (YAML) are imported' },
};

/**
 * Imports a strongdm/comply project: policies become policy entries, procedures and narratives
 * become runbooks, and the standards catalogue checks the criteria policies claim. Returns the
 * proposed entries and every field or file that could not be mapped; reads only.
 */
export function importComply(dir: string, options: CommonImportOptions): ImportResult {
  const { files, skipped } = listSourceFiles(dir);
  const unmapped: UnmappedItem[] = [...skipped];
  const { catalogues, unmapped: catalogueItems } = readCatalogues(dir, files.filter((source) => roleOf(source) === 'standard'));
  unmapped.push(...catalogueItems);
  const drafts: DraftEntry[] = [];
  const unchecked = new Set<string>();
  let placeholders: Record<string, string> = {};
  const others: UnmappedItem[] = [];
  for (const source of files) {
    const role = roleOf(source);
    if (role === 'standard') continue;
    if (role === 'settings') {
      const settings = readSettings(dir, source);
      placeholders = settings.placeholders;
      unmapped.push(settings.item);
      continue;
    }
    const reason = WHY_NOT[role];
    if (reason) {
      // A file a document shows or links is carried beside it instead (decided below).
      (role === 'other' ? others : unmapped).push({ source, ...reason });
      continue;
    }
    const read = readComplyDocument(readFileSync(join(dir, source), 'utf8'));
    if (!read.ok) {
      unmapped.push({ source, what: 'the whole document', why: `not imported: ${read.reason}` });
      continue;
    }
    let mapped: MappedDocument;
    if (role === 'policy') mapped = mapPolicy(read.document, source, options, catalogues);
    else if (role === 'procedure') mapped = mapProcedure(read.document, source, options);
    else mapped = mapNarrative(read.document, source, options, catalogues);
    if (!read.document.metadata) {
      unmapped.push({ source, what: 'metadata', why: 'the file has none (comply documents start with name: and a --- line), so only the body was imported' });
    }
    drafts.push(mapped.draft);
    unmapped.push(...mapped.unmapped);
    for (const standard of mapped.unchecked) unchecked.add(standard);
  }
  const notes: string[] = [];
  if (drafts.some((draft) => draft.collection === 'policies')) {
    notes.push('Policies are imported as drafts reviewed yearly, enforced manually by a mechanism "Not yet recorded"; adopt each one by setting its enforcement and status: active.');
  }
  if (drafts.some((draft) => draft.collection === 'runbooks')) {
    notes.push('Procedures became runbooks of kind procedure and narratives of kind architecture; the check lists the sections each kind still needs.');
  }
  for (const standard of unchecked) notes.push(`Criteria of ${standard} were not checked: the project has no standards/ catalogue for it.`);
  const finished = finishEntries(drafts, { root: dir, rootInSource: '', exists: (path) => files.includes(path), dialect: 'pandoc', placeholders, prefix: options.prefix });
  const carried = new Set(finished.files.map((file) => file.source));
  unmapped.push(...others.filter((item) => !carried.has(item.source)), ...finished.unmapped);
  return {
    format: 'comply',
    entries: finished.entries,
    files: finished.files,
    unmapped,
    notes: [...notes, ...conversionNotes(finished.counts)],
    expected: 'a comply project keeps its documents as Markdown in policies/, procedures/ and narratives/',
  };
}

/**
 * Reads comply.yml: its top-level values fill the documents' template placeholders as comply's
 * own rendering does (`name` fills `{{.Name}}`); the settings themselves have no place in an
 * entry, which the report line says.
 */
function readSettings(dir: string, source: string): { placeholders: Record<string, string>; item: UnmappedItem } {
  let data: unknown;
  try {
    data = yaml.load(readFileSync(join(dir, source), 'utf8'), { schema: yaml.CORE_SCHEMA });
  } catch (cause) {
    const reason = cause instanceof yaml.YAMLException ? cause.reason : String(cause);
    return { placeholders: {}, item: { source, what: 'the project settings', why: `they cannot be read as YAML (${reason}), so template placeholders stay as written` } };
  }
  const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  const placeholders = Object.fromEntries(
    Object.entries(record).flatMap(([key, value]) => (typeof value === 'string' || typeof value === 'number' ? [[`${key[0]?.toUpperCase() ?? ''}${key.slice(1)}`, String(value)]] : [])),
  );
  const used = placeholders.Name ? `their name "${placeholders.Name}" filled {{.Name}} in the documents; ` : '';
  return {
    placeholders,
    item: { source, what: `the project settings (${Object.keys(record).join(', ')})`, why: `${used}Multiplane keeps the platform's name and organization in content/platform.yaml: write them there` },
  };
}
