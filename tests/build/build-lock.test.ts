import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, UNNAMED_LOCK_GRACE_MS, waitingFor } from '../../src/build/build-lock.ts';

const BUILD_LOCK = fileURLToPath(new URL('../../src/build/build-lock.ts', import.meta.url));

let folder: string;
let lock: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'multiplane-lock-'));
  lock = join(folder, 'site.lock');
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
});

/** A process that stays alive until killed: a live holder. */
function liveProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** The pid of a process that has exited: a holder that died. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** Whether `promise` is still pending after `ms`. */
async function pendingAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(pending), ms))])) === pending;
}

/**
 * Writes `text` into the lock, then asks for it: the ask must wait, naming `holder`, until
 * `holder` is killed, and then take the lock.
 */
async function expectWaitForThenTake(text: string, holder: ChildProcess): Promise<void> {
  writeFileSync(lock, text);
  const waitedFor: (number | undefined)[] = [];
  const taking = acquireLock(lock, (pid) => waitedFor.push(pid));
  expect(await pendingAfter(taking, 700)).toBe(true);
  expect(waitedFor).toEqual([holder.pid]);
  holder.kill('SIGKILL');
  const release = await taking;
  expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
  release();
}

describe('acquireLock', () => {
  it('takes a free lock with this process\'s pid in it, leaves nothing else beside it, and removes it on release', async () => {
    const release = await acquireLock(lock, () => {});
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    expect(readdirSync(folder)).toEqual(['site.lock']);
    release();
    expect(existsSync(lock)).toBe(false);
  });

  it('waits while a live build holds the lock, says which, and takes it once that build is gone', async () => {
    const holder = liveProcess();
    await expectWaitForThenTake(String(holder.pid), holder);
  });

  it("names the build's helper processes beside it, and is held while any of them runs though the build died", async () => {
    const release = await acquireLock(lock, () => {}, undefined, [4242]);
    expect(readFileSync(lock, 'utf8')).toBe(`${process.pid} 4242`);
    release();
    expect(existsSync(lock)).toBe(false);
    // A build killed with SIGKILL: its Astro process still writes into the work folder.
    const helper = liveProcess();
    await expectWaitForThenTake(`${await deadPid()} ${helper.pid}`, helper);
  });

  it('takes over the lock of a build that died', async () => {
    writeFileSync(lock, String(await deadPid()));
    const release = await acquireLock(lock, () => {});
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('waits on a lock file that names no process yet (one being written), and takes it over once it has been so for a while', async () => {
    // How a build of an earlier version took the lock: the file first, its pid after. Taking that
    // for a lock left behind let two builds into the same work folder at once.
    writeFileSync(lock, '');
    const waitedFor: (number | undefined)[] = [];
    const taking = acquireLock(lock, (pid) => waitedFor.push(pid));
    expect(await pendingAfter(taking, 700)).toBe(true);
    // It says that it waits, once, and on what.
    expect(waitedFor).toEqual([undefined]);
    expect(waitingFor(undefined, 'this content and edition', lock)).toBe(
      `Waiting for another build of this content and edition to finish: its lock, ${lock}, names no process yet. A lock being taken names its process at once; should this one still name none after 10 s, a build that stopped left it, and this build takes it over...`,
    );
    const longAgo = new Date(Date.now() - UNNAMED_LOCK_GRACE_MS - 60_000);
    utimesSync(lock, longAgo, longAgo);
    const release = await taking;
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('does not remove a lock another build holds when releasing', async () => {
    const release = await acquireLock(lock, () => {});
    const other = liveProcess();
    writeFileSync(lock, String(other.pid));
    release();
    expect(readFileSync(lock, 'utf8')).toBe(String(other.pid));
  });

  it('lets one process at a time hold it when many ask at once', { timeout: 120_000 }, async () => {
    const log = join(folder, 'log');
    // Each process takes the lock, notes that it is in, holds it a moment, notes that it is out.
    const script = `
      import { appendFileSync } from 'node:fs';
      import { acquireLock } from ${JSON.stringify(BUILD_LOCK)};
      const release = await acquireLock(${JSON.stringify(lock)}, () => {});
      appendFileSync(${JSON.stringify(log)}, 'in\\n');
      await new Promise((resolve) => setTimeout(resolve, 30));
      appendFileSync(${JSON.stringify(log)}, 'out\\n');
      release();
    `;
    const runs = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', '--input-type=module', '-e', script], { stdio: 'inherit' });
      children.push(child);
      return new Promise<number | null>((resolve) => child.on('exit', resolve));
    });
    expect(await Promise.all(runs)).toEqual(Array(8).fill(0));
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    expect(lines).toEqual(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 'in' : 'out')));
    expect(existsSync(lock)).toBe(false);
  });
});
