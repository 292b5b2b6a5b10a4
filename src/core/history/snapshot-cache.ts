import { hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { RULES } from '../governance/rules/index.ts';
import { COLLECTION_NAMES } from '../schemas/index.ts';
import { type CommitSnapshot, SNAPSHOT_FORMAT } from './commit-snapshot.ts';

/**
 * What a snapshot depends on besides the commit: the snapshot format and the checker itself (each
 * rule's ID, severity and code, the diagnostics, the collections). A change to a rule therefore
 * checks every week again; a change deeper in a helper a rule calls is not seen, which is why
 * deleting `.cache/multiplane/history/` is always safe.
 */
export function engineFingerprint(): string {
  const rules = RULES.map((rule) => `${rule.id}:${rule.severity}:${String(rule.check)}`).join('\n');
  return hash('sha1', [SNAPSHOT_FORMAT, rules, Object.keys(DIAGNOSTICS).join(','), COLLECTION_NAMES.join(',')].join('\n'), 'base64url');
}

interface CacheFile {
  readonly fingerprint: string;
  readonly snapshot: CommitSnapshot;
}

/**
 * Snapshots kept on disk, one file per commit hash, so that only commits not seen before are
 * checked. A file written by another version of the checker is ignored and replaced.
 */
export class SnapshotCache {
  readonly #dir: string;
  readonly #fingerprint: string;
  readonly #warn: (message: string) => void;

  constructor(dir: string, fingerprint = engineFingerprint(), warn: (message: string) => void = () => {}) {
    this.#dir = dir;
    this.#fingerprint = fingerprint;
    this.#warn = warn;
  }

  get(commit: string): CommitSnapshot | undefined {
    try {
      const file = JSON.parse(readFileSync(this.#file(commit), 'utf8')) as CacheFile;
      return file.fingerprint === this.#fingerprint && file.snapshot?.commit === commit ? file.snapshot : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores a snapshot; a cache that cannot be written is a warning, never a failure. */
  set(snapshot: CommitSnapshot): void {
    try {
      mkdirSync(this.#dir, { recursive: true });
      const file = this.#file(snapshot.commit);
      // Written aside and renamed, so a build reading the cache at the same time never sees half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ fingerprint: this.#fingerprint, snapshot } satisfies CacheFile));
      renameSync(temporary, file);
    } catch (error) {
      this.#warn(`Could not cache the governance history in ${this.#dir} (${(error as Error).message}); it will be checked again next time.`);
    }
  }

  /** Removes the snapshots of commits no longer wanted, so the cache holds one window's weeks. */
  prune(keep: ReadonlySet<string>): void {
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.endsWith('.json') && !keep.has(name.slice(0, -'.json'.length))) rmSync(join(this.#dir, name), { force: true });
    }
  }

  #file(commit: string): string {
    return join(this.#dir, `${commit}.json`);
  }
}
