import type { Mermaid } from 'mermaid';
import { mermaidLineMapper } from './mermaid-lines.ts';

/** Why Mermaid cannot read a diagram, and on which line of the diagram (1-based, the line after the fence is 1). */
export interface MermaidSyntaxError {
  readonly message: string;
  readonly line: number;
}

let loading: Promise<Mermaid> | undefined;
// Mermaid keeps one database per diagram type and clears it on each parse, so parses must not
// overlap: each waits for the one before.
let queue: Promise<unknown> = Promise.resolve();
let parsing = false;

/** Loads Mermaid once (see shimAndImport), saying what to do when it cannot. */
async function loadMermaid(): Promise<Mermaid> {
  try {
    return await shimAndImport();
  } catch (cause) {
    throw new Error('Could not load Mermaid to check diagrams. Run npm ci to install the locked dependencies.', { cause });
  }
}

/**
 * Imports Mermaid's own parser into Node. It needs no DOM to parse, except for DOMPurify, which
 * Mermaid calls to clean labels as it reads them and which, outside a browser, has no methods at
 * all. Parsing outputs nothing, so while a parse runs, `sanitize` may return its input; at any
 * other time it throws as before, so nothing else in the process can mistake it for a sanitizer.
 */
async function shimAndImport(): Promise<Mermaid> {
  const { default: DOMPurify } = await import('dompurify');
  if (!DOMPurify.isSupported) {
    const unsupported = () => {
      throw new TypeError('DOMPurify cannot sanitize outside a browser.');
    };
    Object.assign(DOMPurify, {
      sanitize: (dirty: unknown) => (parsing ? String(dirty) : unsupported()),
      addHook: () => undefined,
      removeHook: () => undefined,
      removeHooks: () => undefined,
      removeAllHooks: () => undefined,
    });
  }
  const { default: mermaid } = await import('mermaid');
  return mermaid;
}

/**
 * Parses a Mermaid diagram with the Mermaid the site renders with, in Node, without a browser.
 * Returns why it does not parse and the line of the diagram to report, or undefined when it
 * parses. Loading Mermaid takes about half a second, the first time only; a diagram then takes a
 * few milliseconds (more for the first diagram of each type, whose parser loads then).
 *
 * Errors that are not about the diagram (Mermaid needing a browser API that Node lacks) are not
 * reported here: the diagram step of the build, which renders in Chromium, still reports them.
 */
export function mermaidSyntaxError(source: string): Promise<MermaidSyntaxError | undefined> {
  const result = queue.then(async () => {
    loading ??= loadMermaid();
    const mermaid = await loading;
    parsing = true;
    try {
      await mermaid.parse(source);
      return undefined;
    } catch (error) {
      return describe(error, source);
    } finally {
      parsing = false;
    }
  });
  queue = result.catch(() => undefined);
  return result;
}

/** Turns what Mermaid threw into a one-line message and a line of `source`, or undefined if it is not about the diagram. */
function describe(error: unknown, source: string): MermaidSyntaxError | undefined {
  if (!(error instanceof Error) || error instanceof TypeError || error instanceof ReferenceError) return undefined;
  const toSource = mermaidLineMapper(source);
  if (error.name === 'UnknownDiagramError') {
    return {
      message: 'Mermaid does not know this kind of diagram: its first statement must name one, such as `flowchart TD`, `sequenceDiagram` or `pie`.',
      line: toSource(1),
    };
  }
  // Jison parsers (flowchart, sequence, class…) put the place in `hash`; Langium ones (pie,
  // gitGraph, packet…) only in the message, "Parse error on line 3, column 10: …".
  const { hash } = error as { hash?: { loc?: { first_line?: number }; line?: number } };
  const parsedLine = hash?.loc?.first_line ?? (hash?.line === undefined ? undefined : hash.line + 1) ?? Number(/\bline (\d+)/.exec(error.message)?.[1] ?? 1);
  return { message: oneLine(error.message), line: toSource(parsedLine) };
}

/**
 * Mermaid's message without its own line number (which counts lines of the diagram after
 * comments are taken out) and without the excerpt and caret lines jison adds:
 * "Parse error on line 4:\n...A-->B\n-----^\nExpecting 'AMP', got 'EOF'" becomes
 * "Parse error: expecting 'AMP', got 'EOF'."
 */
function oneLine(message: string): string {
  const lines = message.replace(/^Parsing failed:\s*/, '').split('\n');
  const head = /^(Parse|Lexical) error on line \d+(?:, column \d+)?[:.]?\s*(.*)$/.exec(lines[0] ?? '');
  if (!head) return lines.map((line) => line.trim()).filter(Boolean).join(' ');
  const [, kind = 'Parse', rest = ''] = head;
  // jison follows the head with an excerpt line and a caret line; Langium goes on on the same line.
  const tail = /^-*\^\s*$/.test(lines[2] ?? '') ? lines.slice(3) : lines.slice(1);
  const text = [rest, ...tail]
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ')
    // jison lists every token it would have taken, up to forty of them.
    .replace(/Expecting ((?:'[^']*',\s*)+)got/, (whole, list: string) => {
      const tokens = list.split(/,\s*/).filter(Boolean);
      return tokens.length > 6 ? `Expecting ${tokens.slice(0, 5).join(', ')} or ${tokens.length - 5} other tokens, got` : whole;
    });
  const sentence = text === '' ? 'the diagram does not parse' : text.replace(/^Unrecognized text\.?$/, 'unrecognized text');
  return `${kind} error: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}${/[.!?]$/.test(sentence) ? '' : '.'}`;
}
