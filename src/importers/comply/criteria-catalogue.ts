import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { UnmappedItem } from '../import-result.ts';

/** The criteria of one standard, read from comply's `standards/*.yml`. */
export interface CriteriaCatalogue {
  /** The standard's name as comply writes it in `satisfies`, e.g. TSC. */
  readonly name: string;
  /** Where the catalogue was read from, relative to the comply project. */
  readonly source: string;
  readonly criteria: ReadonlySet<string>;
}

/**
 * Reads the standards catalogues (OpenControl "standard" files: a `name` and one key per
 * criterion). Returns them by standard name with a report line per file: the catalogue is used
 * to check `satisfies`, but its criterion names and descriptions have no collection to go to.
 */
export function readCatalogues(root: string, files: readonly string[]): { catalogues: Map<string, CriteriaCatalogue>; unmapped: UnmappedItem[] } {
  const catalogues = new Map<string, CriteriaCatalogue>();
  const unmapped: UnmappedItem[] = [];
  for (const source of files) {
    let data: unknown;
    try {
      data = yaml.load(readFileSync(join(root, source), 'utf8'), { schema: yaml.CORE_SCHEMA });
    } catch (cause) {
      const reason = cause instanceof yaml.YAMLException ? cause.reason : String(cause);
      unmapped.push({ source, what: 'the whole standard', why: `it cannot be read as YAML (${reason}), so no criteria were checked against it` });
      continue;
    }
    const record = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    const name = typeof record.name === 'string' ? record.name.trim() : '';
    const criteria = new Set(Object.keys(record).filter((key) => key !== 'name' && record[key] !== null && typeof record[key] === 'object'));
    if (name === '' || criteria.size === 0) {
      unmapped.push({ source, what: 'the whole file', why: 'it is not a standard (a name and one entry per criterion), so nothing was checked against it' });
      continue;
    }
    catalogues.set(name, { name, source, criteria });
    unmapped.push({
      source,
      what: `${criteria.size} ${name} criteria with their names and descriptions`,
      why: 'used to check the criteria policies satisfy; Multiplane has no collection for a criteria catalogue',
    });
  }
  return { catalogues, unmapped };
}

/** Display names of the standards comply ships, as policies' compliance mappings name them. */
const FRAMEWORK_NAMES: Readonly<Record<string, string>> = { TSC: 'SOC 2' };

/** Returns the framework name for a comply standard: `SOC 2` for TSC, else the name as written. */
export function frameworkName(standard: string): string {
  return FRAMEWORK_NAMES[standard] ?? standard;
}
