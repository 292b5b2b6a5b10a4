import { loadavg } from 'node:os';
import { type Measured, runMeasured } from './process-tree.ts';

/** One way of building the same site, run as a whole process. */
export interface Side {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Runs before each run of this side, untimed (clearing caches for a clean build). */
  readonly before?: () => void;
}

export interface SideRuns {
  readonly name: string;
  /** Wall time of each run, in run order. */
  readonly ms: readonly number[];
  readonly peakRssBytes: readonly number[];
  /** The one-minute load average when each run started, and when it ended. */
  readonly load: readonly (readonly [number, number])[];
}

/**
 * Times several ways of building one site as whole processes (Node start-up, every step, every
 * child process), alternating them so that a slow period of a shared machine falls on all sides
 * alike, `repeats` times each, with the load average around every run. Comparing sums of a
 * program's own phase timers with another program's whole process flatters the first one.
 * `onResult` sees each run's result; `settle`, awaited before every run, waits for what earlier
 * runs left going in the background.
 */
export async function alternatingRuns(
  sides: readonly Side[],
  repeats: number,
  log: (line: string) => void,
  { onResult, settle }: { readonly onResult?: (result: Measured) => void; readonly settle?: () => Promise<void> } = {},
): Promise<SideRuns[]> {
  const runs = sides.map((side) => ({ name: side.name, ms: [] as number[], peakRssBytes: [] as number[], load: [] as [number, number][] }));
  for (let round = 1; round <= repeats; round++) {
    for (const [index, side] of sides.entries()) {
      // What an earlier run left going in the background (deleting the output it replaced) is let
      // finish first, so that it slows neither the next side nor the next run of the same one.
      await settle?.();
      side.before?.();
      const started = loadavg()[0] ?? 0;
      const result: Measured = await runMeasured(side.command, side.args, { cwd: side.cwd, env: side.env });
      const ended = loadavg()[0] ?? 0;
      if (result.status !== 0) throw new Error(`${side.name} failed (status ${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
      onResult?.(result);
      const record = runs[index]!;
      record.ms.push(Math.round(result.ms));
      record.peakRssBytes.push(result.peakRss);
      record.load.push([round2(started), round2(ended)]);
      log(`  ${side.name}, run ${round}/${repeats}: ${(result.ms / 1000).toFixed(1)} s, peak ${(result.peakRss / 2 ** 30).toFixed(2)} GiB, load ${started.toFixed(1)} → ${ended.toFixed(1)}`);
    }
  }
  return runs;
}

/** `min–max` of a list of numbers, formatted. */
export function range(values: readonly number[], format: (value: number) => string): string {
  if (values.length === 0) return '–';
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? format(low) : `${format(low)}–${format(high)}`;
}

/** Ratios of the runs of two sides, pairing the runs of one round: the range, and the median. */
export function pairedRatios(a: SideRuns, b: SideRuns): { readonly ratios: readonly number[]; readonly median: number } {
  const ratios = a.ms.map((ms, index) => round2(ms / (b.ms[index] ?? Number.NaN))).filter(Number.isFinite);
  const sorted = [...ratios].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { ratios, median: round2(median) };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
