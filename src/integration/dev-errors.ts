import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTICS } from '../core/findings/catalogue.ts';
import type { Finding } from '../core/findings/finding.ts';
import type { PlatformModel } from '../core/model/build-model.ts';

/**
 * Rules whose errors mean the content itself is broken, not merely ungoverned: a file that did
 * not load, a reference to nothing, two files with one ID. The dev server overlays them on every
 * page until they are fixed; other findings show on the entry's page and the dashboard, as in a
 * built site.
 */
const CONTENT_ERROR_RULES: ReadonlySet<string> = new Set([
  ...Object.values(DIAGNOSTICS).map((docs) => docs.id),
  'dangling-reference',
  'owner-exists',
  'duplicate-id',
]);

/** The errors the dev server overlays, in report order. */
export function contentErrors(model: PlatformModel): Finding[] {
  return model.findings.filter((finding) => finding.severity === 'error' && CONTENT_ERROR_RULES.has(finding.rule));
}

/** What Astro's error overlay shows (the `err` of a Vite error payload, as Astro renders it). */
export interface OverlayError {
  readonly name: string;
  readonly title: string;
  /** HTML. */
  readonly message: string;
  /** HTML. */
  readonly hint: string;
  readonly loc: { readonly file: string; readonly line: number; readonly column?: number };
  /** HTML of the lines around the problem, the problem's line marked. */
  readonly highlightedCode?: string;
  readonly stack: string;
}

/**
 * Describes content errors for Astro's overlay: the first one in full, as `npm run check` prints
 * it (file:line, rule, message, field, fix), with the lines around it; the others listed.
 */
export function overlayError(errors: readonly Finding[], root: string): OverlayError | undefined {
  const [first, ...rest] = errors;
  if (!first) return undefined;
  const where = `${first.file}:${first.line}${first.column ? `:${first.column}` : ''}`;
  const others = rest.slice(0, 9).map((finding) => `<li><code>${escapeHtml(`${finding.file}:${finding.line}`)}</code> ${inlineCode(finding.message)}</li>`);
  const more = rest.length > others.length ? `<li>and ${rest.length - others.length} more: run <code>npm run check</code>.</li>` : '';
  return {
    name: 'ContentError',
    title: errors.length === 1 ? 'The content has an error' : `The content has ${errors.length} errors`,
    message:
      `<code>${escapeHtml(where)}</code> ${escapeHtml(first.rule)}: ${inlineCode(first.message)}` +
      (first.field ? `<br>field: <code>${escapeHtml(first.field)}</code>` : '') +
      (others.length > 0 ? `<br><br>Also:<ul>${others.join('')}${more}</ul>` : ''),
    hint: `${inlineCode(first.hint)} The page updates as soon as the file is saved.`,
    loc: { file: join(root, first.file), line: first.line, ...(first.column ? { column: first.column } : {}) },
    ...codeFrame(join(root, first.file), first.line),
    stack: `${where}  error  ${first.rule}\n  ${first.message}\n  fix:   ${first.hint}`,
  };
}

function codeFrame(file: string, line: number): { highlightedCode?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, line - 3);
  const to = Math.min(lines.length, line + 3);
  const rows: string[] = [];
  for (let number = from; number <= to; number++) {
    rows.push(`<span class="line${number === line ? ' error-line' : ''}">${escapeHtml(lines[number - 1] ?? '')}</span>`);
  }
  return { highlightedCode: `<pre class="shiki" tabindex="0"><code>${rows.join('\n')}</code></pre>` };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes text and turns its `code spans` into <code>, as findings write IDs and fields. */
function inlineCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/**
 * The script a dev page carries while the content has errors: it shows them in Astro's overlay
 * once Vite's client has defined it. The page itself still renders, so what did load stays
 * readable behind the overlay.
 */
export function overlayScript(error: OverlayError): string {
  // JSON inside a script element: `<` escaped so no value can close the element.
  const payload = JSON.stringify(error).replace(/</g, '\\u003c');
  return `<script type="module" data-multiplane-content-error>customElements.whenDefined('vite-error-overlay').then(() => { const Overlay = customElements.get('vite-error-overlay'); document.querySelectorAll('vite-error-overlay').forEach((old) => old.remove()); document.body.appendChild(new Overlay(${payload})); });</script>`;
}
