import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readMarks } from '../integration/timings.ts';

export interface SiteStepOptions {
  readonly root: string;
  readonly outDir: string;
  readonly now: Date;
  readonly edition: 'internal' | 'public';
  readonly contentDir: string | undefined;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Builds the Astro site into `outDir` in a child process, and returns the times of its parts.
 *
 * A child process, because the site build holds a couple of gigabytes at 10,000 entries and the
 * search index (built next, by `searchStep`) takes as much again: run one after the other in
 * separate processes, they never add up. The child reads the instant pages measure against, the
 * edition and the content folder from its environment, skips the check (already run) and leaves
 * the search index to the next step.
 */
export async function siteStep(options: SiteStepOptions): Promise<Record<string, number>> {
  const marks = join(options.outDir, '..', `.multiplane-marks-${process.pid}`);
  rmSync(marks, { force: true });
  // The bin script is not among the package's exports; it sits beside its package.json.
  const astro = join(dirname(createRequire(join(options.root, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const started = Date.now();
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--root', options.root, '--outDir', options.outDir], {
      cwd: options.root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...options.env,
        MULTIPLANE_NOW: options.now.toISOString(),
        MULTIPLANE_CHECKED: '1',
        MULTIPLANE_EDITION: options.edition,
        MULTIPLANE_SEARCH_INDEX: 'separate',
        MULTIPLANE_MARKS_FILE: marks,
        ...(options.contentDir ? { MULTIPLANE_CONTENT_DIR: options.contentDir } : {}),
        ASTRO_TELEMETRY_DISABLED: options.env.ASTRO_TELEMETRY_DISABLED ?? '1',
        // A NODE_ENV left over from a shell or a test runner (development, test) would make Vite
        // build in that mode, and Starlight leaves search out of the pages; a published site is production.
        NODE_ENV: 'production',
      },
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const recorded = existsSync(marks) ? readMarks(readFileSync(marks, 'utf8')) : {};
  rmSync(marks, { force: true });
  if (status !== 0) throw new Error(`Astro's build exited with status ${status} (its messages are above).`);
  return siteBreakdown(started, recorded);
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
