// The Markdown toolkit: one parse of a body (Sätteri, the site's parser, for Markdown; micromark
// with remark-mdx's extensions for MDX) read into plain facts, cached, and Mermaid's own parser
// run in Node.
export { analyzeBodies, type AnalyzeBodiesOptions, type AnalyzeStats, type BodyItem } from './analyze-bodies.ts';
export { analyzeBody } from './analyze-body.ts';
export {
  hasHeading,
  NO_FACTS,
  sectionHasContent,
  shiftFacts,
  type BodyFacts,
  type BodyParseError,
  type CodeFact,
  type HeadingFact,
  type LinkFact,
  type LinkKind,
  type MermaidFact,
  type ParagraphStart,
} from './body-facts.ts';
export { mermaidSyntaxError, type MermaidSyntaxError } from './mermaid-syntax.ts';
export { mermaidSyntaxErrors } from './mermaid-syntax-errors.ts';
export { destinationOf, parseMarkdown, type Destination, type ParseOptions } from './parse-markdown.ts';
