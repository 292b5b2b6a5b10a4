export interface Heading {
  readonly depth: number;
  readonly text: string;
  /** 1-based line in the file. */
  readonly line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Returns the ATX headings of a Markdown body, skipping fenced code. A line scanner is enough
 * for the rules (which only ask whether a section exists) and costs far less than a full parse.
 */
export function scanHeadings(body: string, firstLine: number): Heading[] {
  const headings: Heading[] = [];
  let fence: string | undefined;
  const lines = body.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (fence) continue;
    const match = ATX.exec(line);
    if (match) {
      const text = (match[2] ?? '').replace(/[*_`]/g, '').trim();
      headings.push({ depth: match[1]?.length ?? 1, text, line: firstLine + index });
    }
  }
  return headings;
}

/** True when a heading of that text (any depth, case-insensitive) exists. */
export function hasHeading(headings: readonly Heading[], text: string): boolean {
  const wanted = text.trim().toLowerCase();
  return headings.some((heading) => heading.text.toLowerCase() === wanted);
}
