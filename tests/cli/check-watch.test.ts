import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/check.ts';
import { formatProblemLine, watchCheck } from '../../src/cli/check-watch.ts';
import type { Finding } from '../../src/core/findings/finding.ts';
import { freshFixtureRoot, NOW } from '../helpers/fixtures.ts';
import { memoryIo } from '../helpers/io.ts';

const REPO = join(import.meta.dirname, '..', '..');

/** The problem matcher VS Code runs on the watch's output, as .vscode/tasks.json declares it. */
function problemMatcher() {
  const tasks = JSON.parse(readFileSync(join(REPO, '.vscode', 'tasks.json'), 'utf8')) as {
    tasks: { label: string; command: string; isBackground?: boolean; problemMatcher: { pattern: Record<string, string | number>; background: Record<string, string | boolean>; fileLocation: string[] } }[];
  };
  const task = tasks.tasks.find((candidate) => candidate.isBackground);
  if (!task) throw new Error('No background task in .vscode/tasks.json');
  const { pattern, background } = task.problemMatcher;
  const regexp = new RegExp(String(pattern.regexp));
  return {
    task,
    begins: new RegExp(String(background.beginsPattern)),
    ends: new RegExp(String(background.endsPattern)),
    match(line: string) {
      const found = regexp.exec(line);
      if (!found) return undefined;
      const group = (name: string) => found[Number(pattern[name])];
      return { file: group('file'), line: Number(group('line')), column: Number(group('column')), severity: group('severity'), code: group('code'), message: group('message') };
    },
  };
}

const finding: Finding = {
  rule: 'dangling-reference',
  severity: 'error',
  plane: 'control',
  message: '`dependsOn[0]` refers to `dbb`,\nwhich is not a service.',
  hint: 'Did you mean `db`?',
  file: 'content/services/api.md',
  line: 6,
  field: 'dependsOn[0]',
};

describe('the problem lines of npm run check -- --watch', () => {
  it('put a finding on one line that the VS Code task reads into the Problems panel', () => {
    const line = formatProblemLine(finding);
    expect(line).toBe('content/services/api.md:6:1: error dangling-reference: `dependsOn[0]` refers to `dbb`, which is not a service. (field dependsOn[0]) Fix: Did you mean `db`?');
    expect(problemMatcher().match(line)).toEqual({
      file: 'content/services/api.md',
      line: 6,
      column: 1,
      severity: 'error',
      code: 'dangling-reference',
      message: '`dependsOn[0]` refers to `dbb`, which is not a service. (field dependsOn[0]) Fix: Did you mean `db`?',
    });
    // Notices are `info`, the severity editors know.
    expect(problemMatcher().match(formatProblemLine({ ...finding, severity: 'notice', column: 4 }))).toMatchObject({ severity: 'info', column: 4 });
  });

  it('runs from a task that starts with the workspace and watches', () => {
    const { task } = problemMatcher();
    expect(task.command).toBe('npm run check -- --watch');
    expect(task.problemMatcher.fileLocation).toEqual(['relative', '${workspaceFolder}']);
  });
});

describe('npm run check -- --watch', () => {
  it('checks again after a save, replacing the problems each run', { timeout: 30_000 }, async () => {
    const root = freshFixtureRoot();
    const io = memoryIo(root);
    const controller = new AbortController();
    const matcher = problemMatcher();
    const runs = () => io.out().split('\n').filter((line) => matcher.ends.test(line)).length;
    const until = async (condition: () => boolean) => {
      for (let waited = 0; !condition(); waited += 50) {
        if (waited > 20_000) throw new Error(`Timed out; output so far:\n${io.out()}${io.err()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const watching = watchCheck({ root, now: NOW, io, signal: controller.signal, settleMs: 50 });
    await until(() => runs() === 1);
    expect(io.out()).toMatch(/^\[multiplane\] Checking content\/ …\n\[multiplane\] Done: 0 errors, 0 warnings\. Watching content\/ for changes; Ctrl-C stops\.\n$/);

    const api = join(root, 'content', 'services', 'api.md');
    writeFileSync(api, readFileSync(api, 'utf8').replace('dependsOn: [db]', 'dependsOn: [dbb]'));
    await until(() => runs() === 2);
    const second = io.out().split('\n').slice(2).join('\n');
    expect(matcher.begins.test(second)).toBe(true);
    const problems = second.split('\n').map((line) => matcher.match(line)).filter((problem) => problem !== undefined);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/services/api.md', line: 6, severity: 'error', code: 'dangling-reference' })]);
    expect(second).toContain('[multiplane] Done: 1 error, 0 warnings.');

    controller.abort();
    await expect(watching).resolves.toBe(0);
  });

  it('is an option of npm run check, documented in its usage', async () => {
    const io = memoryIo(REPO);
    expect(await checkCommand(['--help'], io)).toBe(0);
    expect(io.out()).toContain('  --watch ');
    const wrong = memoryIo(REPO);
    expect(await checkCommand(['--wach'], wrong)).toBe(2);
    expect(wrong.err().split('\n')[0]).toBe("Unknown option '--wach'. Did you mean --watch?");
  });
});
