import type { BodyProblem, ConversionCounts } from './body-problem.ts';
import { forEachProseLine, type SourceLine } from './source-lines.ts';

const IFRAME = /<iframe\b[^>]*?\bsrc\s*=\s*["']([^"']+)["'][^>]*>\s*(?:<\/iframe>)?/gi;
const INPUT = /<input\b[^>]*>/gi;
// Python-Markdown's attr_list: `{: target="_blank" }` after a link, or `{: .class }` on its own line.
const ATTRIBUTE_LIST = /[ \t]*\{:[^}\n]*\}/g;

/**
 * Converts raw HTML and attribute syntax the site would drop or show as text, outside code: an
 * embedded frame (`<iframe src>`, a video) becomes a link to what it showed, since the site
 * embeds no frames; a form input is removed (the site removes inputs, and a page's own CSS tricks
 * built on them do not come along), reported once per page with its lines; a Python-Markdown
 * attribute list (`{: target="_blank" }`) is removed, as the site has no attributes to set.
 */
export function convertRawHtml(lines: readonly SourceLine[]): { lines: SourceLine[]; problems: BodyProblem[]; counts: ConversionCounts } {
  const counts: ConversionCounts = { frames: 0, attributeLists: 0 };
  const removedInputs: number[] = [];
  const out = [...lines];
  forEachProseLine(lines, (line, index) => {
    let text = line.text;
    if (/<iframe/i.test(text)) {
      text = text.replace(IFRAME, (_whole, src: string) => {
        counts.frames = (counts.frames ?? 0) + 1;
        return `<a href="${src}">${src}</a>`;
      });
    }
    if (/<input/i.test(text)) {
      text = text.replace(INPUT, () => {
        removedInputs.push(line.line);
        return '';
      });
    }
    if (text.includes('{:')) {
      text = text.replace(ATTRIBUTE_LIST, () => {
        counts.attributeLists = (counts.attributeLists ?? 0) + 1;
        return '';
      });
    }
    if (text !== line.text) out[index] = { text, line: line.line };
  });
  const problems: BodyProblem[] =
    removedInputs.length === 0
      ? []
      : [
          {
            line: removedInputs[0] ?? 1,
            what: `raw HTML <input>${removedInputs.length > 1 ? ` (${removedInputs.length} of them, on lines ${removedInputs.join(', ')})` : ''}`,
            why: 'removed: a page may not take input, so what the old site built on them (click to enlarge, toggles) does not come along',
          },
        ];
  return { lines: out, problems, counts };
}
