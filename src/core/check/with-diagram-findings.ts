import { DIAGNOSTICS } from '../findings/catalogue.ts';
import { createFinding } from '../findings/create-finding.ts';
import { compareFindings, type Finding } from '../findings/finding.ts';
import { planeCompleteness } from '../governance/completeness.ts';
import { mermaidSyntaxErrors } from '../markdown/mermaid-syntax-errors.ts';
import { countFindings, type PlatformModel } from '../model/build-model.ts';

/**
 * Adds an error for every Mermaid block that Mermaid's own parser refuses, at the line of the
 * diagram where the parser stopped. Asynchronous (Mermaid loads its parsers on demand) and cached
 * in `cacheDir` by diagram, so a run whose diagrams were all checked before does not load Mermaid.
 */
export async function withDiagramFindings(model: PlatformModel, options: { cacheDir?: string | undefined; warn?: (message: string) => void } = {}): Promise<PlatformModel> {
  const blocks = [...model.graph.entries.values()].flatMap((entry) => entry.facts.mermaid.map((block) => ({ entry, block })));
  if (blocks.length === 0) return model;
  const errors = await mermaidSyntaxErrors(
    blocks.map(({ block }) => block.source),
    options,
  );
  const findings: Finding[] = blocks.flatMap(({ entry, block }) => {
    const error = errors.get(block.source);
    if (!error) return [];
    return [createFinding(DIAGNOSTICS.mermaidDiagram, { detail: error.message.replace(/\s+/g, ' ').trim() }, { file: entry.file, line: block.line + error.line, entry: entry.key })];
  });
  if (findings.length === 0) return model;
  const all = [...model.findings, ...findings].sort(compareFindings);
  return { ...model, ...countFindings(all), completeness: planeCompleteness(model.graph, all) };
}
