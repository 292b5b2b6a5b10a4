import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../../core/markdown/parse-markdown.ts';

/** What normalizing a body's headings did. */
export interface HeadingResult {
  readonly body: string;
  /** True when a level-one heading repeating the title was removed. */
  readonly removedTitle: boolean;
  /** True when every heading went one level down, because level-one headings remained. */
  readonly demoted: boolean;
}

const comparable = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Fits a body's headings under the page's own title, which the site shows as the page's only
 * level-one heading. A level-one heading that repeats the title is removed (with the blank line
 * after it); if level-one headings remain (comply writes every section as one), every heading
 * goes one level down, so the sections appear under "On this page", which lists levels two and
 * three. Headings inside lists, quotes and code are left alone.
 */
export function normalizeHeadings(body: string, title: string): HeadingResult {
  const top = parseMarkdown(body).children.filter((node): node is Heading & RootContent => node.type === 'heading');
  const repeat = top.find((heading) => heading.depth === 1 && comparable(toString(heading)) === comparable(title));
  const remaining = top.filter((heading) => heading !== repeat);
  const demote = remaining.some((heading) => heading.depth === 1);
  if (!repeat && !demote) return { body, removedTitle: false, demoted: false };

  const edits: { start: number; end: number; text: string }[] = [];
  if (repeat?.position?.start.offset !== undefined && repeat.position.end.offset !== undefined) {
    const end = repeat.position.end.offset;
    // With its line break and one blank line after it, so no gap is left where it was.
    const after = /^\n?[ \t]*\n?/.exec(body.slice(end))?.[0].length ?? 0;
    edits.push({ start: lineStart(body, repeat.position.start.offset), end: end + after, text: '' });
  }
  if (demote) {
    for (const heading of remaining) {
      const start = heading.position?.start.offset;
      const end = heading.position?.end.offset;
      if (start === undefined || end === undefined || heading.depth >= 6) continue;
      const written = body.slice(start, end);
      if (written.startsWith('#')) {
        edits.push({ start, end: start, text: '#' });
      } else {
        // A setext heading (text over `===` or `---`) becomes an ATX heading one level down.
        const text = written.split('\n').slice(0, -1).map((line) => line.trim()).join(' ');
        edits.push({ start, end, text: `${'#'.repeat(heading.depth + 1)} ${text}` });
      }
    }
  }
  let result = '';
  let last = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    result += body.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return { body: result + body.slice(last), removedTitle: repeat !== undefined, demoted: demote };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
