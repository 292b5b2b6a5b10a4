import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeBuildMarker } from '../../src/build/output-marker.ts';
import { buildCommand } from '../../src/cli/build.ts';
import { escapeRegExp } from '../../src/core/text/escape-regexp.ts';
import { fixtureRoot } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';
import { siteWorkFolders } from '../../src/build/astro-process-start.ts';
import { FIXTURE_CONTENT, ROOT, scratchFolder, startBuild } from './build-process.ts';
import { descendantsOf, isRunning, waitFor, watchDescendants } from './process-tree.ts';

const TIMEOUT = 180_000;
const parent = scratchFolder('interrupt');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const isAstro = (command: string) => command.includes('astro-process-main.ts');
// Astro builds the fixture into a work folder of its own (src/build/site-step.ts), then hands it on.
const work = siteWorkFolders(ROOT, FIXTURE_CONTENT, 'internal').work;

/**
 * Whether Astro is building: its process starts with the build, but builds only once it has a plan
 * (the build removes the last work folder before writing it), and has begun once it has written
 * into its work folder.
 */
const astroBuilding = (processes: ReturnType<typeof watchDescendants>, plan: string) => processes.seen().some((p) => isAstro(p.command)) && existsSync(plan) && existsSync(work);

// /proc tells which processes a build started; other systems have none.
describe.skipIf(process.platform !== 'linux')('interrupting a build', () => {
  it('on SIGTERM while Astro runs, stops Astro, removes the unfinished output and keeps the previous site', { timeout: TIMEOUT }, async () => {
    const out = join(parent, 'term');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'the previous site');
    writeBuildMarker(out, 'internal');
    const build = startBuild(out);
    const processes = watchDescendants(build.child.pid!);
    const plan = join(parent, `.multiplane-plan-${build.child.pid}`);
    await waitFor('the Astro child and its first files', () => astroBuilding(processes, plan), 120_000);
    build.child.kill('SIGTERM');
    const ended = await build.ended;
    const children = processes.stop();
    expect(ended, build.output()).toEqual({ code: 143, signal: null });
    expect(build.output()).toContain('Build interrupted (SIGTERM): stopping its processes and removing the unfinished output.');
    expect(build.output()).not.toContain('multiplane: The build failed');
    expect(children.filter(isRunning)).toEqual([]);
    expect(readdirSync(parent).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the previous site');
  });

  it('on SIGKILL, the Astro child stops by itself and the next build removes what was left', { timeout: TIMEOUT }, async () => {
    const out = join(parent, 'kill');
    const build = startBuild(out);
    const processes = watchDescendants(build.child.pid!);
    const plan = join(parent, `.multiplane-plan-${build.child.pid}`);
    await waitFor('the Astro child and its first files', () => astroBuilding(processes, plan), 120_000);
    build.child.kill('SIGKILL');
    expect(await build.ended).toEqual({ code: null, signal: 'SIGKILL' });
    const children = processes.stop();
    expect(children.some((p) => isAstro(p.command))).toBe(true);
    // The child looks for its parent twice a second.
    await waitFor('every process the build started to end', () => !children.some(isRunning), 15_000);
    expect(existsSync(plan)).toBe(true);

    const io = memoryIo(fixtureRoot('dangling-owner'));
    expect(await buildCommand(['--out', out], io)).toBe(1);
    // The Astro process started with the build ends unused when the check stops it.
    await waitFor('the unused Astro process to end', () => !descendantsOf(process.pid).some((p) => isAstro(p.command) && isRunning(p)), 15_000);
    expect(io.out().split('\n')[0]).toMatch(new RegExp(`^Removed \\d leftovers? of stopped builds beside ${escapeRegExp(parent)}/ \\(.*\\.multiplane-plan-${build.child.pid}.*\\)\\.$`));
    expect(readdirSync(parent).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});
