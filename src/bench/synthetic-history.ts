import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { seededRandom } from './random.ts';
import { writeSyntheticPlatform } from './synthetic-platform.ts';

export interface SyntheticHistoryOptions {
  /** Entries of the platform at the last commit. */
  readonly entries: number;
  /** Weekly commits, the last one on `end`. */
  readonly weeks: number;
  /** The repository to write (replaced if it exists). */
  readonly out: string;
  /** When the last commit is made. */
  readonly end: Date;
  readonly seed?: number;
}

const WEEK = 7 * 86_400_000;
/** Collections whose entries happen at a date, with the field it is in: they appear in the week they happened. */
const DATED: Record<string, string> = { deployments: 'date', incidents: 'started', articles: 'date', 'case-studies': 'date' };

/**
 * Writes a git repository with one commit a week of a synthetic platform growing as a real one
 * does: deployments, incidents, articles and case studies appear in the week they are dated, the
 * standing entries (owners, services, policies, runbooks, the whitepaper) are there from the start,
 * and every week a few dozen existing bodies are edited and a few services change a field. Returns
 * the commit hashes, oldest first.
 */
export function writeSyntheticHistory(options: SyntheticHistoryOptions): string[] {
  const random = seededRandom(options.seed ?? 7);
  const full = `${options.out}.full`;
  rmSync(full, { recursive: true, force: true });
  rmSync(options.out, { recursive: true, force: true });
  writeSyntheticPlatform({ entries: options.entries, out: full });
  const files = listFiles(join(full, 'content'));
  const dateOf = new Map<string, number>();
  for (const file of files) {
    const field = DATED[file.split('/')[0] ?? ''];
    if (!field) continue;
    const text = readFileSync(join(full, 'content', file), 'utf8');
    const data = yaml.load(text.slice(4, text.indexOf('\n---', 4))) as Record<string, unknown>;
    dateOf.set(file, Date.parse(String(data[field])));
  }

  mkdirSync(options.out, { recursive: true });
  git(options.out, ['init', '-q', '-b', 'main']);
  const commits: string[] = [];
  const content = join(options.out, 'content');
  for (let week = 0; week < options.weeks; week++) {
    const time = options.end.getTime() - (options.weeks - 1 - week) * WEEK;
    for (const file of files) {
      const dated = dateOf.get(file);
      if (dated !== undefined && dated > time) continue;
      const target = join(content, file);
      if (week === 0 || dated !== undefined) {
        mkdirSync(join(target, '..'), { recursive: true });
        cpSync(join(full, 'content', file), target, { force: false, errorOnExist: false });
      }
    }
    if (week > 0) {
      // Edits of the week: bodies amended, and a few services moving between lifecycles.
      const present = listFiles(content);
      for (const file of random.sample(present, Math.max(5, Math.round(present.length * 0.01)))) {
        writeFileSync(join(content, file), `${readFileSync(join(content, file), 'utf8')}\nAmended in week ${week}: ${random.int(1, 1e6)}.\n`);
      }
      for (const file of random.sample(present.filter((path) => path.startsWith('services/')), 3)) {
        const text = readFileSync(join(content, file), 'utf8');
        writeFileSync(join(content, file), text.replace(/^lifecycle: \w+$/m, `lifecycle: ${random.pick(['production', 'production', 'experimental'])}`));
      }
    }
    const stamp = new Date(time).toISOString();
    git(options.out, ['add', '-A']);
    git(options.out, ['commit', '-q', '--allow-empty', '-m', `Week ${week + 1}`], stamp);
    commits.push(git(options.out, ['rev-parse', 'HEAD']).trim());
  }
  rmSync(full, { recursive: true, force: true });
  return commits;
}

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1).split('\\').join('/'))
    .sort();
}

function git(cwd: string, args: readonly string[], date?: string): string {
  const result = spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}
