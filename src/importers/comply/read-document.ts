import yaml from 'js-yaml';
import { normalizeText, splitFrontmatter } from '../../core/content/frontmatter.ts';

/** A comply document split into its metadata and its Markdown body. */
export interface ComplyDocument {
  /** The metadata fields, or undefined when the file has none. */
  readonly metadata: Record<string, unknown> | undefined;
  readonly body: string;
  /** Line of the file the body starts on. */
  readonly bodyLine: number;
}

export type ReadDocumentResult = { readonly ok: true; readonly document: ComplyDocument } | { readonly ok: false; readonly reason: string };

const FENCE = /^---[ \t]*$/m;
const FIELD_LINE = /^[A-Za-z_][\w-]*:(\s|$)/;

/**
 * Splits a comply document. comply writes its metadata without an opening `---` line: the YAML
 * runs from the first line to the first `---` line, and the body follows. Files that do start
 * with a fence are read the usual way. Text before a `---` that is not YAML metadata (a body
 * with a horizontal rule and no metadata) is kept whole as the body.
 */
export function readComplyDocument(source: string): ReadDocumentResult {
  const text = normalizeText(source);
  let head: string;
  let body: string;
  let bodyLine: number;
  let fenced = true;
  if (/^---[ \t]*\n/.test(text)) {
    const split = splitFrontmatter(text);
    if (split.unclosed) return { ok: false, reason: 'its metadata block opened on line 1 is never closed with a --- line' };
    head = split.frontmatter ?? '';
    body = split.body;
    bodyLine = split.bodyLine;
  } else {
    const fence = FENCE.exec(text);
    fenced = fence !== null;
    head = fence ? text.slice(0, fence.index) : text;
    body = fence ? text.slice(fence.index + fence[0].length).replace(/^\n/, '') : '';
    bodyLine = fence ? text.slice(0, fence.index).split('\n').length + 1 : 1;
  }
  const whole = { metadata: undefined, body: text, bodyLine: 1 };
  const looksLikeMetadata = FIELD_LINE.test(head.trimStart());
  let parsed: unknown;
  try {
    parsed = yaml.load(head, { schema: yaml.CORE_SCHEMA });
  } catch (cause) {
    // Without a fence there is no sign the text was meant as metadata: it is all body.
    if (!looksLikeMetadata || !fenced) return { ok: true, document: whole };
    const reason = cause instanceof yaml.YAMLException ? `${cause.reason} on line ${(cause.mark?.line ?? 0) + 1}` : 'it is not valid YAML';
    return { ok: false, reason: `its metadata cannot be read as YAML: ${reason}` };
  }
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && looksLikeMetadata) {
    return { ok: true, document: { metadata: parsed as Record<string, unknown>, body, bodyLine } };
  }
  return { ok: true, document: whole };
}
