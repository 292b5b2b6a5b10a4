import type { Nodes } from 'mdast';
import { parseMarkdown } from '../../core/markdown/parse-markdown.ts';
import { REMOVED_ELEMENTS } from '../../render/html-allowlist.ts';
import type { BodyProblem } from './body-problem.ts';
import { MKDOCS_BLOCK } from './mkdocs-blocks.ts';
import { forEachProseLine, type SourceLine } from './source-lines.ts';

/** Constructs of other Markdown dialects the site shows as literal text, by what to say about them. */
const LEFTOVERS: readonly { readonly pattern: RegExp; readonly what: (match: RegExpExecArray) => string; readonly why: string }[] = [
  { pattern: /\{\{[^{}\n]*\}\}/, what: (match) => `template placeholder \`${match[0]}\``, why: 'no value for it; shown as written: replace it with the text it stands for' },
  { pattern: /^\s*\\[A-Za-z]+(\{[^}]*\})?/, what: (match) => `LaTeX command \`${match[0].trim()}\``, why: 'Markdown has no such command; shown as written' },
  { pattern: /^\s*\{[#.][\w-][^}]*\}\s*$/, what: (match) => `attribute list \`${match[0].trim()}\``, why: 'Python-Markdown attribute lists have no equivalent; shown as written' },
  { pattern: /^\s*-{2}8<-{2}/, what: () => 'snippet include `--8<--`', why: 'the included file is not inlined; paste its text instead' },
  { pattern: /^\s*\[TOC\]\s*$/, what: () => '`[TOC]` marker', why: 'every page shows its own table of contents; remove the marker' },
];

/**
 * Scans a converted body for what the site will not render as the source meant, outside code: raw
 * HTML elements the site's sanitizer removes (frames, forms, inputs, scripts), template
 * placeholders, LaTeX commands, Python-Markdown attribute lists, snippet includes, `[TOC]`, and
 * MkDocs block syntax nothing converted. One problem per construct, at its source line.
 */
export function findUnconverted(lines: readonly SourceLine[]): BodyProblem[] {
  const problems: BodyProblem[] = [];
  forEachProseLine(lines, (line) => {
    if (MKDOCS_BLOCK.test(line.text)) return;
    for (const leftover of LEFTOVERS) {
      const match = leftover.pattern.exec(line.text);
      if (match) problems.push({ line: line.line, what: leftover.what(match), why: leftover.why });
    }
  });
  const body = lines.map((line) => line.text).join('\n');
  if (body.includes('<')) {
    const visit = (node: Nodes) => {
      if (node.type === 'html') {
        const start = node.position?.start.line ?? 1;
        for (const tag of node.value.matchAll(/<([a-zA-Z][\w-]*)/g)) {
          const name = (tag[1] ?? '').toLowerCase();
          if (!REMOVED_ELEMENTS.has(name) && name !== 'input') continue;
          const offset = node.value.slice(0, tag.index).split('\n').length - 1;
          const line = lines[start - 1 + offset]?.line ?? lines[start - 1]?.line ?? 1;
          problems.push({ line, what: `raw HTML <${name}>`, why: `the site removes it when it renders the page (${name === 'iframe' ? 'no embedded frames: link to it instead' : 'nothing in a page may run code or take input'})` });
        }
      }
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(parseMarkdown(body));
  }
  return problems.sort((a, b) => a.line - b.line);
}
