export interface MdxStatement {
  readonly line: number;
  readonly kind: 'import' | 'export';
  /** The module an import reads from. */
  readonly source?: string;
  readonly text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Lists the top-level `import` and `export` statements of an MDX body (outside code fences),
 * with their lines. These are the parts of MDX that run code when the site is built.
 */
export function mdxStatements(body: string, firstLine: number): MdxStatement[] {
  const statements: MdxStatement[] = [];
  let fence: string | undefined;
  body.split('\n').forEach((line, index) => {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1];
      else if (line.trim() === fence || (fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1]?.length ?? 0) >= fence.length && line.trim() === fenceMatch[1])) fence = undefined;
      return;
    }
    if (fence) return;
    const match = /^(import|export)\b/.exec(line);
    if (!match) return;
    const source = /\bfrom\s*['"]([^'"]+)['"]/.exec(line)?.[1] ?? /^import\s*['"]([^'"]+)['"]/.exec(line)?.[1];
    statements.push({ line: firstLine + index, kind: match[1] as 'import' | 'export', ...(source ? { source } : {}), text: line.trim() });
  });
  return statements;
}
