import { addCounts, type BodyProblem, type ConversionCounts } from './body-problem.ts';
import { normalizeHeadings } from './headings.ts';
import { convertMkdocsBlocks } from './mkdocs-blocks.ts';
import { convertPandocConstructs, fillPlaceholders } from './pandoc-constructs.ts';
import { convertRawHtml } from './raw-html.ts';
import { type CarriedFile, type LinkContext, rewriteLinks } from './rewrite-links.ts';
import { joinLines, type SourceLine, sourceLines } from './source-lines.ts';
import { findUnconverted } from './unconverted.ts';

/** How to convert one page's body. */
export interface BodyOptions {
  /** The entry's title: a level-one heading repeating it is removed. */
  readonly title: string;
  /** Line of the source file the body starts on. */
  readonly firstLine: number;
  /** The Markdown dialect the source was written in. */
  readonly dialect: 'mkdocs' | 'pandoc';
  /** Values for template placeholders (`{{.Name}}`), pandoc dialect only. */
  readonly placeholders?: Readonly<Record<string, string>>;
  readonly links: LinkContext;
}

/** A converted body, what it needs beside it, and what could not be converted. */
export interface ConvertedBody {
  readonly body: string;
  readonly files: CarriedFile[];
  /** Every construct left as it was or dropped, at its source line, in line order. */
  readonly problems: BodyProblem[];
  readonly counts: ConversionCounts;
}

/**
 * Converts an imported page's body into Markdown the site renders as the source meant: the
 * dialect's own constructs first (MkDocs admonitions and tabs; comply's pandoc page breaks, grid
 * tables, lettered lists and placeholders), then raw HTML the site would drop (see
 * `convertRawHtml`), then links and images (see `rewriteLinks`), then a
 * scan for anything still left in another dialect's syntax, and last the headings (see
 * `normalizeHeadings`). Every report names the line of the source file.
 */
export function convertBody(body: string, options: BodyOptions): ConvertedBody {
  const problems: BodyProblem[] = [];
  const counts: ConversionCounts = {};
  let lines = sourceLines(body, options.firstLine);
  if (options.dialect === 'mkdocs') {
    const mkdocs = convertMkdocsBlocks(lines);
    lines = mkdocs.lines;
    problems.push(...mkdocs.problems);
    addCounts(counts, mkdocs.counts);
  } else {
    const filled = fillPlaceholders(lines, options.placeholders ?? {});
    const pandoc = convertPandocConstructs(filled.lines);
    lines = pandoc.lines;
    problems.push(...pandoc.problems);
    addCounts(counts, { ...pandoc.counts, placeholders: filled.filled });
  }
  const html = convertRawHtml(lines);
  lines = html.lines;
  problems.push(...html.problems);
  addCounts(counts, html.counts);
  const lineOf = (bodyLine: number, from: readonly SourceLine[]) => from[bodyLine - 1]?.line ?? from.at(-1)?.line ?? options.firstLine;
  const linked = rewriteLinks(joinLines(lines), options.links);
  problems.push(...linked.problems.map((problem) => ({ ...problem, line: lineOf(problem.line, lines) })));
  // Link rewriting keeps the line count (only destinations and brackets change), so each line
  // still knows its source line.
  const rewritten = linked.body.split('\n').map((text, index) => ({ text, line: lineOf(index + 1, lines) }));
  problems.push(...findUnconverted(rewritten));
  const headings = normalizeHeadings(linked.body, options.title);
  addCounts(counts, { titleHeadings: headings.removedTitle ? 1 : 0, demotedBodies: headings.demoted ? 1 : 0 });
  problems.sort((a, b) => a.line - b.line);
  return { body: headings.body, files: linked.files, problems, counts };
}
