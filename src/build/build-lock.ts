import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** True when a process with that pid is running (ours or another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock file `file` for this process, waiting while another live build holds it, and
 * returns its release. Builds of one content folder and edition share Astro's cache and work
 * folder; two at once would overwrite each other's files, so the second waits its turn. A lock
 * left by a build that died is taken over.
 */
export async function acquireLock(file: string, onWait: (holder: number) => void, timeoutMs = 30 * 60_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Another build (process ${holder}) has held ${file} for ${timeoutMs / 60_000} minutes; stop it, or delete the file if no build is running.`);
    if (!told) onWait(holder);
    told = true;
    await sleep(250);
  }
}
