import { posix } from 'node:path';
import type { Html, Image, Link, Nodes } from 'mdast';
import { destinationOf, parseMarkdown } from '../../core/markdown/parse-markdown.ts';
import { COLLECTIONS, type EntryCollectionName } from '../../core/schemas/index.ts';

/** The entry a source page becomes. */
export interface EntryPlace {
  readonly collection: EntryCollectionName;
  /** Its ID, which is also its path inside the collection folder without `.md`. */
  readonly id: string;
}

/** What link rewriting needs to know about the imported tree. */
export interface LinkContext {
  /** The page's path inside the imported root (an MkDocs docs folder), e.g. `training/scribe.md`. */
  readonly from: string;
  /** The entry the page becomes. */
  readonly page: EntryPlace;
  /** The entry a page of the tree (root-relative path) becomes, if it is imported. */
  readonly entryOf: (path: string) => EntryPlace | undefined;
  /** Whether a root-relative path is a file of the tree. */
  readonly exists: (path: string) => boolean;
  /** The folder inside the collection folder that holds this import's entries (`--prefix`), or `''`. */
  readonly folder: string;
}

/** A file of the tree an entry shows or links, and where it goes beside the entry. */
export interface CarriedFile {
  /** Root-relative path in the imported tree. */
  readonly source: string;
  /** Path under the content folder, e.g. `runbooks/assets/img/escalation.png`. */
  readonly target: string;
}

/** A link or image that could not be carried over as it was. */
export interface LinkProblem {
  /** 1-based line in the body. */
  readonly line: number;
  readonly what: string;
  readonly why: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PAGE = /\.(md|markdown)$/i;
const HTML_URL = /\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

type Resolution =
  | { readonly kind: 'keep' }
  | { readonly kind: 'page'; readonly href: string }
  | { readonly kind: 'file'; readonly file: CarriedFile; readonly destination: string }
  | { readonly kind: 'gone'; readonly why: string };

/**
 * Rewrites the relative links and images of a body so that they work in the built site under any
 * base path (`https://org.github.io/repo/` as well as a domain's root):
 * - a link to an imported page becomes a relative address from this entry's page to that entry's
 *   (`../scribe/#purpose`, `../../policies/access/`), which `dangling-link` checks;
 * - an image or other file of the tree is carried beside the entry (`<collection>/<folder>/<its
 *   path in the tree>`) and linked relative to the entry's file, where the site looks for it;
 * - a link to a page or file that is not there is unlinked, keeping its text, and an image that
 *   is not there is replaced by its alt text; each is reported at its line.
 * Links in raw HTML (`<a href>`) are rewritten when they lead to a page; files in raw HTML are
 * reported, since the site only carries Markdown images. Only destinations change; code is left alone.
 */
export function rewriteLinks(body: string, context: LinkContext): { body: string; problems: LinkProblem[]; files: CarriedFile[] } {
  const edits: Edit[] = [];
  const problems: (LinkProblem & { readonly column: number })[] = [];
  const files = new Map<string, CarriedFile>();
  const visit = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const at = destinationOf(node);
      if (at) {
        const written = body.slice(at.start, at.end);
        const raw = written.startsWith('<') && written.endsWith('>') ? written.slice(1, -1) : written;
        const kind = node.type === 'image' ? 'image' : 'link';
        const resolved = resolve(raw, kind, context);
        if (resolved.kind === 'page') edits.push({ start: at.start, end: at.end, text: resolved.href });
        else if (resolved.kind === 'file') {
          files.set(resolved.file.target, resolved.file);
          edits.push({ start: at.start, end: at.end, text: resolved.destination });
          if (kind === 'link') {
            problems.push({
              line: at.line,
              column: at.column,
              what: `link ${raw}`,
              why: 'the file was copied beside the entry, where the check finds it, but the site publishes only the pictures pages show (![…](…)) so far: until it serves linked files, also put it where readers can fetch it',
            });
          }
        } else if (resolved.kind === 'gone') {
          if (node.type === 'definition') {
            problems.push({ line: at.line, column: at.column, what: `link definition ${raw}`, why: `${resolved.why}; left as written` });
          } else {
            problems.push({ line: at.line, column: at.column, what: `${kind} ${raw}`, why: `${resolved.why}; ${node.type === 'image' ? 'replaced by its alt text' : 'unlinked, its text kept'}` });
            edits.push(...unwrap(node));
          }
        }
      }
    } else if (node.type === 'html') {
      edits.push(...rewriteHtml(node, body, context, problems));
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(body));
  let text = '';
  let last = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (edit.start < last) continue;
    text += body.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { body: text + body.slice(last), problems: problems.map(({ column: _column, ...problem }) => problem), files: [...files.values()] };
}

/** Edits that keep a link's text without the link, or an image's alt text without the image. */
function unwrap(node: Link | Image): Edit[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  if (node.type === 'image') return [{ start, end, text: (node.alt ?? '').replace(/[\\`*_[\]<>]/g, (char) => `\\${char}`) }];
  const first = node.children[0]?.position?.start.offset;
  const last = node.children.at(-1)?.position?.end.offset;
  if (first === undefined || last === undefined) return [{ start, end, text: '' }];
  return [
    { start, end: first, text: '' },
    { start: last, end, text: '' },
  ];
}

/** Rewrites the `href` and `src` attributes of raw HTML that lead to imported pages. */
function rewriteHtml(node: Html, body: string, context: LinkContext, problems: (LinkProblem & { column: number })[]): Edit[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || !node.value.includes('=')) return [];
  const edits: Edit[] = [];
  const html = body.slice(start, end);
  for (const match of html.matchAll(HTML_URL)) {
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    const valueAt = start + match.index + match[0].length - value.length - (match[4] === undefined ? 1 : 0);
    const line = (node.position?.start.line ?? 1) + html.slice(0, match.index).split('\n').length - 1;
    const attribute = (match[1] ?? '').toLowerCase();
    const resolved = resolve(value, attribute === 'src' ? 'image' : 'link', context);
    if (resolved.kind === 'page') {
      edits.push({ start: valueAt, end: valueAt + value.length, text: resolved.href });
    } else if (resolved.kind === 'file') {
      problems.push({ line, column: match.index, what: `raw HTML ${attribute}="${value}"`, why: 'a file in raw HTML is not carried: write it as a Markdown image or link; left as written' });
    } else if (resolved.kind === 'gone') {
      problems.push({ line, column: match.index, what: `raw HTML ${attribute}="${value}"`, why: `${resolved.why}; left as written` });
    }
  }
  return edits;
}

/** Where a destination written in the page leads, read as MkDocs and the browser would. */
function resolve(raw: string, kind: 'image' | 'link', context: LinkContext): Resolution {
  if (raw === '' || raw.startsWith('#') || raw.startsWith('//') || SCHEME.test(raw)) return { kind: 'keep' };
  const hashAt = raw.indexOf('#');
  const hash = hashAt === -1 ? '' : raw.slice(hashAt);
  let decoded = (hashAt === -1 ? raw : raw.slice(0, hashAt)).replace(/\?.*$/, '');
  try {
    decoded = decodeURI(decoded);
  } catch {
    // A malformed escape is read as written.
  }
  const fromDir = posix.dirname(context.from);
  const joined = decoded.startsWith('/') ? decoded.slice(1) : posix.join(fromDir, decoded);
  const path = posix.normalize(joined === '' ? '.' : joined).replace(/\/+$/, '').replace(/^\.$/, '');
  if (path === '..' || path.startsWith('../')) return { kind: 'gone', why: 'it points outside the imported folder' };
  if (kind === 'link') {
    // MkDocs resolves `page.md`, `page/` (its directory URL) and `folder/` (its index) alike; a
    // relative directory URL is relative to the page's own URL, one level below its file.
    const pageUrlDir = posix.join(fromDir, posix.basename(context.from).replace(/\.[^.]+$/, ''));
    const fromPageUrl = decoded.startsWith('/') ? path : posix.normalize(posix.join(pageUrlDir, decoded)).replace(/\/+$/, '');
    const folder = (name: string) => (path === '' ? name : `${path}/${name}`);
    const candidates = PAGE.test(path) ? [path] : [`${path}.md`, folder('index.md'), folder('README.md'), `${fromPageUrl}.md`, `${fromPageUrl}/index.md`];
    for (const candidate of candidates) {
      const entry = context.entryOf(posix.normalize(candidate));
      if (entry) return { kind: 'page', href: pageHref(context.page, entry, hash) };
    }
    if (PAGE.test(path) || !/\.[a-z0-9]+$/i.test(path)) return { kind: 'gone', why: 'no such page in the imported folder' };
  }
  if (!context.exists(path)) return { kind: 'gone', why: `${kind === 'image' ? 'the picture is' : 'the file is'} missing from the imported folder` };
  const folder = COLLECTIONS[context.page.collection].source.path;
  const target = posix.join(folder, context.folder, path);
  const relative = posix.relative(posix.dirname(posix.join(folder, context.page.id)), target);
  return { kind: 'file', file: { source: path, target }, destination: writtenPath(relative.startsWith('../') ? relative : `./${relative}`) + hash };
}

/** The address of one entry's page from another's, relative so that it works under any base path. */
export function pageHref(from: EntryPlace, to: EntryPlace, hash = ''): string {
  const source = `/${from.collection}/${from.id}/`;
  const target = `/${to.collection}/${to.id}/`;
  if (source === target) return hash === '' ? './' : hash;
  return `${encodeURI(posix.relative(source, target))}/${hash}`;
}

/** A path as a Markdown destination: in angle brackets when it holds spaces or brackets. */
function writtenPath(path: string): string {
  return /[\s()<>]/.test(path) ? `<${path.replace(/[<>]/g, encodeURIComponent)}>` : path;
}
