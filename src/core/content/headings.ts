export interface Heading {
  readonly depth: number;
  readonly text: string;
  /** 1-based line in the file. */
  readonly line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Calls `visit` with each line of a Markdown body outside fenced code, and its 1-based line in
 * the file. A line scanner is enough for the rules (which ask whether a section exists, or a line
 * starts with a marker) and costs far less than a full parse.
 */
export function forEachProseLine(body: string, firstLine: number, visit: (line: string, lineNumber: number) => void): void {
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
    if (!fence) visit(line, firstLine + index);
  }
}

/** Returns the ATX headings of a Markdown body, skipping fenced code. */
export function scanHeadings(body: string, firstLine: number): Heading[] {
  const headings: Heading[] = [];
  forEachProseLine(body, firstLine, (line, lineNumber) => {
    const match = ATX.exec(line);
    if (match) {
      const text = (match[2] ?? '').replace(/[*_`]/g, '').trim();
      headings.push({ depth: match[1]?.length ?? 1, text, line: lineNumber });
    }
  });
  return headings;
}

/** True when a heading of that text (any depth, case-insensitive) exists. */
export function hasHeading(headings: readonly Heading[], text: string): boolean {
  const wanted = text.trim().toLowerCase();
  return headings.some((heading) => heading.text.toLowerCase() === wanted);
}
