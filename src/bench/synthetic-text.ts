import type { Random } from './random.ts';

const WORDS =
  'platform service owner policy change review deploy pipeline release traffic latency queue backlog replica shard cache index schema migration rollback alert dashboard threshold budget capacity region zone failover restore snapshot ledger route carrier shipment dispatch invoice tenant token session gateway broker worker scheduler consumer producer contract incident timeline mitigation detection escalation handover evidence outcome metric baseline target cadence audit control standard procedure'.split(
    ' ',
  );

/** A sentence of plausible platform prose. */
export function sentence(random: Random): string {
  const words = Array.from({ length: random.int(8, 18) }, () => random.pick(WORDS));
  const text = words.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

/** A paragraph of a few sentences. */
export function paragraph(random: Random): string {
  return Array.from({ length: random.int(3, 6) }, () => sentence(random)).join(' ');
}

/** A GFM table of a few rows. */
export function table(random: Random): string {
  const rows = Array.from({ length: random.int(3, 6) }, () => `| ${random.pick(WORDS)} | ${random.int(1, 999)} | ${random.pick(WORDS)} ${random.pick(WORDS)} |`);
  return ['| Item | Value | Notes |', '| --- | ---: | --- |', ...rows, `| total-${rows.length} | - | - |`].join('\n');
}

/** A shell code block. */
export function code(random: Random): string {
  const lines = Array.from(
    { length: random.int(2, 5) },
    () => `kubectl -n ${random.pick(WORDS)} ${random.pick(['get pods', 'rollout status deploy/api', 'logs -l app=worker --tail=50', 'describe svc gateway'])}`,
  );
  return ['```sh', ...lines, '```'].join('\n');
}

/** A small mermaid flowchart. */
export function mermaid(random: Random): string {
  const nodes = random.sample(WORDS, 4);
  return ['```mermaid', 'flowchart LR', ...nodes.slice(1).map((node, index) => `  ${nodes[index]} --> ${node}`), '```'].join('\n');
}

/** A body with the given headings, each followed by one to three paragraphs and sometimes a table or code. */
export function body(random: Random, headings: readonly string[], options: { mermaidChance?: number } = {}): string {
  const parts = [paragraph(random)];
  for (const heading of headings) {
    parts.push(`## ${heading}`);
    for (let index = random.int(1, 3); index > 0; index--) parts.push(paragraph(random));
    if (random.chance(0.25)) parts.push(table(random));
    if (random.chance(0.25)) parts.push(code(random));
  }
  if (random.chance(options.mermaidChance ?? 0)) parts.push(mermaid(random));
  return `${parts.join('\n\n')}\n`;
}
