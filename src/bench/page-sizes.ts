import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface OutputSizes {
  readonly files: number;
  readonly bytes: number;
  /** Sizes of the pages of entries (`/<collection>/<id>/index.html`). */
  readonly entryPages: number;
  readonly medianEntryHtml: number;
  readonly maxEntryHtml: number;
  readonly largestEntryPage: string;
  /** Every search index: `pagefind/` and, on a site whose search is split, `pagefind-1/` and on. */
  readonly pagefindBytes: number;
}

/** Measures a built site: total size, entry page HTML sizes and the search indexes. */
export function measureOutput(dir: string, collections: readonly string[]): OutputSizes {
  let files = 0;
  let bytes = 0;
  let pagefindBytes = 0;
  const entries: { size: number; path: string }[] = [];
  for (const dirent of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!dirent.isFile()) continue;
    const file = join(dirent.parentPath, dirent.name);
    const size = statSync(file).size;
    files++;
    bytes += size;
    const relative = file.slice(dir.length + 1);
    if (/^pagefind(-\d+)?\//.test(relative)) pagefindBytes += size;
    const parts = relative.split('/');
    if (parts.length === 3 && parts[2] === 'index.html' && collections.includes(parts[0] ?? '')) entries.push({ size, path: relative });
  }
  entries.sort((a, b) => a.size - b.size);
  return {
    files,
    bytes,
    entryPages: entries.length,
    medianEntryHtml: entries[Math.floor(entries.length / 2)]?.size ?? 0,
    maxEntryHtml: entries.at(-1)?.size ?? 0,
    largestEntryPage: entries.at(-1)?.path ?? '',
    pagefindBytes,
  };
}
