import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PagefindJob } from '../../src/build/pagefind-worker.ts';
import { PagefindWorkers } from '../../src/build/pagefind-workers.ts';
import { scratchFolders } from '../helpers/scratch-files.ts';

const folderWith = scratchFolders('pagefind-workers');

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;

const SITE = { 'a/index.html': page('Alpha', 'restore the backups'), 'b/index.html': page('Beta', 'rotate the keys') };

function job(site: string, work: string, name: string, pages = Object.keys(SITE)): PagefindJob {
  return { siteDir: site, pages, pagesDir: join(work, 'pages', name), outputPath: join(work, 'indexes', name) };
}

/** Every file an index holds, by its path in it. */
function files(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) found[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'base64');
  }
  return found;
}

describe("Pagefind's workers", () => {
  it('runs one job after another in the same worker, each index as a fresh worker writes it', async () => {
    const site = folderWith(SITE);
    const work = folderWith({});
    const workers = new PagefindWorkers(1);
    try {
      const results = [];
      for (const name of ['first', 'second', 'third']) results.push(await workers.run(job(site, work, name)));
      expect(workers.started).toBe(1);
      expect(results.map((result) => result.pages)).toEqual([2, 2, 2]);
      expect(results[2]!.digests).toEqual(results[0]!.digests);
      expect(files(join(work, 'indexes', 'third'))).toEqual(files(join(work, 'indexes', 'first')));
    } finally {
      await workers.close();
    }
    await expect(workers.run(job(site, work, 'after'))).rejects.toThrow(/closed/);
  });

  it('runs up to its limit at once, and queues the rest', async () => {
    const site = folderWith(SITE);
    const work = folderWith({});
    const workers = new PagefindWorkers(2);
    try {
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((name) => workers.run(job(site, work, name))));
      expect(results.every((result) => result.pages === 2)).toBe(true);
      expect(workers.started).toBe(2);
    } finally {
      await workers.close();
    }
  });

  it('starts its workers ahead when warmed, and hands them to the runs that come', async () => {
    const site = folderWith(SITE);
    const work = folderWith({});
    const workers = new PagefindWorkers(2).warm();
    try {
      expect(workers.started).toBe(2);
      // Warming again starts none beyond the limit.
      expect(workers.warm().started).toBe(2);
      const results = await Promise.all(['a', 'b', 'c'].map((name) => workers.run(job(site, work, name))));
      expect(results.map((result) => result.pages)).toEqual([2, 2, 2]);
      expect(workers.started).toBe(2);
    } finally {
      await workers.close();
    }
    // A pool closed before it was warmed starts nothing.
    const closed = new PagefindWorkers(2);
    await closed.close();
    expect(closed.warm().started).toBe(0);
  });

  it("starts each worker's Pagefind service on one thread, not a thread per core", async () => {
    const site = folderWith(SITE);
    const work = folderWith({});
    const workers = new PagefindWorkers(1);
    try {
      // The service stays up for the next run: its environment is read while it is.
      await workers.run(job(site, work, 'one'));
      const services = childProcesses().filter((child) => child.name.startsWith('pagefind'));
      expect(services.length).toBeGreaterThan(0);
      for (const service of services) expect(service.environ).toContain('RAYON_NUM_THREADS=1');
    } finally {
      await workers.close();
    }
    // The setting is the services' alone: this process's environment is left as it was.
    expect(process.env.RAYON_NUM_THREADS).toBeUndefined();
  });

  it('closes once the runs under way are done, and their workers have exited', async () => {
    const site = folderWith(SITE);
    const work = folderWith({});
    const workers = new PagefindWorkers(2);
    const running = [workers.run(job(site, work, 'a')), workers.run(job(site, work, 'b'))];
    const queued = workers.run(job(site, work, 'c')).catch((error: Error) => error);
    await workers.close();
    // Both runs under way finished; the one still waiting for a worker did not start.
    expect((await Promise.all(running)).map((result) => result.pages)).toEqual([2, 2]);
    expect(String(await queued)).toMatch(/closed/);
  });

  it('rejects a job that fails with its error, and runs the next in a new worker', async () => {
    const site = folderWith(SITE);
    const work = folderWith({});
    const workers = new PagefindWorkers(1);
    try {
      await expect(workers.run(job(site, work, 'missing', ['gone/index.html']))).rejects.toThrow(/ENOENT|no such file/);
      expect((await workers.run(job(site, work, 'next'))).pages).toBe(2);
      expect(workers.started).toBe(2);
    } finally {
      await workers.close();
    }
  });

  it("keeps the build's process alive until its workers have exited, though idle ones are let go of", () => {
    const site = folderWith(SITE);
    const work = folderWith({});
    const script = `
      import { PagefindWorkers } from ${JSON.stringify(new URL('../../src/build/pagefind-workers.ts', import.meta.url).href)};
      const workers = new PagefindWorkers(1);
      const result = await workers.run(${JSON.stringify(job(site, work, 'only'))});
      await workers.close();
      console.log('closed after', result.pages, 'pages');
    `;
    const file = join(work, 'build.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', file], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('closed after 2 pages\n');
    expect(run.status).toBe(0);
  });

  it('lets a process end whose warmed workers were never asked for a run, closed or not', () => {
    const work = folderWith({});
    for (const close of [true, false]) {
      const script = `
        import { PagefindWorkers } from ${JSON.stringify(new URL('../../src/build/pagefind-workers.ts', import.meta.url).href)};
        const workers = new PagefindWorkers(2).warm();
        ${close ? 'await workers.close();' : ''}
        console.log('started', workers.started);
      `;
      const file = join(work, `warm-${close}.mjs`);
      writeFileSync(file, script);
      const run = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', file], { encoding: 'utf8', timeout: 60_000 });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('started 2\n');
      expect(run.status).toBe(0);
    }
  });
});

/** This process's child processes, with their names and environments (Linux's /proc). */
function childProcesses(): { name: string; environ: string[] }[] {
  const children = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // The name is in parentheses and may hold spaces; the parent's pid is the second field after it.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      children.push({ name, environ: readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0') });
    } catch {
      // Exited meanwhile.
    }
  }
  return children;
}
