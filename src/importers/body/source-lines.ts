/**
 * A body as lines that remember where they came from. Converters add, drop and rewrite lines
 * (an aside's closing fence, a table's delimiter row), yet every report must name the line of
 * the source file the reader can open; each line carries that number with it.
 */
export interface SourceLine {
  readonly text: string;
  /** 1-based line of the source file this line came from (an added line takes its neighbour's). */
  readonly line: number;
}

/** Splits a body whose first line is line `firstLine` of its file. */
export function sourceLines(body: string, firstLine: number): SourceLine[] {
  return body.split('\n').map((text, index) => ({ text, line: firstLine + index }));
}

/** Joins lines back into a body. */
export function joinLines(lines: readonly SourceLine[]): string {
  return lines.map((line) => line.text).join('\n');
}

const FENCE = /^([ \t]*)(`{3,}|~{3,})/;

/**
 * Calls `visit` for every line outside fenced code, with its index; fenced code (and the fences)
 * is passed to `code` instead, so converters never touch what an author wrote as code.
 */
export function forEachProseLine(
  lines: readonly SourceLine[],
  visit: (line: SourceLine, index: number) => void,
  code: (line: SourceLine, index: number) => void = () => {},
): void {
  let open: { char: string; length: number } | undefined;
  lines.forEach((line, index) => {
    const fence = FENCE.exec(line.text);
    if (open) {
      code(line, index);
      if (fence && fence[2]?.[0] === open.char && (fence[2]?.length ?? 0) >= open.length && line.text.trim() === fence[2]) open = undefined;
      return;
    }
    if (fence && (fence[1]?.length ?? 0) < 4) {
      // A backtick fence's info string may not hold a backtick; such a line is not a fence.
      if (!(fence[2]?.[0] === '`' && line.text.slice((fence[1]?.length ?? 0) + (fence[2]?.length ?? 0)).includes('`'))) {
        open = { char: fence[2]?.[0] ?? '`', length: fence[2]?.length ?? 3 };
        code(line, index);
        return;
      }
    }
    visit(line, index);
  });
}

/** The indentation of a line in columns, a tab counting to the next multiple of four. */
export function indentOf(text: string): number {
  let columns = 0;
  for (const char of text) {
    if (char === ' ') columns += 1;
    else if (char === '\t') columns += 4 - (columns % 4);
    else break;
  }
  return columns;
}

/** The line with `columns` of indentation removed (tabs expanded first). */
export function dedent(text: string, columns: number): string {
  const leading = /^[ \t]*/.exec(text)?.[0] ?? '';
  const expanded = ' '.repeat(indentOf(leading));
  return `${expanded.slice(Math.min(columns, expanded.length))}${text.slice(leading.length)}`;
}
