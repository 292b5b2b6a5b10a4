import { capitalize } from '../../core/text/capitalize.ts';
import type { BodyProblem, ConversionCounts } from './body-problem.ts';
import { dedent, forEachProseLine, indentOf, type SourceLine } from './source-lines.ts';

/** Starlight's aside variants, the only ones `:::name` renders as an aside. */
type AsideVariant = 'note' | 'tip' | 'caution' | 'danger';

/**
 * MkDocs Material's admonition types by the Starlight aside closest in meaning. Types not listed
 * (a theme's own, such as `aside`) become notes.
 */
const VARIANTS: Readonly<Record<string, AsideVariant>> = {
  note: 'note', abstract: 'note', summary: 'note', tldr: 'note', info: 'note', todo: 'note', question: 'note', help: 'note',
  faq: 'note', example: 'note', quote: 'note', cite: 'note',
  tip: 'tip', hint: 'tip', important: 'tip', success: 'tip', check: 'tip', done: 'tip',
  warning: 'caution', caution: 'caution', attention: 'caution',
  danger: 'danger', error: 'danger', failure: 'danger', fail: 'danger', missing: 'danger', bug: 'danger',
};

// `!!! type "Title"`, `??? type`, `???+ type extra-class "Title"` (Python-Markdown admonition and
// pymdownx.details). The title is optional, and `""` means none.
const ADMONITION = /^([ \t]*)(!!!|\?\?\?\+?)[ \t]*([A-Za-z][\w-]*)((?:[ \t]+[A-Za-z][\w-]*)*)(?:[ \t]+"(.*)")?[ \t]*$/;
// `=== "Label"` (pymdownx.tabbed); `===+` selects the tab.
const TAB = /^([ \t]*)===(\+?)[ \t]+"(.*)"[ \t]*$/;
/** Lines that look like MkDocs block syntax; left over after conversion, they were not understood. */
export const MKDOCS_BLOCK = /^[ \t]*(!!!|\?\?\?|===)(?=[ \t+"A-Za-z]|$)/;

/** What converting a body's MkDocs blocks produced. */
export interface MkdocsConversion {
  readonly lines: SourceLine[];
  readonly problems: BodyProblem[];
  /** `admonitions` (became asides), `collapsible` (of them, written `???`), `tabs` (tab groups). */
  readonly counts: ConversionCounts;
}

/**
 * Turns MkDocs admonitions into Starlight asides (`:::note[Title]` … `:::`), which render in plain
 * Markdown entries, and content tabs into `<details>` sections, the first one open: Starlight's
 * tabs are an MDX component, and MDX is only allowed in trusted collections. Nested blocks nest
 * (an outer aside gets more colons). A collapsible admonition (`???`) becomes an open aside; its
 * type picks the variant, and a type Starlight lacks keeps its name as the title.
 */
export function convertMkdocsBlocks(lines: readonly SourceLine[]): MkdocsConversion {
  const counts: ConversionCounts = { admonitions: 0, collapsible: 0, tabs: 0 };
  const problems: BodyProblem[] = [];
  const converted = convert(lines, counts).lines;
  forEachProseLine(converted, (line) => {
    if (MKDOCS_BLOCK.test(line.text)) {
      problems.push({ line: line.line, what: `MkDocs block \`${line.text.trim()}\``, why: 'not an admonition or tab Multiplane understands; left as text' });
    }
  });
  return { lines: converted, problems, counts };
}

/** Converts one level; returns the lines and how deeply asides nest in them. */
function convert(lines: readonly SourceLine[], counts: ConversionCounts): { lines: SourceLine[]; depth: number } {
  const out: SourceLine[] = [];
  let depth = 0;
  const code = new Set<number>();
  forEachProseLine(lines, () => {}, (_line, index) => code.add(index));
  for (let index = 0; index < lines.length; ) {
    const line = lines[index] as SourceLine;
    const admonition = code.has(index) ? null : ADMONITION.exec(line.text);
    const tab = code.has(index) ? null : TAB.exec(line.text);
    if (admonition) {
      const indent = indentOf(admonition[1] ?? '');
      const block = blockBody(lines, index + 1, indent);
      const inner = convert(block.lines, counts);
      depth = Math.max(depth, inner.depth + 1);
      const type = (admonition[3] ?? 'note').toLowerCase();
      const variant = VARIANTS[type] ?? 'note';
      const title = admonition[5] ?? (capitalize(type) === capitalize(variant) ? undefined : capitalize(type));
      const colons = ':'.repeat(3 + inner.depth);
      const prefix = ' '.repeat(indent);
      separate(out, line);
      out.push({ text: `${prefix}${colons}${variant}${title ? `[${escapeLabel(title)}]` : ''}`, line: line.line });
      for (const content of inner.lines) out.push({ text: content.text === '' ? '' : `${prefix}${content.text}`, line: content.line });
      out.push({ text: `${prefix}${colons}`, line: lines[block.end - 1]?.line ?? line.line });
      counts.admonitions = (counts.admonitions ?? 0) + 1;
      if (admonition[2]?.startsWith('???')) counts.collapsible = (counts.collapsible ?? 0) + 1;
      index = block.end;
      gap(out, lines[index]);
      continue;
    }
    if (tab) {
      const indent = indentOf(tab[1] ?? '');
      const prefix = ' '.repeat(indent);
      const group: { label: string; selected: boolean; header: SourceLine; body: SourceLine[] }[] = [];
      let next = index;
      while (next < lines.length) {
        const header = TAB.exec(lines[next]?.text ?? '');
        if (!header || indentOf(header[1] ?? '') !== indent) break;
        const block = blockBody(lines, next + 1, indent);
        group.push({ label: header[3] ?? '', selected: header[2] === '+', header: lines[next] as SourceLine, body: convert(block.lines, counts).lines });
        next = block.end;
        // Tabs of one group may be separated by blank lines.
        let after = next;
        while (after < lines.length && lines[after]?.text.trim() === '') after++;
        if (after < lines.length && TAB.test(lines[after]?.text ?? '') && indentOf(TAB.exec(lines[after]?.text ?? '')?.[1] ?? '') === indent) next = after;
        else break;
      }
      const open = Math.max(0, group.findIndex((item) => item.selected));
      separate(out, line);
      group.forEach((item, position) => {
        if (position > 0) out.push({ text: '', line: item.header.line });
        out.push({ text: `${prefix}<details${position === open ? ' open' : ''}>`, line: item.header.line });
        out.push({ text: `${prefix}<summary>${escapeHtml(item.label)}</summary>`, line: item.header.line });
        out.push({ text: '', line: item.header.line });
        for (const content of item.body) out.push({ text: content.text === '' ? '' : `${prefix}${content.text}`, line: content.line });
        out.push({ text: '', line: item.body.at(-1)?.line ?? item.header.line });
        out.push({ text: `${prefix}</details>`, line: item.body.at(-1)?.line ?? item.header.line });
      });
      counts.tabs = (counts.tabs ?? 0) + 1;
      index = next;
      gap(out, lines[index]);
      continue;
    }
    out.push(line);
    index++;
  }
  return { lines: out, depth };
}

/**
 * The lines of a block opened at `start - 1` with indentation `indent`: every following line that
 * is blank or indented by at least four more columns, without trailing blank lines, dedented by
 * their common indentation.
 */
function blockBody(lines: readonly SourceLine[], start: number, indent: number): { lines: SourceLine[]; end: number } {
  let end = start;
  for (let index = start; index < lines.length; index++) {
    const text = lines[index]?.text ?? '';
    if (text.trim() === '') continue;
    if (indentOf(text) < indent + 4) break;
    end = index + 1;
  }
  const body = lines.slice(start, end);
  const common = Math.min(...body.filter((line) => line.text.trim() !== '').map((line) => indentOf(line.text)));
  const columns = Number.isFinite(common) ? common : indent + 4;
  return { lines: body.map((line) => ({ text: line.text.trim() === '' ? '' : dedent(line.text, columns), line: line.line })), end };
}

/** A container directive or HTML block starts a block: a blank line before it when text precedes it. */
function separate(out: SourceLine[], line: SourceLine): void {
  const last = out.at(-1);
  if (last && last.text.trim() !== '') out.push({ text: '', line: line.line });
}

/** And after it, when text follows directly. */
function gap(out: SourceLine[], next: SourceLine | undefined): void {
  if (next && next.text.trim() !== '') out.push({ text: '', line: next.line });
}

function escapeLabel(text: string): string {
  return text.replace(/[\\[\]]/g, (char) => `\\${char}`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
