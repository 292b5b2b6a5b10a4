import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mermaidSyntaxError } from '../../../src/core/markdown/mermaid-syntax.ts';
import { mermaidSyntaxErrors } from '../../../src/core/markdown/mermaid-syntax-errors.ts';

const diagram = (...lines: string[]) => lines.join('\n');

describe('mermaidSyntaxError', () => {
  it.each([
    ['a flowchart with HTML labels', diagram('flowchart TD', '  A[<b>Start</b>] -->|go| B{Is it?}', '  B -- Yes --> C[OK]')],
    ['a sequence diagram', diagram('sequenceDiagram', '  participant A', '  A->>B: hi', '  Note right of B: x')],
    ['a pie chart', diagram('pie title Pets', '  "Dogs" : 386', '  "Cats" : 85')],
    ['a class diagram', diagram('classDiagram', '  Animal <|-- Duck')],
    ['a state diagram', diagram('stateDiagram-v2', '  [*] --> Still', '  Still --> [*]')],
    ['a git graph', diagram('gitGraph', '  commit', '  branch dev', '  checkout dev', '  commit')],
    ['a diagram with comments, a directive and frontmatter', diagram('---', 'title: x', '---', '%%{init: {"theme": "dark"}}%%', '%% a comment', 'graph LR', '  A --> B')],
  ])('accepts %s', async (_name, source) => {
    expect(await mermaidSyntaxError(source)).toBeUndefined();
  });

  it('reports a flowchart error at its line, in one line', async () => {
    expect(await mermaidSyntaxError(diagram('flowchart LR', '  A --> B', '  B -->> C'))).toMatchInlineSnapshot(`
      {
        "line": 3,
        "message": "Parse error: expecting 'AMP', 'COLON', 'PIPE', 'TESTSTR', 'DOWN' or 8 other tokens, got 'TAGEND'.",
      }
    `);
  });

  it('reports sequence and pie errors at their lines', async () => {
    expect(await mermaidSyntaxError(diagram('sequenceDiagram', '  A->>B: hi', '  A->>B hi'))).toEqual({ line: 3, message: "Parse error: expecting 'TXT', got 'NEWLINE'." });
    expect(await mermaidSyntaxError(diagram('pie title Pets', '  "Dogs" : 386', '  "Cats" 85'))).toEqual({
      line: 3,
      message: "Parse error: expecting token of type ':' but found `85`.",
    });
  });

  it('counts the lines Mermaid takes out before parsing: frontmatter, directives, comments, leading blank lines', async () => {
    const source = diagram('---', 'title: x', '---', '', '%%{init: {"theme": "dark"}}%%', '%% a comment', 'graph TD', '%% another', '  A-->B', '  B-->');
    expect((await mermaidSyntaxError(source))?.line).toBe(10);
  });

  it('reports a diagram of no known kind at its first statement', async () => {
    expect(await mermaidSyntaxError(diagram('', '%% note', 'flowhcart TD', '  A-->B'))).toEqual({
      line: 3,
      message: 'Mermaid does not know this kind of diagram: its first statement must name one, such as `flowchart TD`, `sequenceDiagram` or `pie`.',
    });
  });

  it('reports what a diagram means that Mermaid refuses, at its first line', async () => {
    expect(await mermaidSyntaxError(diagram('gitGraph', '  commit', '  checkout nowhere'))).toEqual({
      line: 1,
      message: 'Trying to checkout branch which is not yet created. (Help try using "branch nowhere")',
    });
  });

  it('checks diagrams asked for at once one after the other', async () => {
    const results = await Promise.all([diagram('graph TD', '  A-->B'), diagram('graph TD', '  A-->'), diagram('pie', '  "a" : 1')].map(mermaidSyntaxError));
    expect(results.map((result) => result?.line)).toEqual([undefined, 2, undefined]);
  });

  it('leaves DOMPurify unable to sanitize outside a parse, as Node has it', async () => {
    await mermaidSyntaxError('graph TD\n  A-->B');
    const { default: DOMPurify } = await import('dompurify');
    expect(() => DOMPurify.sanitize('<img src=x onerror=alert(1)>')).toThrow('DOMPurify cannot sanitize outside a browser.');
  });
});

describe('mermaidSyntaxErrors', () => {
  it('checks each distinct diagram once and keeps the results in the cache folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'multiplane-mermaid-syntax-'));
    try {
      const good = diagram('graph TD', '  A-->B');
      const bad = diagram('graph TD', '  A-->');
      const first = await mermaidSyntaxErrors([good, bad, good], { cacheDir: dir });
      expect([...first.entries()]).toEqual([
        [good, undefined],
        [bad, { line: 2, message: expect.stringMatching(/^Parse error: /) }],
      ]);
      const stored = JSON.parse(readFileSync(join(dir, 'mermaid-syntax.json'), 'utf8')) as { version: string; entries: Record<string, unknown> };
      expect(stored.version).toMatch(/^1;mermaid@\d+\.\d+\.\d+$/);
      expect(Object.values(stored.entries)).toEqual([null, first.get(bad)]);
      expect(await mermaidSyntaxErrors([bad], { cacheDir: dir })).toEqual(new Map([[bad, first.get(bad)]]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
