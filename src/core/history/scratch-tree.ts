import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { listTree, readBlobs, type Repository } from './git-repository.ts';

/** A folder mapping a part of the repository onto the project layout: repository path → project path. */
export interface TreeMapping {
  /** The repository path of the folder (`content`, `site/content`). */
  readonly from: string;
  /** Where it goes under the scratch root (`content`). */
  readonly to: string;
}

/**
 * A scratch copy of some folders of the repository, brought to one commit after another. Only files
 * whose blob changed since the previous commit are written, and deleted ones removed, so a content
 * store reading the copy parses only what changed; nothing is ever checked out in the working tree.
 */
export class ScratchTree {
  readonly root = mkdtempSync(join(tmpdir(), 'multiplane-history-'));
  readonly #repository: Repository;
  readonly #mappings: readonly TreeMapping[];
  /** Blob of every file written, by scratch path. */
  readonly #written = new Map<string, string>();
  #step = 0;

  constructor(repository: Repository, mappings: readonly TreeMapping[]) {
    this.#repository = repository;
    this.#mappings = mappings;
  }

  /** Makes the copy match `commit`. Returns how many files were written and removed. */
  moveTo(commit: string): { written: number; removed: number } {
    const wanted = new Map<string, string>();
    const tree = listTree(this.#repository, commit, this.#mappings.map((mapping) => mapping.from));
    for (const [path, file] of tree) {
      const mapping = this.#mappings.find((candidate) => candidate.from === '' || path === candidate.from || path.startsWith(`${candidate.from}/`));
      if (!mapping) continue;
      const target = this.#pathOf(mapping, path);
      if (target) wanted.set(target, file.blob);
    }
    let removed = 0;
    for (const path of [...this.#written.keys()]) {
      if (wanted.has(path)) continue;
      rmSync(path, { force: true });
      this.#written.delete(path);
      removed++;
    }
    const changed = [...wanted].filter(([path, blob]) => this.#written.get(path) !== blob);
    const contents = readBlobs(this.#repository, [...new Set(changed.map(([, blob]) => blob))]);
    // Every write of this step gets its own modification time, so a file rewritten with the same
    // size in the same instant still reads as changed to a store that compares stamps.
    this.#step++;
    const stamp = new Date(Date.UTC(2000, 0, 1) + this.#step * 1000);
    for (const [path, blob] of changed) {
      const content = contents.get(blob);
      if (!content) continue;
      mkdirSync(dirname(path), { recursive: true });
      // Unlinked first, so a file that was a different kind before is replaced, not written through.
      rmSync(path, { force: true });
      writeFileSync(path, content);
      utimesSync(path, stamp, stamp);
      this.#written.set(path, blob);
    }
    return { written: changed.length, removed };
  }

  /** Removes the copy. */
  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  /**
   * The scratch path of a repository file, or undefined for a path that would leave the scratch
   * root (git refuses `..` in trees, but a crafted repository is not git's to vouch for).
   */
  #pathOf(mapping: TreeMapping, path: string): string | undefined {
    const inner = path.slice(mapping.from.length).replace(/^\//, '');
    if (inner.split('/').some((part) => part === '..' || part === '.' || part === '')) return undefined;
    const target = resolve(this.root, mapping.to, ...inner.split('/'));
    return target.startsWith(this.root + sep) ? target : undefined;
  }
}
