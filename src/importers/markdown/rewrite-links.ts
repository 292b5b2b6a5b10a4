import { posix } from 'node:path';

/** What link rewriting needs to know about the imported tree. */
export interface LinkContext {
  /** The page's path inside the docs folder, e.g. `training/scribe.md`. */
  readonly from: string;
  /** The site path of the entry a docs-relative Markdown path became, e.g. `/runbooks/scribe/`. */
  readonly hrefOf: (path: string) => string | undefined;
  /** Whether a docs-relative path is a file of the source tree. */
  readonly exists: (path: string) => boolean;
}

/** A link that could not be carried over as an entry link. */
export interface LinkProblem {
  /** 0-based line in the body. */
  readonly line: number;
  readonly what: string;
  readonly why: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// An inline link or image: text with one level of nested brackets (for an image inside a
// link), then the target, optionally in <>, and an optional title.
const INLINE = /(!?)\[((?:[^[\]]|\[[^[\]]*\])*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)((?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*)\)/g;
const DEFINITION = /^( {0,3}\[[^\]]+\]:[ \t]*)(<[^>\n]*>|\S+)(.*)$/;
const CODE_SPAN = /(`+)(?:(?!\1)[\s\S])*?\1/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Rewrites the relative links of a Markdown body. Links to imported pages become their entry
 * URLs (`/runbooks/<id>/`, anchors kept), including MkDocs's directory URLs (`/training/scribe/`).
 * Links to other files of the tree (images, PDFs) become site-absolute paths (`/assets/x.png`),
 * served from public/ as written: a relative image is left by Astro's entry rendering as an
 * `<img>` placeholder without a `src`, whereas an absolute one shows up once the file is copied
 * to public/. Each of those is reported, as is every link that leads nowhere. Code is left alone.
 */
export function rewriteLinks(body: string, context: LinkContext): { body: string; problems: LinkProblem[] } {
  const problems: LinkProblem[] = [];
  let fence: string | undefined;
  const lines = body.split('\n').map((line, index) => {
    const marker = FENCE.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      return line;
    }
    // Indented lines are treated as prose: MkDocs admonitions and list items indent their
    // content by four spaces, and telling those from indented code needs a full parser.
    if (fence) return line;
    const rewrite = (target: string, image: boolean) => {
      const result = rewriteTarget(target, image, context);
      if (result.problem) problems.push({ line: index, ...result.problem });
      return result.target;
    };
    const definition = DEFINITION.exec(line);
    if (definition) {
      const [, lead = '', target = '', rest = ''] = definition;
      return `${lead}${rewrite(target, false)}${rest}`;
    }
    return withoutCodeSpans(line, (text) => rewriteInline(text, rewrite));
  });
  return { body: lines.join('\n'), problems };
}

function rewriteInline(text: string, rewrite: (target: string, image: boolean) => string): string {
  return text.replace(INLINE, (_match, bang: string, label: string, target: string, title: string) => {
    const inner = rewriteInline(label, rewrite);
    return `${bang}[${inner}](${rewrite(target, bang === '!')}${title})`;
  });
}

/** Applies `change` to the parts of a line outside inline code spans. */
function withoutCodeSpans(line: string, change: (text: string) => string): string {
  let result = '';
  let last = 0;
  for (const match of line.matchAll(CODE_SPAN)) {
    result += change(line.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + change(line.slice(last));
}

function rewriteTarget(
  written: string,
  image: boolean,
  context: LinkContext,
): { target: string; problem?: Omit<LinkProblem, 'line'> } {
  const bracketed = written.startsWith('<') && written.endsWith('>');
  const raw = bracketed ? written.slice(1, -1) : written;
  if (raw === '' || raw.startsWith('#') || raw.startsWith('//') || SCHEME.test(raw)) return { target: written };
  const hashAt = raw.indexOf('#');
  const hash = hashAt === -1 ? '' : raw.slice(hashAt);
  const pathPart = (hashAt === -1 ? raw : raw.slice(0, hashAt)).replace(/\?.*$/, '');
  let decoded: string;
  try {
    decoded = decodeURI(pathPart);
  } catch {
    decoded = pathPart;
  }
  const kind = image ? 'image' : 'link';
  const fromDir = posix.dirname(context.from);
  const joined = decoded.startsWith('/') ? decoded.slice(1) : posix.join(fromDir, decoded);
  const path = posix.normalize(joined).replace(/\/+$/, '');
  if (path === '..' || path.startsWith('../')) {
    return { target: written, problem: { what: `${kind} ${raw}`, why: 'it points outside the imported folder; left as written' } };
  }
  if (!image) {
    // MkDocs resolves `page.md`, `page/` (directory URL) and `folder/` (its index) alike; a
    // relative directory URL is relative to the page's own URL, one level below its file.
    const pageUrlDir = posix.join(fromDir, posix.basename(context.from).replace(/\.[^.]+$/, ''));
    const fromPageUrl = decoded.startsWith('/') ? path : posix.normalize(posix.join(pageUrlDir, decoded)).replace(/\/+$/, '');
    const candidates = /\.(md|markdown)$/i.test(path)
      ? [path]
      : [`${path}.md`, `${path}/index.md`, `${path}/README.md`, `${fromPageUrl}.md`, `${fromPageUrl}/index.md`];
    for (const candidate of candidates) {
      const href = context.hrefOf(posix.normalize(candidate));
      if (href) return { target: href + hash };
    }
    if (/\.(md|markdown)$/i.test(path) || !/\.[a-z0-9]+$/i.test(path)) {
      return { target: written, problem: { what: `link ${raw}`, why: 'no such page in the imported folder; left as written' } };
    }
  }
  const sitePath = `/${encodeURI(path)}${hash}`;
  if (context.exists(path)) {
    return { target: sitePath, problem: { what: `${kind} ${raw}`, why: `not Markdown, so not imported; now points at /${path}: copy the file to public/${path}` } };
  }
  return { target: sitePath, problem: { what: `${kind} ${raw}`, why: `missing from the source; now points at /${path}, its place in public/` } };
}
