/**
 * What the checker, the rules, the importers and the diagram step need to know about a Markdown
 * body, read from one parse (see analyze-body.ts). Plain data: it is cached as JSON and passed
 * between worker threads, so it holds no functions and no syntax tree. Every `line` is a 1-based
 * line of the file the body was taken from; `column` is 1-based too.
 */
export interface BodyFacts {
  /** Every heading, ATX (`## Name`) or setext (`Name` over `----`), in document order. */
  readonly headings: readonly HeadingFact[];
  /** Every link, image, link reference definition and autolink, and `href`/`src` in HTML or JSX. */
  readonly links: readonly LinkFact[];
  /** Every code block, fenced or indented. */
  readonly code: readonly CodeFact[];
  /** The code blocks whose language is `mermaid`. */
  readonly mermaid: readonly MermaidFact[];
  /**
   * The first line of each paragraph (including those of list items, block quotes and
   * footnotes), from where the paragraph starts: for `- TODO: x`, the text is `TODO: x`.
   */
  readonly paragraphStarts: readonly ParagraphStart[];
  /** The text of a level-one heading that is the body's first block, if there is one. */
  readonly title?: string;
  /**
   * Why an MDX body does not parse, and where. The other facts then come from reading the body
   * as plain Markdown, so they are close but not exact.
   */
  readonly parseError?: BodyParseError;
}

export interface HeadingFact {
  /** 1 to 6. */
  readonly depth: number;
  /** Plain text, markup removed and white space collapsed: `## The *real* cause` is "The real cause". */
  readonly text: string;
  readonly line: number;
  /**
   * True when the section, up to the next heading of the same or a higher level, holds anything
   * besides headings, link definitions, thematic breaks, HTML comments and MDX import/export.
   * Subsections are part of the section: `## Postmortem` followed only by `### Timeline` and its
   * text has content; followed only by `### Timeline` and then `## Next`, it has none.
   */
  readonly hasContent: boolean;
}

export type LinkKind = 'link' | 'image' | 'definition' | 'html';

export interface LinkFact {
  /**
   * The destination as mdast resolves it: escapes and entities decoded, angle brackets removed;
   * for a reference (`[text][ref]`), its definition's; for a GFM literal (`www.x.org`), with the
   * scheme added (`http://www.x.org`).
   */
  readonly url: string;
  /** `link` for links, references to a link definition and autolinks; `html` for `<a href>`, `<img src>` and JSX. */
  readonly kind: LinkKind;
  /** Where the destination is written when it is written (inline links, definitions), else where the link starts. */
  readonly line: number;
  readonly column: number;
}

export interface CodeFact {
  /** The first word of the info string, if any (never for indented code). */
  readonly lang?: string;
  /** The rest of the info string, if any. */
  readonly meta?: string;
  /** The line of the opening fence, or of an indented block's first line. */
  readonly line: number;
  /** The line of the closing fence (the last line of the body if it never closes) or of an indented block's last line. */
  readonly endLine: number;
  readonly fenced: boolean;
  /** The code, without fences and with the indentation CommonMark removes. */
  readonly value: string;
}

export interface MermaidFact {
  readonly source: string;
  /**
   * The line of the opening fence: the diagram's line `n` (1-based) is the file's line
   * `line + n`, which is where a syntax error on the diagram's line `n` is reported.
   */
  readonly line: number;
}

export interface ParagraphStart {
  /** The paragraph's first line as written (markup kept), cut to 80 characters. */
  readonly text: string;
  readonly line: number;
}

export interface BodyParseError {
  readonly message: string;
  readonly line: number;
}

/** Facts of an empty body. */
export const NO_FACTS: BodyFacts = { headings: [], links: [], code: [], mermaid: [], paragraphStarts: [] };

const sameText = (heading: HeadingFact, text: string) => heading.text.toLowerCase() === text.trim().toLowerCase();

/** True when the body has a heading of that text, at any level, compared case-insensitively. */
export function hasHeading(facts: BodyFacts, text: string): boolean {
  return facts.headings.some((heading) => sameText(heading, text));
}

/** True when a heading of that text (any level, case-insensitive) exists and its section has content. */
export function sectionHasContent(facts: BodyFacts, text: string): boolean {
  return facts.headings.some((heading) => heading.hasContent && sameText(heading, text));
}

/**
 * Returns the facts with every line moved by `by`: the cache keeps facts of a body read from
 * line 1, so a body keeps its cache entry when the frontmatter above it grows or shrinks.
 */
export function shiftFacts(facts: BodyFacts, by: number): BodyFacts {
  if (by === 0) return facts;
  const move = <T extends { readonly line: number }>(item: T): T => ({ ...item, line: item.line + by });
  return {
    ...facts,
    headings: facts.headings.map(move),
    links: facts.links.map(move),
    code: facts.code.map((block) => ({ ...block, line: block.line + by, endLine: block.endLine + by })),
    mermaid: facts.mermaid.map(move),
    paragraphStarts: facts.paragraphStarts.map(move),
    ...(facts.parseError ? { parseError: move(facts.parseError) } : {}),
  };
}
