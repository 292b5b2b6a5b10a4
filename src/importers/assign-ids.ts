import { entryIdFromPath } from '../core/content/entry-id.ts';

/** A file to be given an entry ID. */
export interface IdCandidate {
  /** Collection the entry goes into; IDs only need to be unique within one. */
  readonly collection: string;
  /** The preferred short name, e.g. the file name without extension. */
  readonly name: string;
  /** The file's path inside the imported folder, e.g. `during/during_an_incident.md`. */
  readonly path: string;
}

/**
 * Returns one entry ID per candidate, in order: the slug of its short name, unless another file
 * of the same collection would get the same ID, in which case each of them keeps its folders
 * (`before/index`, `after/index`). Short IDs make short URLs; folders are kept only where they
 * are needed to tell files apart. A clash that even the path cannot settle (file names that
 * differ only in letter case) gets a numeric suffix. With a `prefix`, every ID starts with it
 * (`pagerduty/index`), so that two imports can share a collection.
 */
export function assignIds(candidates: readonly IdCandidate[], prefix = ''): string[] {
  const shortOf = (candidate: IdCandidate) => entryIdFromPath(candidate.name.replace(/[\\/]/g, '-')) || 'untitled';
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    const key = `${candidate.collection}/${shortOf(candidate)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const taken = new Set<string>();
  return candidates.map((candidate) => {
    const short = shortOf(candidate);
    const base = (counts.get(`${candidate.collection}/${short}`) ?? 0) > 1 ? entryIdFromPath(candidate.path) : short;
    let id = base;
    for (let suffix = 2; taken.has(`${candidate.collection}/${id}`); suffix++) id = `${base}-${suffix}`;
    taken.add(`${candidate.collection}/${id}`);
    return prefix === '' ? id : `${prefix}/${id}`;
  });
}
