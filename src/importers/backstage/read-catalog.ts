import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { UnmappedItem } from '../import-result.ts';
import { listSourceFiles } from '../list-files.ts';

/** One catalog entity as written, and where. */
export interface CatalogEntity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly title?: string;
    readonly description?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly tags?: readonly string[];
    readonly links?: readonly { readonly url: string; readonly title?: string; readonly icon?: string }[];
  };
  readonly spec: Readonly<Record<string, unknown>>;
  /** The file, relative to the imported folder (or absolute when a location leads outside it). */
  readonly source: string;
  /** Line of the file the entity's document starts on. */
  readonly line: number;
}

/** The entities of a catalog and what could not be read. */
export interface Catalog {
  readonly entities: CatalogEntity[];
  readonly unmapped: UnmappedItem[];
  /** How many catalog files were read. */
  readonly files: number;
}

const YAML = /\.ya?ml$/i;

/**
 * Reads a Backstage catalog: a `catalog-info.yaml` (or any catalog file), or every YAML file under
 * a folder. Files may hold several entities (`---` between documents); `Location` entities are
 * followed to their file targets, relative to the location's file, so one file can bring in a
 * whole catalog. Each file is read once. Targets on other hosts are not fetched, and documents
 * that are not entities are reported, as is every file that cannot be read.
 */
export function readCatalog(given: string): Catalog {
  const start = resolve(given);
  const folder = statSync(start).isDirectory() ? start : dirname(start);
  const entities: CatalogEntity[] = [];
  const unmapped: UnmappedItem[] = [];
  const read = new Set<string>();
  const shown = (absolute: string) => {
    const inside = relative(folder, absolute);
    return inside.startsWith('..') ? absolute : inside.split(sep).join('/');
  };
  const queue: string[] = [];
  if (statSync(start).isDirectory()) {
    const listed = listSourceFiles(start);
    unmapped.push(...listed.skipped);
    for (const file of listed.files) {
      if (YAML.test(file)) queue.push(join(start, file));
      else unmapped.push({ source: file, what: 'the whole file', why: 'not YAML, so not a catalog file' });
    }
  } else {
    queue.push(start);
  }
  while (queue.length > 0) {
    const absolute = queue.shift() as string;
    if (read.has(absolute)) continue;
    read.add(absolute);
    const source = shown(absolute);
    const text = readFileSync(absolute, 'utf8');
    const lines = new LineCounter();
    const documents = parseAllDocuments(text, { lineCounter: lines });
    if (!Array.isArray(documents)) continue;
    for (const document of documents) {
      const line = lines.linePos(document.contents?.range[0] ?? 0).line;
      if (document.errors.length > 0) {
        unmapped.push({ source, line, what: 'a YAML document', why: `it cannot be read (${document.errors[0]?.message.split('\n')[0]}); fix it and import again` });
        continue;
      }
      const value: unknown = document.toJS();
      if (value === null || value === undefined) continue;
      const entity = asEntity(value);
      if (!entity) {
        unmapped.push({ source, line, what: 'a YAML document', why: 'not a catalog entity (apiVersion, kind, metadata.name and spec)' });
        continue;
      }
      if (entity.kind === 'Location') {
        for (const target of locationTargets(entity.spec)) {
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
            unmapped.push({ source, line, what: `location target ${target}`, why: 'on another host, so not fetched: download the files and import their folder' });
            continue;
          }
          const path = resolve(dirname(absolute), target);
          if (target.includes('*')) {
            unmapped.push({ source, line, what: `location target ${target}`, why: 'a pattern; import the folder it names instead' });
          } else if (!existsSync(path) || !statSync(path).isFile()) {
            unmapped.push({ source, line, what: `location target ${target}`, why: `no such file (${shown(path)}), so its entities were not read` });
          } else {
            queue.push(path);
          }
        }
        continue;
      }
      entities.push({ ...entity, source, line });
    }
  }
  return { entities, unmapped, files: read.size };
}

function locationTargets(spec: Readonly<Record<string, unknown>>): string[] {
  const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])];
  return targets.filter((target): target is string => typeof target === 'string' && target.trim() !== '').map((target) => target.trim());
}

/** The value as an entity, if it has the shape of one. */
function asEntity(value: unknown): Omit<CatalogEntity, 'source' | 'line'> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const metadata = record.metadata as Record<string, unknown> | undefined;
  if (typeof record.apiVersion !== 'string' || typeof record.kind !== 'string' || typeof metadata?.name !== 'string') return undefined;
  const spec = record.spec !== null && typeof record.spec === 'object' && !Array.isArray(record.spec) ? (record.spec as Record<string, unknown>) : {};
  return { apiVersion: record.apiVersion, kind: record.kind, metadata: metadata as CatalogEntity['metadata'], spec };
}
