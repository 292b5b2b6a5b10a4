import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';

/**
 * Parses a Markdown body (no frontmatter) into mdast with positions, with Sätteri: the parser
 * the site renders it with, so what the check reads of a body (its headings, links, code and
 * diagrams) is what the published page shows. GFM is on, as on the site; directives are not
 * parsed, so an aside's content reads as the paragraphs it is written as. Sätteri is native
 * code, ten to twenty times as fast as micromark on generated platforms, which makes the parse of
 * every body no longer most of a check without a cache. MDX and the importers, which need the
 * exact offsets micromark records, use `parseMarkdown` (./parse-markdown.ts).
 */
export function parseSiteMarkdown(text: string): Root {
  return markdownToMdast(text, { features: { frontmatter: false, directive: false, math: false } }) as Root;
}
