import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunning, waitFor, watchDescendants } from './process-tree.ts';

const HOLDER = join(import.meta.dirname, 'hold-chromium.ts');

/** Starts a process holding Chromium as a build does; resolves once Chromium runs. */
async function holdChromium() {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', HOLDER], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const processes = watchDescendants(child.pid!);
  await Promise.race([
    waitFor('Chromium to start', () => output.includes('ready\n'), 60_000),
    ended.then((end) => Promise.reject(new Error(`The holder ended early (${JSON.stringify(end)}):\n${output}`))),
  ]);
  const chromium = processes.stop();
  expect(chromium.some((p) => /chrom/i.test(p.command))).toBe(true);
  return { child, chromium, ended, output: () => output };
}

// /proc tells which processes were started; other systems have none.
describe.skipIf(process.platform !== 'linux')('Chromium started for diagrams and the PDF', () => {
  it('ends with the build when the build is stopped by a signal', { timeout: 90_000 }, async () => {
    const holder = await holdChromium();
    holder.child.kill('SIGTERM');
    expect(await holder.ended, holder.output()).toEqual({ code: 143, signal: null });
    // Playwright's exit hook kills Chromium's process group as the build exits.
    await waitFor('Chromium to end', () => !holder.chromium.some(isRunning), 5_000);
  });

  it('ends by itself when the build is killed outright (SIGKILL)', { timeout: 90_000 }, async () => {
    const holder = await holdChromium();
    holder.child.kill('SIGKILL');
    expect(await holder.ended).toEqual({ code: null, signal: 'SIGKILL' });
    // No hook runs after a SIGKILL; Chromium quits when its --remote-debugging-pipe closes.
    await waitFor('Chromium to end', () => !holder.chromium.some(isRunning), 15_000);
  });
});
