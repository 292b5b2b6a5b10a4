import yaml from 'js-yaml';
import { normalizeText, splitFrontmatter } from '../../core/content/frontmatter.ts';

/** A Markdown page split into its metadata (MkDocs "meta", if any) and its body. */
export interface Page {
  readonly metadata: Record<string, unknown>;
  readonly body: string;
  /** 1-based line of the source file where the body starts. */
  readonly bodyLine: number;
}

/** Reads a page, or says why its frontmatter cannot be read (then nothing of it is imported). */
export function readPage(source: string): { ok: true; page: Page } | { ok: false; reason: string } {
  const split = splitFrontmatter(normalizeText(source));
  if (split.unclosed) return { ok: false, reason: 'its frontmatter opened on line 1 is never closed with a --- line' };
  if (split.frontmatter === undefined) return { ok: true, page: { metadata: {}, body: split.body, bodyLine: split.bodyLine } };
  let parsed: unknown;
  try {
    parsed = yaml.load(split.frontmatter, { schema: yaml.CORE_SCHEMA });
  } catch (cause) {
    const reason = cause instanceof yaml.YAMLException ? `${cause.reason} on line ${(cause.mark?.line ?? 0) + split.frontmatterLine}` : 'it is not valid YAML';
    return { ok: false, reason: `its frontmatter cannot be read as YAML: ${reason}` };
  }
  if (parsed === null || parsed === undefined) return { ok: true, page: { metadata: {}, body: split.body, bodyLine: split.bodyLine } };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return { ok: false, reason: 'its frontmatter is not a set of fields' };
  return { ok: true, page: { metadata: parsed as Record<string, unknown>, body: split.body, bodyLine: split.bodyLine } };
}
