import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/core/check/run-check.ts';
import { COLLECTIONS } from '../src/core/schemas/index.ts';
import { NOW } from './helpers/fixtures.ts';

describe('the example platform in content/', () => {
  const report = runCheck({ root: join(import.meta.dirname, '..'), now: NOW });

  it('checks with zero errors', () => {
    expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('carries a few deliberate warnings for the dashboard to show', () => {
    const rules = new Set(report.findings.map((finding) => finding.rule));
    expect(report.warnings).toBeGreaterThanOrEqual(4);
    for (const rule of ['runbook-review-overdue', 'runbook-sections', 'service-runbook', 'open-loop']) {
      expect(rules, rule).toContain(rule);
    }
  });

  it('has at least the entries the model needs', () => {
    const minimum: Partial<Record<keyof typeof COLLECTIONS, number>> = {
      platform: 1,
      owners: 6,
      policies: 8,
      services: 8,
      runbooks: 10,
      deployments: 12,
      incidents: 4,
      'case-studies': 3,
      articles: 4,
      whitepaper: 11,
    };
    for (const [collection, count] of Object.entries(minimum)) {
      expect(report.graph.collection(collection as keyof typeof COLLECTIONS).length, collection).toBeGreaterThanOrEqual(count);
    }
  });

  it('names a trust anchor that is a team', () => {
    const anchor = report.graph.related('platform/platform', 'anchoredBy')[0];
    expect(anchor?.collection === 'owners' && anchor.data.kind).toBe('team');
  });

  it('reaches every scorecard level with at least one service', () => {
    const levels = new Set(report.scores.map((score) => score.level));
    expect(levels).toContain('Gold');
    expect(levels.size).toBeGreaterThanOrEqual(2);
  });
});

describe('a copy of the example platform, broken one thing at a time', () => {
  const copy = () => {
    const root = mkdtempSync(join(tmpdir(), 'multiplane-example-'));
    cpSync(join(import.meta.dirname, '..', 'content'), join(root, 'content'), { recursive: true });
    return root;
  };
  const edit = (root: string, file: string, from: RegExp, to: string) => {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    expect(text, `${file} no longer contains ${from}`).toMatch(from);
    writeFileSync(path, text.replace(from, to));
  };
  const cases = [
    { what: 'a reference', file: 'content/services/mesh-gateway.md', from: /- identity-broker/, to: '- identity-brokr', rule: 'dangling-reference', field: 'dependsOn[0]' },
    { what: 'an owner', file: 'content/services/mesh-gateway.md', from: /^owner: delivery-infrastructure$/m, to: 'owner: delivery-infra', rule: 'owner-exists', field: 'owner' },
    { what: 'a date', file: 'content/policies/change-management.md', from: /^effective: \d{4}-\d{2}-\d{2}$/m, to: 'effective: 2026-13-45', rule: 'field-invalid', field: 'effective' },
    { what: 'a required field', file: 'content/deployments/2026-09-17-event-bus-4-1-0.md', from: /^version: .*\n/m, to: '', rule: 'field-missing', field: 'version' },
  ];
  for (const { what, file, from, to, rule, field } of cases) {
    it(`names the file, line and field of ${what}`, () => {
      const root = copy();
      try {
        edit(root, file, from, to);
        const report = runCheck({ root, now: NOW });
        const errors = report.findings.filter((finding) => finding.severity === 'error');
        expect(errors.map(({ rule: id, file: where, field: name }) => ({ rule: id, file: where, field: name }))).toEqual([{ rule, file, field }]);
        expect(errors[0]?.line).toBeGreaterThan(1);
        expect(errors[0]?.hint.length).toBeGreaterThan(10);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

/**
 * The example's prose states figures its data holds: counts of entries, how long an outage
 * lasted, when a restore ran. Each is recomputed here from the data, so prose and data cannot
 * drift apart unnoticed.
 */
describe('the figures the example states in prose', () => {
  const root = join(import.meta.dirname, '..');
  const report = runCheck({ root, now: NOW });
  const { graph } = report;
  const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
  const number = (word: string) => (/^\d+$/.test(word) ? Number(word) : WORDS.indexOf(word.toLowerCase()));
  const body = (key: string) => graph.get(key)?.body ?? '';
  const count = (collection: Parameters<typeof graph.collection>[0], where: (entry: never) => boolean = () => true) =>
    graph.collection(collection).filter((entry) => where(entry as never)).length;
  const services = (where: (data: { tier: number; lifecycle: string }) => boolean) => count('services', (entry: { data: { tier: number; lifecycle: string } }) => where(entry.data));
  const anchor = graph.related('platform/platform', 'anchoredBy')[0]!;
  const runbooks = (kind: string) => count('runbooks', (entry: { data: { kind: string } }) => entry.data.kind === kind);

  const claims: { chapter: string; pattern: RegExp; actual: () => number[] }[] = [
    { chapter: 'operating-models', pattern: /with (\w+) child teams/, actual: () => [graph.related(anchor.key, 'parentOf').length] },
    { chapter: 'operating-models', pattern: /(\w+) services from tier 1 to tier 4/, actual: () => [count('services')] },
    { chapter: 'operating-models', pattern: /(\w+) policies and (\w+) knowledge documents/, actual: () => [count('policies'), count('runbooks')] },
    { chapter: 'identity-plane', pattern: /It has\s+(\w+) child teams/, actual: () => [graph.related(anchor.key, 'parentOf').length] },
    { chapter: 'control-plane', pattern: /has (\w+) policies across (\w+) categories/, actual: () => [count('policies'), new Set(graph.collection('policies').map((policy) => policy.data.category)).size] },
    {
      chapter: 'knowledge-plane',
      pattern: /keeps (\w+) knowledge documents: (\w+) runbooks, (\w+) procedures, (\w+) standards and\s+(\w+) architecture records/,
      actual: () => [count('runbooks'), runbooks('runbook'), runbooks('procedure'), runbooks('standard'), runbooks('architecture')],
    },
    {
      chapter: 'execution-plane',
      pattern: /runs (\w+) services\. (\w+) are tier 1[^.]*\. (\w+) production services are tier 2, (\w+) production\s+service is tier 3, (\w+) service is deprecated and (\w+) is experimental/,
      actual: () => [
        count('services'),
        services((data) => data.tier === 1),
        services((data) => data.tier === 2 && data.lifecycle === 'production'),
        services((data) => data.tier === 3 && data.lifecycle === 'production'),
        services((data) => data.lifecycle === 'deprecated'),
        services((data) => data.lifecycle === 'experimental'),
      ],
    },
    { chapter: 'operations-plane', pattern: /incident record for the second half of 2026 has (\w+) entries/, actual: () => [count('incidents')] },
    { chapter: 'proof-plane', pattern: /records (\w+) case studies/, actual: () => [count('case-studies')] },
    { chapter: 'narrative-plane', pattern: /has (\w+) articles/, actual: () => [count('articles')] },
  ];
  for (const { chapter, pattern, actual } of claims) {
    it(`counts what the ${chapter} chapter says: ${pattern.source.slice(0, 60)}`, () => {
      const match = pattern.exec(body(`whitepaper/${chapter}`).replace(/\s+/g, ' '));
      expect(match, `content/whitepaper/${chapter}.md no longer says ${pattern}`).not.toBeNull();
      expect(match!.slice(1).map(number)).toEqual(actual());
    });
  }

  it("quotes the case studies' outcomes as they were measured", () => {
    const measured = graph.collection('case-studies').flatMap((study) => study.data.outcomes.map((outcome) => `${outcome.before}→${outcome.after}`));
    // "(34 seconds before, 1.8 after)", "(71% to 52%)", "(310 minutes to 98)".
    const quoted = [...body('whitepaper/proof-plane').matchAll(/\((\d+(?:\.\d+)?)[^()\d]*?(?:to|before,) (\d+(?:\.\d+)?)[^()]*\)/g)].map((match) => `${match[1]}→${match[2]}`);
    expect(quoted.length).toBeGreaterThanOrEqual(5);
    for (const pair of quoted) expect(measured, pair).toContain(pair);
  });

  /** The minutes between two `HH:MM` times of one day (or of the next, past midnight). */
  const minutes = (from: string, to: string) => {
    const at = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    return (at(to) - at(from) + 24 * 60) % (24 * 60);
  };
  const hhmm = (date: Date) => date.toISOString().slice(11, 16);
  const incidents = graph.collection('incidents').filter((incident) => /\(impact begins/.test(incident.body));

  it('has incidents whose timelines mark when the impact began and ended', () => {
    expect(incidents.length).toBeGreaterThanOrEqual(3);
  });

  for (const incident of incidents) {
    it(`gives ${incident.id} the times and the length its timeline shows`, () => {
      const rows = [...incident.body.matchAll(/^\| (\d{2}:\d{2}) \| (.*) \|$/gm)].map((match) => ({ time: match[1]!, event: match[2]! }));
      const begins = rows.find((row) => /impact begins/.test(row.event));
      const ends = rows.find((row) => /impact ends/.test(row.event)) ?? rows.find((row) => /resolved/.test(row.event));
      const resolved = rows.find((row) => /resolved/.test(row.event));
      expect(begins && ends && resolved, 'the timeline marks the impact and the resolution').toBeTruthy();
      expect(hhmm(incident.data.started)).toBe(begins!.time);
      if (incident.data.resolved) expect(hhmm(incident.data.resolved)).toBe(resolved!.time);
      // Every "for N minutes" said of the incident, by itself and by what explains or cites it.
      const length = minutes(begins!.time, ends!.time);
      const sayers = [incident, ...graph.related(incident.key, 'explainedBy'), ...graph.related(incident.key, 'citedBy')];
      const said = sayers.flatMap((entry) =>
        [entry.data.description ?? '', 'impact' in entry.data ? String(entry.data.impact ?? '') : '', entry.body].flatMap((text) =>
          [...text.replace(/\s+/g, ' ').matchAll(/\bfor (\d+) minutes\b/g)].map((match) => ({ where: entry.file, minutes: Number(match[1]) })),
        ),
      );
      for (const claim of said) expect(claim, `${claim.where} says ${claim.minutes} minutes`).toEqual({ where: claim.where, minutes: length });
    });
  }

  it("records the ledger's last restore test on a Saturday, the day its weekly bot runs", () => {
    expect(body('case-studies/ledger-restore-automation')).toMatch(/every Saturday/);
    const ledger = graph.get('services/shipment-ledger');
    if (ledger?.collection !== 'services') throw new Error('the example no longer has the Shipment Ledger');
    expect(ledger.data.operations.backups?.lastRestoreTest?.getUTCDay()).toBe(6);
  });
});
