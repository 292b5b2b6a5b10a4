#!/usr/bin/env node
// Writes a synthetic platform for benchmarks: node scripts/generate-platform.ts --entries 10000 --out /tmp/p
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticPlatform } from '../src/bench/synthetic-platform.ts';

const { values } = parseArgs({
  options: { entries: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '42' } },
});
const entries = Number(values.entries);
if (!values.out || !Number.isInteger(entries) || entries < 50) {
  console.error('Usage: node --experimental-strip-types scripts/generate-platform.ts --entries <N ≥ 50> --out <dir> [--seed <n>]');
  process.exit(2);
}
const counts = writeSyntheticPlatform({ entries, out: resolve(values.out), seed: Number(values.seed) });
const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
console.log(`Wrote ${total} entries to ${resolve(values.out)}/content: ${JSON.stringify(counts)}`);
