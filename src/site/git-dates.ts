import { spawnSync } from 'node:child_process';

/**
 * Returns the last commit date of every file under `folder`, from one `git log` over the whole
 * history, so a site of 10,000 entries runs git once rather than once per page. Files that were
 * never committed (or a folder outside a repository) are simply absent.
 */
export function lastCommitDates(root: string, folder: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  const result = spawnSync('git', ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', folder], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.status !== 0 || !result.stdout) return dates;
  const prefix = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  let current: Date | undefined;
  for (const line of result.stdout.split('\n')) {
    if (line.startsWith('\u0000')) {
      current = new Date(line.slice(1));
      continue;
    }
    if (!line || !current) continue;
    // git prints paths from the repository root; findings use paths from the project root.
    const file = prefix && line.startsWith(prefix) ? line.slice(prefix.length) : line;
    if (!dates.has(file)) dates.set(file, current);
  }
  return dates;
}
