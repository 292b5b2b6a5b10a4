/** A Markdown file split into its YAML frontmatter and its body. */
export interface SplitFile {
  /** The YAML between the fences, or undefined when the file has no frontmatter. */
  readonly frontmatter: string | undefined;
  /** 1-based line of the first YAML line (the line after the opening fence). */
  readonly frontmatterLine: number;
  /** The Markdown after the closing fence. */
  readonly body: string;
  /** 1-based line where the body starts. */
  readonly bodyLine: number;
  /** True when an opening fence has no closing fence. */
  readonly unclosed: boolean;
}

/**
 * Normalizes text read from disk: drops a byte-order mark and turns CRLF and CR line endings
 * into LF, so line numbers and parsers agree whatever editor wrote the file.
 */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits normalized text at its `---` fences. */
export function splitFrontmatter(text: string): SplitFile {
  if (!/^---[ \t]*\n/.test(text) && text.trimEnd() !== '---') {
    return { frontmatter: undefined, frontmatterLine: 1, body: text, bodyLine: 1, unclosed: false };
  }
  const afterOpening = text.indexOf('\n') + 1;
  const closing = /^(---|\.\.\.)[ \t]*$/m;
  const rest = afterOpening > 0 ? text.slice(afterOpening) : '';
  const match = closing.exec(rest);
  if (!match) {
    return { frontmatter: rest, frontmatterLine: 2, body: '', bodyLine: 1, unclosed: true };
  }
  const frontmatter = rest.slice(0, match.index);
  const afterClosing = afterOpening + match.index + match[0].length;
  const body = text.slice(afterClosing).replace(/^\n/, '');
  const bodyLine = 2 + countLines(frontmatter) + 1;
  return { frontmatter, frontmatterLine: 2, body, bodyLine, unclosed: false };
}

function countLines(text: string): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++;
  return lines;
}
