/** Something in a page's body an importer could not carry over as it was, at a line of the source file. */
export interface BodyProblem {
  /** 1-based line of the source file. */
  readonly line: number;
  readonly what: string;
  readonly why: string;
}

/** How many of each kind of construct a conversion turned into something the site renders. */
export type ConversionCounts = Record<string, number>;

/** Adds `counts` into `total`, kind by kind. */
export function addCounts(total: ConversionCounts, counts: ConversionCounts): void {
  for (const [kind, count] of Object.entries(counts)) total[kind] = (total[kind] ?? 0) + count;
}
