import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlatformModel } from '../core/model/build-model.ts';
import { toPortableModel } from '../core/model/portable-model.ts';
import { readMarks } from '../integration/timings.ts';
import { writeBuildPlan } from './build-plan.ts';
import { trackChild, watchParentArgs } from './child-processes.ts';
import { sideFileFor } from './output-swap.ts';

export interface SiteStepOptions {
  readonly root: string;
  readonly outDir: string;
  readonly now: Date;
  readonly edition: 'internal' | 'public';
  readonly contentDir: string | undefined;
  /** The checked model the site renders from. */
  readonly model: PlatformModel;
  readonly env: NodeJS.ProcessEnv;
}

const ASTRO_PROCESS = fileURLToPath(new URL('./astro-process-main.ts', import.meta.url));

/**
 * Builds the Astro site into `outDir` in a child process, and returns the times of its parts.
 *
 * A child process, because the site build holds a couple of gigabytes at 10,000 entries and the
 * search index (built next, by `searchStep`) takes as much again: run one after the other in
 * separate processes, they never add up. The child gets one build plan (src/build/build-plan.ts)
 * with the checked model, so it neither reads nor checks the content again, and leaves the search
 * index to the next step.
 */
export async function siteStep(options: SiteStepOptions): Promise<Record<string, number>> {
  const marks = sideFileFor(options.outDir, 'marks');
  const planFile = sideFileFor(options.outDir, 'plan');
  rmSync(marks, { force: true });
  writeBuildPlan(planFile, {
    root: options.root,
    outDir: options.outDir,
    contentDir: options.contentDir ?? 'content',
    edition: options.edition,
    now: options.now,
    marksFile: marks,
    model: toPortableModel(options.model),
  });
  const started = Date.now();
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      // Tracked and watching its parent, so that neither a stopped nor a killed build leaves Astro
      // running (child-processes.ts); in the build's process group, so a Ctrl-C reaches it too.
      const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', ...watchParentArgs(), ASTRO_PROCESS, planFile], {
        cwd: options.root,
        detached: false,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...options.env,
          ASTRO_TELEMETRY_DISABLED: options.env.ASTRO_TELEMETRY_DISABLED ?? '1',
          // A NODE_ENV left over from a shell or a test runner (development, test) would make Vite
          // build in that mode, and Starlight leaves search out of the pages; a published site is production.
          NODE_ENV: 'production',
        },
      });
      trackChild(child);
      child.on('error', reject);
      child.on('close', resolve);
    });
    const recorded = existsSync(marks) ? readMarks(readFileSync(marks, 'utf8')) : {};
    if (status !== 0) throw new Error(`Astro's build exited with status ${status} (its messages are above).`);
    return siteBreakdown(started, recorded);
  } finally {
    rmSync(marks, { force: true });
    rmSync(planFile, { force: true });
  }
}

/**
 * Splits the site build at the marks the integration recorded: content sync (loading and
 * rendering entries) until the build starts, then page generation until every page is written.
 */
export function siteBreakdown(started: number, marks: Record<string, number>): Record<string, number> {
  const span = (from: number | undefined, to: number | undefined) => (from !== undefined && to !== undefined ? Math.round(to - from) : undefined);
  const parts = {
    contentSync: span(marks.config ?? started, marks['build-start']),
    rendering: span(marks['build-start'], marks.generated),
  };
  return Object.fromEntries(Object.entries(parts).filter((entry): entry is [string, number] => entry[1] !== undefined));
}
