import type { Random } from './random.ts';

const WORDS =
  'platform service owner policy change review deploy pipeline release traffic latency queue backlog replica shard cache index schema migration rollback alert dashboard threshold budget capacity region zone failover restore snapshot ledger route carrier shipment dispatch invoice tenant token session gateway broker worker scheduler consumer producer contract incident timeline mitigation detection escalation handover evidence outcome metric baseline target cadence audit control standard procedure'.split(
    ' ',
  );

// Real prose mixes a few very common words with a long tail of rarer ones (Zipf's law); a search
// index is only as large as that distribution makes it, so the synthetic text follows it too:
// function words, the domain words above, and a tail of a few thousand made-up terms.
const FUNCTION_WORDS = 'the a of to and in is for on that with as by it be are this from at or we when if'.split(' ');
const SYLLABLES = 'ka lo mi ne ru sa ti vo xe ba de fi go hu ja ke li mo nu pa qui ro su ta ve wi zo'.split(' ');
const TAIL = Array.from({ length: 3000 }, (_, index) => {
  let word = '';
  for (let value = index + 27; value > 0; value = Math.floor(value / SYLLABLES.length)) word += SYLLABLES[value % SYLLABLES.length];
  return word;
});
// Domain words sit along the tail (ranks 100 to about 2,000), as topic words do in real text:
// common enough to recur, rare enough that a search for one matches a fraction of the pages.
const VOCABULARY = [...FUNCTION_WORDS, ...TAIL];
WORDS.forEach((word, index) => VOCABULARY.splice(100 + index * 30, 0, word));

/** A word drawn with probability falling as 1/rank. */
function zipfWord(random: Random): string {
  // Inverse of the harmonic CDF, approximated by an exponential of a uniform draw.
  const rank = Math.floor(Math.exp(random.next() * Math.log(VOCABULARY.length))) - 1;
  return VOCABULARY[Math.min(rank, VOCABULARY.length - 1)] ?? 'the';
}

/** A sentence of plausible platform prose. */
export function sentence(random: Random): string {
  const words = Array.from({ length: random.int(8, 18) }, () => zipfWord(random));
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
