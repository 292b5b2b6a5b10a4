import { posix } from 'node:path';
import type { Code, Nodes } from 'mdast';
import { destinationOf, parseMarkdown } from '../../core/markdown/parse-markdown.ts';

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

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Indented code is read again as prose at most this deep (an admonition in an admonition…).
const MAX_DEPTH = 8;

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Rewrites the relative links of a Markdown body. Links to imported pages become their entry
 * URLs (`/runbooks/<id>/`, anchors kept), including MkDocs's directory URLs (`/training/scribe/`).
 * Links to other files of the tree (images, PDFs) become site-absolute paths (`/assets/x.png`),
 * served from public/ as written: a relative image is left by Astro's entry rendering as an
 * `<img>` placeholder without a `src`, whereas an absolute one shows up once the file is copied
 * to public/. Each of those is reported, as is every link that leads nowhere. Only the
 * destinations change, where the parser found them; fenced code and code spans are left alone.
 */
export function rewriteLinks(body: string, context: LinkContext): { body: string; problems: LinkProblem[] } {
  const problems: (LinkProblem & { readonly order: number })[] = [];
  const text = rewriteIn(body, 0, 0, context, problems);
  // In the order the destinations are written: an image inside a link comes before the link's own.
  problems.sort((a, b) => a.line - b.line || a.order - b.order);
  return { body: text, problems: problems.map(({ order: _order, ...problem }) => problem) };
}

function rewriteIn(body: string, lineOffset: number, depth: number, context: LinkContext, problems: (LinkProblem & { order: number })[]): string {
  const edits: Edit[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const at = destinationOf(node);
      if (at) {
        const written = body.slice(at.start, at.end);
        const result = rewriteTarget(written, node.type === 'image', context);
        if (result.problem) problems.push({ line: lineOffset + at.line - 1, ...result.problem, order: at.column });
        if (result.target !== written) edits.push({ start: at.start, end: at.end, text: result.target });
      }
    } else if (node.type === 'code') {
      const edit = depth < MAX_DEPTH ? rewriteIndented(node, body, lineOffset, depth, context, problems) : undefined;
      if (edit) edits.push(edit);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(body));
  let result = '';
  let last = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    result += body.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return result + body.slice(last);
}

/**
 * Indented code is read as prose: MkDocs admonitions, tabs and list items indent their content
 * by four spaces, which CommonMark takes for code after a blank line. Fenced code is code.
 */
function rewriteIndented(node: Code, body: string, lineOffset: number, depth: number, context: LinkContext, problems: (LinkProblem & { order: number })[]): Edit | undefined {
  const start = node.position?.start;
  const end = node.position?.end.offset;
  if (start?.offset === undefined || end === undefined || /^ {0,3}[`~]/.test(body.slice(start.offset, start.offset + 4))) return undefined;
  const lines = body.slice(start.offset, end).split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0));
  // Inside a block quote every line but the first starts with `>`: left as code.
  if (!Number.isFinite(indent) || indent === 0) return undefined;
  const removed = lines.map((line) => /^[ \t]*/.exec(line)?.[0].slice(0, indent) ?? '');
  const prose = lines.map((line, index) => line.slice(removed[index]?.length ?? 0)).join('\n');
  const rewritten = rewriteIn(prose, lineOffset + start.line - 1, depth + 1, context, problems);
  if (rewritten === prose) return undefined;
  return { start: start.offset, end, text: rewritten.split('\n').map((line, index) => (removed[index] ?? '') + line).join('\n') };
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
