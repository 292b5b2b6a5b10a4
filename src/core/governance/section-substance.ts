import type { BodyFacts, HeadingFact } from '../markdown/body-facts.ts';
import { PLACEHOLDER as GUIDANCE_MARKER } from './rules/placeholder-text.ts';

/**
 * What a required section holds: `missing` (no heading of that name), `empty` (a heading and
 * nothing under it), `placeholder` (only lines such as `TODO: …`, `TBD` or `N/A`) or `written`.
 */
export type SectionState = 'missing' | 'empty' | 'placeholder' | 'written';

/** A paragraph that stands in for text still to write: `TODO…`, `TBD`, `FIXME`, `N/A`, `-` or `...`. */
const PLACEHOLDER = /^(?:(?:TODO|TBD|FIXME|XXX)\b.*|N\/?A\.?|-+|–|—|\.{3}|…)$/i;
/** A guidance line `npm run new` writes (`TODO: …`), which placeholder-text reports line by line. */
const GUIDANCE = new RegExp(`^${GUIDANCE_MARKER}:`);

/**
 * Returns what the best section of that name (any level, letter case ignored) holds, with its
 * heading. Evidence needs substance: a heading over nothing, or over a placeholder, proves nothing.
 */
export function sectionState(facts: BodyFacts, name: string): SectionReading {
  const wanted = name.trim().toLowerCase();
  const rank: Record<SectionState, number> = { missing: 0, empty: 1, placeholder: 2, written: 3 };
  let best: SectionReading = { state: 'missing' };
  facts.headings.forEach((heading, index) => {
    if (heading.text.toLowerCase() !== wanted) return;
    const reading = heading.hasContent ? substanceOf(facts, heading, index) : { state: 'empty' as const };
    if (rank[reading.state] > rank[best.state]) best = { ...reading, heading };
  });
  return best;
}

export interface SectionReading {
  readonly state: SectionState;
  readonly heading?: HeadingFact;
  /** For `placeholder`: true when every placeholder is a `TODO:` guidance line of `npm run new`. */
  readonly guidanceOnly?: boolean;
}

/** `written` unless every paragraph of the section is a placeholder and it holds no code. */
function substanceOf(facts: BodyFacts, heading: HeadingFact, index: number): SectionReading {
  const next = facts.headings.slice(index + 1).find((candidate) => candidate.depth <= heading.depth);
  const end = next?.line ?? Infinity;
  const inside = (line: number) => line > heading.line && line < end;
  if (facts.code.some((block) => inside(block.line))) return { state: 'written' };
  const paragraphs = facts.paragraphStarts.filter((paragraph) => inside(paragraph.line)).map((paragraph) => paragraph.text.trim());
  // A section of only a table or HTML has no paragraph; it has content all the same.
  if (paragraphs.length === 0 || !paragraphs.every((text) => PLACEHOLDER.test(text))) return { state: 'written' };
  return { state: 'placeholder', guidanceOnly: paragraphs.every((text) => GUIDANCE.test(text)) };
}
