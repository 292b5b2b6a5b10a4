import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { editionReport } from '../../../src/core/editions/edition-view.ts';
import { DRAFT, summarizeSnapshot } from '../../../src/core/history/commit-snapshot.ts';
import { type GovernanceHistory, governanceHistory } from '../../../src/core/history/governance-history.ts';
import { editionFilter } from '../../../src/site/view/metrics-history.ts';
import { fixtureRoot } from '../../helpers/fixtures.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
let scratch: string;
let repo: string;
let cacheDir: string;

function git(cwd: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function commit(message: string, date: string): string {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], date);
  return git(repo, ['rev-parse', 'HEAD']);
}

const edit = (path: string, change: (text: string) => string) => writeFileSync(join(repo, path), change(readFileSync(join(repo, path), 'utf8')));
const history = (overrides: Partial<Parameters<typeof governanceHistory>[0]> = {}) => governanceHistory({ root: repo, now: NOW, weeks: 6, cacheDir, ...overrides });
const available = (result: GovernanceHistory) => {
  if (!result.available) throw new Error(`history unavailable: ${result.reason}`);
  return result;
};
const internal = { include: (_: string, flags: number) => !(flags & DRAFT), unattributed: true };

// A scratch repository: the valid fixture committed in the week of 26 October, an error brought in
// and partly mended in the week of 2 November, nothing in the week of 9 November, a public service
// added in the week of 16 November, nothing since.
const commits: Record<string, string> = {};
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'multiplane-history-test-'));
  repo = join(scratch, 'repo');
  cacheDir = join(scratch, 'cache');
  cpSync(fixtureRoot('valid'), repo, { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  writeFileSync(join(repo, 'README.md'), 'Not content.\n');
  commits.first = commit('valid content', '2026-10-27T10:00:00Z');
  edit('content/services/api.md', (text) => text.replace(/  onCall: platform-team\n/, ''));
  commits.broken = commit('api loses its on-call', '2026-11-03T10:00:00Z');
  edit('content/services/db.md', (text) => text.replace(/  onCall: data-team\n/, ''));
  commits.worse = commit('db loses its on-call too', '2026-11-05T16:00:00Z');
  // A commit that does not touch content/ changes nothing the history shows.
  writeFileSync(join(repo, 'README.md'), 'Still not content.\n');
  commit('docs', '2026-11-10T10:00:00Z');
  writeFileSync(
    join(repo, 'content/services/web.md'),
    '---\ntitle: Web\nowner: platform-team\ntier: 3\nlifecycle: experimental\nvisibility: public\noperations:\n  monitoring: https://example.com/web\n  alerting: Errors page on-call\n  onCall: platform-team\n  dataClassification: none\n---\n\nThe website.\n',
  );
  commits.web = commit('a public web service', '2026-11-18T10:00:00Z');
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('governance history', () => {
  it('checks the content at each week\'s last commit, and carries it over weeks without a commit', async () => {
    const result = available(await history());
    expect(result.weeks.map((week) => [week.start.toISOString().slice(0, 10), week.snapshot?.commit])).toEqual([
      ['2026-10-19', undefined],
      ['2026-10-26', commits.first],
      ['2026-11-02', commits.worse],
      ['2026-11-09', commits.worse],
      ['2026-11-16', commits.web],
      ['2026-11-23', commits.web],
    ]);
    // By 18 November nothing in the content lies in the future of the check; what remains are the
    // two service-operations errors of the on-calls removed.
    expect(summarizeSnapshot(result.weeks.at(-1)!.snapshot!, internal).errors).toBe(2);
    expect(result.weeks.map((week) => week.snapshot && summarizeSnapshot(week.snapshot, internal).entries)).toEqual([undefined, 15, 15, 15, 16, 16]);
  });

  it('sums each week exactly as the dashboard summed the content then', async () => {
    const result = available(await history());
    const copy = join(scratch, 'at-commit');
    cpSync(repo, copy, { recursive: true });
    for (const week of result.weeks.filter((candidate) => candidate.snapshot)) {
      const summary = summarizeSnapshot(week.snapshot!, internal);
      // The same content, checked directly at the commit's time.
      git(copy, ['checkout', '-q', week.snapshot!.commit]);
      const report = editionReport(runCheck({ root: copy, now: new Date(week.snapshot!.time) }), { edition: 'internal', includeDrafts: false });
      expect([summary.errors, summary.warnings, summary.openLoops]).toEqual([report.errors, report.warnings, report.openLoops.length]);
      expect(summary.completeness.map(({ plane, entries, complete }) => ({ plane, entries, complete }))).toEqual(
        report.completeness.map(({ plane, entries, complete }) => ({ plane, entries, complete })),
      );
      for (const level of [undefined, ...report.content.governance.scorecard.levels.map((item) => item.name)]) {
        expect(summary.levels.get(level ?? null)).toBe(report.scores.filter((score) => score.level === level).length);
      }
    }
  });

  it('checks only commits it has not seen: a second run reads every week from the cache, a new commit is checked alone', async () => {
    const first = available(await history({ cacheDir: join(scratch, 'fresh-cache') }));
    expect([first.checked, first.reused]).toEqual([3, 0]);
    const again = available(await history({ cacheDir: join(scratch, 'fresh-cache') }));
    expect([again.checked, again.reused]).toEqual([0, 3]);
    expect(again.weeks.map((week) => week.snapshot)).toEqual(first.weeks.map((week) => week.snapshot));

    edit('content/services/db.md', (text) => text.replace('  dataClassification: confidential\n', '  onCall: data-team\n  dataClassification: confidential\n'));
    const mended = commit('db has on-call again', '2026-11-25T09:00:00Z');
    const later = available(await history({ cacheDir: join(scratch, 'fresh-cache') }));
    expect([later.checked, later.reused]).toEqual([1, 3]);
    expect(later.weeks.at(-1)!.snapshot!.commit).toBe(mended);
    expect(summarizeSnapshot(later.weeks.at(-1)!.snapshot!, internal).errors).toBe(1);
    git(repo, ['reset', '-q', '--hard', commits.web!]);
  });

  it('counts in the public edition only entries public at the commit and still published now', async () => {
    const snapshot = available(await history()).weeks.at(-1)!.snapshot!;
    const publicNow = editionReport(runCheck({ root: repo, now: NOW }), { edition: 'public', includeDrafts: false });
    // web and the platform are public; the internal services' errors are not the edition's to show.
    expect(summarizeSnapshot(snapshot, editionFilter(publicNow))).toMatchObject({ entries: 2, errors: 0, warnings: 0 });
    // Were web made internal today, its past would vanish from the public series too.
    edit('content/services/web.md', (text) => text.replace('visibility: public\n', ''));
    const later = editionReport(runCheck({ root: repo, now: NOW }), { edition: 'public', includeDrafts: false });
    git(repo, ['checkout', '-q', '--', 'content/services/web.md']);
    expect(summarizeSnapshot(snapshot, editionFilter(later)).entries).toBe(1);
    // The internal edition counts every entry but drafts.
    expect(summarizeSnapshot(snapshot, editionFilter(editionReport(runCheck({ root: repo, now: NOW }), { edition: 'internal', includeDrafts: false }))).entries).toBe(16);
  });

  it('is unavailable in a shallow clone that does not reach back far enough, and says why', async () => {
    const shallow = join(scratch, 'shallow');
    git(scratch, ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const result = await history({ root: shallow, cacheDir: join(scratch, 'shallow-cache') });
    expect(result).toEqual({ available: false, reason: expect.stringMatching(/shallow clone .* fetch-depth: 0/) });
  });

  it('is unavailable without git, and never throws', async () => {
    const plain = join(scratch, 'plain');
    cpSync(join(repo, 'content'), join(plain, 'content'), { recursive: true });
    expect(await history({ root: plain })).toEqual({ available: false, reason: 'the project is not in a git repository.' });
    expect(await history({ contentDir: 'missing' })).toEqual({ available: false, reason: 'no commit has recorded missing/ yet.' });
  });
});
