import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
 * How long a lock file that names no process is taken for one being written, before it counts as
 * left behind. Such a file is a lock being taken on a file system without hard links (see
 * `tryTake`), or by a build of an earlier version, which created the file first and wrote its pid
 * after.
 */
export const UNNAMED_LOCK_GRACE_MS = 10_000;

/**
 * What a build waiting on `acquireLock` says (`Waiting for another build of <what> (process 123)
 * to finish...`): which process it waits for, or why it waits on none.
 */
export function waitingFor(holder: number | undefined, what: string, file: string, until = 'to finish'): string {
  if (holder !== undefined) return `Waiting for another build of ${what} (process ${holder}) ${until}...`;
  return (
    `Waiting for another build of ${what} ${until}: its lock, ${file}, names no process yet. A lock being taken ` +
    `names its process at once; should this one still name none after ${UNNAMED_LOCK_GRACE_MS / 1000} s, a build that stopped left it, and this build takes it over...`
  );
}

/**
 * Takes the lock file `file` for this process, waiting while another live build holds it, and
 * returns its release. Builds of one content folder and edition share Astro's cache and work
 * folder; two at once would overwrite each other's files, so the second waits its turn. A lock
 * left by a build that died is taken over. `onWait` is told once when the build starts to wait:
 * the holder's pid, or undefined for a lock that names no process (see `UNNAMED_LOCK_GRACE_MS`).
 *
 * `helpers` are processes of this build that write where the lock guards, named in the lock
 * beside this one: the lock is held while any of them runs. A build killed with SIGKILL leaves
 * its Astro process writing into the work folder until it sees its parent gone; a build that took
 * the lock meanwhile emptied that folder under it, and failed (ENOTEMPTY).
 */
export async function acquireLock(file: string, onWait: (holder: number | undefined) => void, timeoutMs = 30 * 60_000, helpers: readonly number[] = []): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  const own = [process.pid, ...helpers].join(' ');
  let told = false;
  for (;;) {
    if (tryTake(file, own)) return () => release(file, own);
    const content = readLock(file);
    if (content === undefined) continue;
    const pids = /^\d+(?: \d+)*$/.test(content) ? content.split(' ').map(Number) : [];
    const named = pids.length > 0 && pids.every((pid) => pid > 0);
    const holder = named ? pids.find(alive) : undefined;
    if (named ? holder === undefined : unnamedFor(file) > UNNAMED_LOCK_GRACE_MS) {
      takeOver(file, content);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Another build (process ${holder ?? 'unknown'}) has held ${file} for ${timeoutMs / 60_000} minutes; stop it, or delete the file if no build is running.`);
    }
    if (!told) {
      onWait(holder);
      told = true;
    }
    await sleep(250);
  }
}

/**
 * Creates the lock file holding `pids` (this process's first), or returns false when it exists.
 * They are written to a file of this process's own first, which is then linked into place: the
 * lock never exists without its holder's pid in it. (Created empty and written after, another
 * build reading it in between took it for one left behind, removed it and took it too: both
 * built into the same folder at once.)
 */
function tryTake(file: string, pids: string): boolean {
  const own = `${file}.${process.pid}`;
  writeFileSync(own, pids);
  try {
    linkSync(own, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: created and written at once, as near as it allows.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createWithPid(file, pids);
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

function createWithPid(file: string, pids: string): boolean {
  try {
    writeFileSync(file, pids, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock file's text; undefined when it went away meanwhile. */
function readLock(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** How long ago the lock file was last written, in milliseconds (0 when it went away). */
function unnamedFor(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Removes a lock left behind (`content`: what it held when it was found so). It is moved aside
 * first and checked there: another build may have taken it over and locked afresh since it was
 * read, and that lock is put back instead of removed.
 */
function takeOver(file: string, content: string): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    renameSync(file, aside);
  } catch {
    // Gone already: another build took it over.
    return;
  }
  try {
    if (readFileSync(aside, 'utf8') !== content) linkSync(aside, file);
  } catch {
    // A lock taken meanwhile by yet another build stands; this one waits for it.
  } finally {
    rmSync(aside, { force: true });
  }
}

/** Removes the lock file if this process still holds it (`pids`, as it took it). */
function release(file: string, pids: string): void {
  try {
    if (readFileSync(file, 'utf8') === pids) rmSync(file, { force: true });
  } catch {
    // Already gone.
  }
}
