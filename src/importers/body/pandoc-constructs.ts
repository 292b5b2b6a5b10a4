import type { BodyProblem, ConversionCounts } from './body-problem.ts';
import { forEachProseLine, type SourceLine } from './source-lines.ts';

/** What converting a body's pandoc constructs produced. */
export interface PandocConversion {
  readonly lines: SourceLine[];
  readonly problems: BodyProblem[];
  /** `tables` (grid tables turned into pipe tables), `lists` (lettered or roman list items numbered), `pagebreaks` (removed). */
  readonly counts: ConversionCounts;
}

const PAGE_BREAK = /^\s*\\(pagebreak|newpage|clearpage)\s*$/;
const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const GRID_ROW = /^\s*[+|]/;
// pandoc's fancy lists: `a.`, `iv.`, `B)` … CommonMark numbers only, so they render as text, and
// their indented sub-items as code.
const FANCY_ITEM = /^(\s*)([a-zA-Z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})([.)])(\s+)(?=\S)/;
const ATX_WITHOUT_SPACE = /^( {0,3})(#{1,6})(?=[^\s#])/;

/**
 * Converts what comply's documents borrow from pandoc's Markdown, which the site's CommonMark would
 * show as literal text: page breaks (`\pagebreak`, meaningful only in comply's PDF) are removed;
 * grid tables become pipe tables when every row has one cell per column (a table with merged
 * cells is reported and left as it is); lettered and roman-numbered list items become numbered
 * ones (`a.` → `1.`), so their indented sub-items stop rendering as code; and `#Heading`, which
 * comply's authors write for a heading, gets its space.
 */
export function convertPandocConstructs(lines: readonly SourceLine[]): PandocConversion {
  const counts: ConversionCounts = { tables: 0, lists: 0, pagebreaks: 0 };
  const problems: BodyProblem[] = [];
  const code = new Set<number>();
  forEachProseLine(lines, () => {}, (_line, index) => code.add(index));
  const out: SourceLine[] = [];
  for (let index = 0; index < lines.length; ) {
    const line = lines[index] as SourceLine;
    if (code.has(index)) {
      out.push(line);
      index++;
      continue;
    }
    if (PAGE_BREAK.test(line.text)) {
      problems.push({ line: line.line, what: `\`${line.text.trim()}\``, why: 'removed: a page break of comply\'s PDF, which a web page has no use for' });
      counts.pagebreaks = (counts.pagebreaks ?? 0) + 1;
      index++;
      continue;
    }
    if (GRID_BORDER.test(line.text)) {
      let end = index + 1;
      while (end < lines.length && !code.has(end) && GRID_ROW.test(lines[end]?.text ?? '')) end++;
      const block = lines.slice(index, end);
      const table = gridTable(block);
      if (table) {
        out.push(...table);
        counts.tables = (counts.tables ?? 0) + 1;
      } else {
        problems.push({ line: line.line, what: `pandoc grid table (lines ${line.line}–${block.at(-1)?.line ?? line.line})`, why: 'it has merged cells, which Markdown tables cannot hold; left as text: rewrite it as a list or a simpler table' });
        out.push(...block);
      }
      index = end;
      continue;
    }
    const item = FANCY_ITEM.exec(line.text);
    if (item && !/^\d/.test(item[2] ?? '')) {
      out.push({ text: `${item[1]}1.${item[4]}${line.text.slice(item[0].length)}`, line: line.line });
      counts.lists = (counts.lists ?? 0) + 1;
      index++;
      continue;
    }
    const heading = ATX_WITHOUT_SPACE.exec(line.text);
    out.push(heading ? { text: `${heading[1]}${heading[2]} ${line.text.slice(heading[0].length)}`, line: line.line } : line);
    index++;
  }
  return { lines: out, problems, counts };
}

/**
 * A pipe table from a grid table's lines, or undefined when a row does not have one cell per
 * column (merged cells). A row's lines are joined cell by cell; rows with no text (pandoc's
 * spacing rows) are dropped; the rows above the `+===+` line are the header, else the first row.
 */
function gridTable(block: readonly SourceLine[]): SourceLine[] | undefined {
  const first = block[0];
  if (!first) return undefined;
  const columns = first.text.trim().split('+').length - 2;
  if (columns < 1) return undefined;
  const rows: { cells: string[]; line: number }[] = [];
  let header = 0;
  let current: { cells: string[][]; line: number } | undefined;
  const close = () => {
    if (current) rows.push({ cells: current.cells.map((parts) => parts.filter((part) => part !== '').join(' ')), line: current.line });
    current = undefined;
  };
  for (const line of block) {
    const text = line.text.trim();
    if (text.startsWith('+')) {
      if (text.split('+').length - 2 !== columns) return undefined;
      close();
      if (text.includes('=')) header = rows.length;
      continue;
    }
    if (!text.startsWith('|') || !text.endsWith('|')) return undefined;
    const cells = text.slice(1, -1).split('|').map((cell) => cell.trim());
    if (cells.length !== columns) return undefined;
    current ??= { cells: Array.from({ length: columns }, () => []), line: line.line };
    cells.forEach((cell, column) => current?.cells[column]?.push(cell));
  }
  close();
  const kept = rows.filter((row) => row.cells.some((cell) => cell !== ''));
  const headerRows = Math.max(1, kept.filter((row) => rows.indexOf(row) < header).length);
  const head = kept.slice(0, headerRows);
  const merged = head.length === 1 ? head[0] : { cells: Array.from({ length: columns }, (_, column) => head.map((row) => row.cells[column] ?? '').filter((cell) => cell !== '').join(' ')), line: head[0]?.line ?? first.line };
  if (!merged) return undefined;
  const render = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    { text: render(merged.cells), line: merged.line },
    { text: `| ${Array.from({ length: columns }, () => '---').join(' | ')} |`, line: merged.line },
    ...kept.slice(headerRows).map((row) => ({ text: render(row.cells), line: row.line })),
  ];
}

const PLACEHOLDER = /\{\{\s*\.(\w+)\s*\}\}/g;

/**
 * Fills comply's template placeholders (`{{.Name}}`) with the values of comply.yml, as comply does
 * when it renders a document; placeholders without a value stay (the unconverted scan reports them).
 */
export function fillPlaceholders(lines: readonly SourceLine[], values: Readonly<Record<string, string>>): { lines: SourceLine[]; filled: number } {
  let filled = 0;
  const out = lines.map((line) => {
    if (!line.text.includes('{{')) return line;
    const text = line.text.replace(PLACEHOLDER, (whole, key: string) => {
      const value = values[key];
      if (value === undefined) return whole;
      filled++;
      return value;
    });
    return text === line.text ? line : { text, line: line.line };
  });
  return { lines: out, filled };
}
