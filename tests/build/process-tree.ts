import { readdirSync, readFileSync } from 'node:fs';

/** A process as /proc shows it; the start time tells it apart from a later one given the same pid. */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly started: string;
  readonly command: string;
}

function readStat(pid: number): { state: string; ppid: number; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]), started: fields[19]! };
  } catch {
    return undefined;
  }
}

/** Every process descending from `pid`, now (Linux only). */
export function descendantsOf(pid: number): ProcessInfo[] {
  const byParent = new Map<number, ProcessInfo[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (!stat || stat.state === 'Z') continue;
    let command = '';
    try {
      command = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    } catch {
      continue;
    }
    const info = { pid: Number(name), ppid: stat.ppid, started: stat.started, command };
    byParent.set(stat.ppid, [...(byParent.get(stat.ppid) ?? []), info]);
  }
  const found: ProcessInfo[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of byParent.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** Whether the process still runs: a zombie has ended, and a new process with its pid is another. */
export function isRunning(process: ProcessInfo): boolean {
  const stat = readStat(process.pid);
  return stat !== undefined && stat.state !== 'Z' && stat.started === process.started;
}

/**
 * Records every descendant of `pid` seen while it runs, polling /proc, since children come and
 * go (the Astro child, Chromium and its helpers). `stop()` returns them all.
 */
export function watchDescendants(pid: number): { seen(): ProcessInfo[]; stop(): ProcessInfo[] } {
  const seen = new Map<string, ProcessInfo>();
  const look = () => {
    for (const process of descendantsOf(pid)) seen.set(`${process.pid}:${process.started}`, process);
  };
  look();
  const timer = setInterval(look, 100);
  return {
    seen: () => [...seen.values()],
    stop: () => {
      clearInterval(timer);
      return [...seen.values()];
    },
  };
}

/** Resolves once `condition` holds, polling; rejects with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
