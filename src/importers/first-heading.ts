import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../core/markdown/parse-markdown.ts';

/**
 * Finds the first level-one heading of the body (`# Title`, or `Title` over `===`), outside code
 * and outside lists and block quotes. Returns its plain text and the body without its lines (and
 * one blank line after them), since the page shows the title itself; or undefined when the body
 * has no such heading with text.
 */
export function takeFirstHeading(body: string): { title: string; body: string } | undefined {
  const heading = parseMarkdown(body).children.find((node) => node.type === 'heading' && node.depth === 1 && toString(node).trim() !== '');
  const start = heading?.position?.start.line;
  const end = heading?.position?.end.line;
  if (!heading || start === undefined || end === undefined) return undefined;
  const lines = body.split('\n');
  const after = lines[end]?.trim() === '' ? 1 : 0;
  return {
    title: toString(heading).replace(/\s+/g, ' ').trim(),
    body: [...lines.slice(0, start - 1), ...lines.slice(end + after)].join('\n'),
  };
}
