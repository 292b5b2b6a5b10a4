import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** Values by key, kept between runs in one JSON file. */
export interface KeyedCache<T> {
  /** The cached value, if any; the entry is kept at the next `save()`. */
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Entries read from the file. */
  readonly loaded: number;
  /**
   * Writes the entries got or set since the cache was opened, dropping the others, when anything
   * changed; with `keepUnused`, keeps the others too (a caller that asked only for what changed
   * since its last run in the same process, as a watcher does). Throws, naming the file, when it
   * cannot be written.
   */
  save(options?: { readonly keepUnused?: boolean }): void;
}

/**
 * Writes `cache` (its `save`) now, or hands the writing to `later` to call when its caller's own
 * work no longer waits for it. A cache that cannot be written is told to `warn`, never thrown:
 * the next run only has more to do.
 */
export function saveCache(cache: Pick<KeyedCache<unknown>, 'save'>, options: { readonly keepUnused: boolean; readonly warn?: ((message: string) => void) | undefined; readonly later?: ((save: () => void) => void) | undefined }): void {
  const save = () => {
    try {
      cache.save({ keepUnused: options.keepUnused });
    } catch (error) {
      options.warn?.((error as Error).message);
    }
  };
  if (options.later) options.later(save);
  else save();
}

interface CacheFile<T> {
  readonly version: string;
  readonly entries: Record<string, T>;
}

/**
 * How the file is written: JSON, or V8's serialization, which keeps what JSON loses (the `Date`s
 * of validated frontmatter) and reads faster than JSON.
 */
export type CacheFormat = 'json' | 'v8';

/**
 * Opens the cache kept in `file`, or one that is never written when `file` is undefined. A
 * missing, damaged or outdated file (one written under another `version`) is an empty cache.
 */
export function openKeyedCache<T>(file: string | undefined, version: string, format: CacheFormat = 'json'): KeyedCache<T> {
  const stored = file === undefined ? new Map<string, T>() : readEntries<T>(file, version, format);
  const used = new Map<string, T>();
  let changed = false;
  return {
    loaded: stored.size,
    get(key) {
      const value = used.get(key) ?? stored.get(key);
      if (value !== undefined) used.set(key, value);
      return value;
    },
    set(key, value) {
      used.set(key, value);
      changed = true;
    },
    save({ keepUnused = false } = {}) {
      if (file === undefined || (!changed && (keepUnused || used.size === stored.size))) return;
      const content: CacheFile<T> = { version, entries: Object.fromEntries(keepUnused ? new Map([...stored, ...used]) : used) };
      // Written under a name of its own, then renamed over the file: a check running at the same
      // time reads the old file or the new one, never half of one.
      const temporary = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(temporary, format === 'v8' ? serialize(content) : JSON.stringify(content));
        renameSync(temporary, file);
      } catch (cause) {
        try {
          rmSync(temporary, { force: true });
        } catch {
          // The folder itself could not be made: there is no temporary file to remove.
        }
        throw new Error(
          `Could not write the cache file ${file}: ${(cause as Error).message}. Make its folder writable, or delete the folder; checks work without it, only slower.`,
          { cause },
        );
      }
    },
  };
}

function readEntries<T>(file: string, version: string, format: CacheFormat): Map<string, T> {
  let parsed: Partial<CacheFile<T>>;
  try {
    const bytes = readFileSync(file);
    parsed = (format === 'v8' ? deserialize(bytes) : JSON.parse(bytes.toString('utf8'))) as Partial<CacheFile<T>>;
  } catch {
    // Missing, or damaged by something other than this module: start afresh.
    return new Map();
  }
  // A file that holds something else entirely (`null`, a number) is damaged too.
  if (typeof parsed !== 'object' || parsed === null || parsed.version !== version || typeof parsed.entries !== 'object' || parsed.entries === null) return new Map();
  return new Map(Object.entries(parsed.entries));
}
