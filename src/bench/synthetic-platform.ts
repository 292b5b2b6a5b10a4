import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { POLICY_CATEGORIES } from '../core/schemas/policy.ts';
import { seededRandom } from './random.ts';
import { body } from './synthetic-text.ts';

export interface SyntheticOptions {
  /** Total number of entries to write, across all collections. */
  readonly entries: number;
  /** Folder to write the project into; `content/` is created inside it. */
  readonly out: string;
  readonly seed?: number;
  /** Probability that a runbook or architecture body carries a mermaid diagram. */
  readonly mermaidChance?: number;
  /**
   * How many checks the policies carry (`checks:`), up to the 20 of SYNTHETIC_CHECKS, spread over
   * the first policies: the two that apply to all services and some that name a few. None by default.
   */
  readonly policyChecks?: number;
}

/**
 * Checks of the kinds platform teams write, over every collection, most reading a relation. Each
 * is `[collections, when, expression]`; a few fail on some entries, as real ones do.
 */
export const SYNTHETIC_CHECKS: readonly (readonly [readonly string[], string | undefined, string])[] = [
  [['services'], 'entry.tier == 1', "relations.onCall.exists(owner, owner.kind == 'team')"],
  [['services'], "entry.operations.dataClassification != 'none'", 'has(entry.operations.backups)'],
  [['services'], undefined, 'has(entry.operations.repository)'],
  [['services'], "entry.lifecycle == 'production'", "relations.governedBy.exists(policy, policy.status == 'active')"],
  [['services'], undefined, 'size(entry.dependsOn) <= 4'],
  [['services'], 'entry.tier <= 2', "relations.coveredBy.exists(doc, doc.kind == 'runbook')"],
  [['services'], undefined, "!relations.dependsOn.exists(other, other.lifecycle == 'retired')"],
  [['deployments'], "entry.environment == 'production'", 'entry.date.getFullYear() >= 2025 && entry.date <= now'],
  [['deployments'], "entry.environment == 'production'", 'has(entry.approver) && has(entry.changePolicy)'],
  [['deployments'], undefined, "relations.deploys.all(service, service.lifecycle != 'retired')"],
  [['incidents'], "entry.severity in ['SEV1', 'SEV2']", "relations.usedRunbook.exists(doc, doc.kind == 'runbook')"],
  [['incidents'], "entry.status == 'resolved'", 'has(entry.resolved) && entry.resolved >= entry.started'],
  [['incidents'], undefined, 'size(entry.services) <= 3'],
  [['runbooks'], undefined, 'size(entry.services) > 0 || size(entry.policies) > 0'],
  [['runbooks'], undefined, "relations.ownedBy.exists(owner, owner.kind == 'team')"],
  [['articles'], undefined, 'size(entry.lessons) > 0'],
  [['articles'], undefined, "relations.authoredBy.all(author, author.kind == 'person')"],
  [['owners'], "entry.kind == 'team'", 'has(entry.escalation) && size(entry.members) > 0'],
  [['case-studies'], undefined, 'entry.outcomes.exists(outcome, outcome.after != outcome.before)'],
  [['policies'], "entry.status == 'active'", "entry.review.last > now - duration('8760h')"],
];

/** How a real organization's entries are spread across collections (fractions of the total). */
const SHARES = {
  owners: 0.03,
  policies: 0.02,
  services: 0.1,
  runbooks: 0.12,
  deployments: 0.4,
  incidents: 0.15,
  'case-studies': 0.03,
  articles: 0.15,
} as const;

const day = (offset: number) => new Date(Date.UTC(2026, 10, 20) - offset * 86_400_000).toISOString().slice(0, 10);
const instant = (offset: number, hour: number) =>
  new Date(Date.UTC(2026, 10, 20, hour) - offset * 86_400_000).toISOString().replace('.000Z', 'Z');

/**
 * Writes a synthetic platform of about `entries` entries with valid references throughout,
 * relations fanned out like a real organization's, realistic bodies, and a few deliberate
 * findings (an overdue runbook, an open loop, a service without a runbook). Returns the count
 * written per collection.
 */
export function writeSyntheticPlatform(options: SyntheticOptions): Record<string, number> {
  const random = seededRandom(options.seed ?? 42);
  const content = join(options.out, 'content');
  rmSync(content, { recursive: true, force: true });
  const write = (path: string, data: Record<string, unknown>, text: string) => {
    const file = join(content, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `---\n${yaml.dump(data, { lineWidth: 120 })}---\n\n${text}`);
  };
  const count = (share: number, minimum: number) => Math.max(minimum, Math.round(options.entries * share));
  const whitepaperChapters = 8;
  const counts: Record<string, number> = {};

  // Identity: teams of about five people, under a few groups.
  const ownerCount = count(SHARES.owners, 6);
  const teamCount = Math.max(2, Math.round(ownerCount / 6));
  const teams = Array.from({ length: teamCount }, (_, index) => `team-${index + 1}`);
  const people = Array.from({ length: ownerCount - teamCount }, (_, index) => `person-${index + 1}`);
  teams.forEach((team, index) => {
    const members = people.filter((_, personIndex) => personIndex % teamCount === index);
    write(`owners/${team}.md`, {
      title: `Team ${index + 1}`,
      kind: 'team',
      contact: { chat: `#team-${index + 1}` },
      escalation: { route: `team-${index + 1}-primary rotation` },
      members,
      ...(index > 0 ? { parent: teams[Math.floor((index - 1) / 4)] } : {}),
    }, body(random, []));
  });
  people.forEach((person, index) =>
    write(`owners/${person}.md`, { title: `Person ${index + 1}`, kind: 'person', contact: { email: `${person}@example.com` } }, body(random, [])),
  );
  counts.owners = ownerCount;

  // Services: a dependency DAG (each depends only on services created before it).
  const serviceCount = count(SHARES.services, 8);
  const services = Array.from({ length: serviceCount }, (_, index) => `service-${index + 1}`);
  const policyCount = count(SHARES.policies, 4);
  const policies = Array.from({ length: policyCount }, (_, index) => `policy-${index + 1}`);
  const changePolicy = policies[0] ?? 'policy-1';

  // Checks go to the policies that apply to all services (the first two) and a few that name some.
  const checkCount = Math.min(options.policyChecks ?? 0, SYNTHETIC_CHECKS.length);
  const carriers = policies.slice(0, Math.min(policyCount, 6));
  const checksOf = (index: number) =>
    SYNTHETIC_CHECKS.slice(0, checkCount)
      .map((check, number) => ({ check, number }))
      .filter(({ number }) => number % carriers.length === index)
      .map(({ check: [collections, when, expression], number }) => ({
        name: `check-${number + 1}`,
        collections,
        ...(when ? { when } : {}),
        expression,
        message: `Synthetic requirement ${number + 1}.`,
      }));

  policies.forEach((policy, index) => {
    const checks = index < carriers.length ? checksOf(index) : [];
    write(`policies/${policy}.md`, {
      title: `Policy ${index + 1}`,
      owner: random.pick(teams),
      // The same draws with or without checks, so that both platforms are otherwise alike.
      status: (index === 0 || random.chance(0.9)) || checks.length > 0 ? 'active' : 'draft',
      category: index === 0 ? 'change' : random.pick(POLICY_CATEGORIES),
      effective: day(random.int(200, 700)),
      review: { cadence: random.pick(['6m', '1y']), last: day(random.int(5, 150)) },
      appliesTo: index < 2 ? 'all' : random.sample(services, random.int(1, 12)),
      enforcement: { mode: random.pick(['manual', 'automated']), mechanism: 'CI check and review', ...(checks.length > 0 ? { level: 'advisory' } : {}) },
      compliance: random.chance(0.5) ? [{ framework: 'SOC 2', criteria: [random.pick(['CC6.1', 'CC7.2', 'CC8.1', 'A1.2'])] }] : [],
      ...(checks.length > 0 ? { checks } : {}),
    }, body(random, ['Purpose', 'Scope', 'Policy', 'Exceptions']));
  });
  counts.policies = policyCount;

  services.forEach((service, index) => {
    const tier = random.int(1, 4);
    const holdsData = random.chance(0.4);
    write(`services/${service}.md`, {
      title: `Service ${index + 1}`,
      owner: random.pick(teams),
      tier,
      lifecycle: index % 50 === 49 ? 'deprecated' : random.chance(0.9) ? 'production' : 'experimental',
      dependsOn: index === 0 ? [] : random.sample(services.slice(0, index), random.int(0, 4)),
      operations: {
        monitoring: `https://grafana.example.com/d/${service}`,
        alerting: 'Error budget burn above 2x for 1 hour pages on-call',
        onCall: random.pick(teams),
        dataClassification: holdsData ? random.pick(['internal', 'confidential']) : 'none',
        ...(holdsData ? { backups: { schedule: 'Hourly snapshots', lastRestoreTest: day(random.int(1, 80)) } } : {}),
        repository: `https://git.example.com/${service}`,
      },
    }, body(random, ['Overview', 'Interfaces', 'Operations']));
  });
  counts.services = serviceCount;

  // Knowledge: runbooks cover services so that most top-tier services have one.
  const runbookCount = count(SHARES.runbooks, 10);
  const runbooks = Array.from({ length: runbookCount }, (_, index) => `runbook-${index + 1}`);
  const sections = {
    runbook: ['Symptoms', 'Diagnosis', 'Remediation', 'Escalation'],
    procedure: ['Purpose', 'Steps'],
    standard: ['Scope', 'Requirements'],
    architecture: ['Context', 'Decision', 'Consequences'],
  } as const;
  runbooks.forEach((runbook, index) => {
    const kind = index % 4 === 3 ? random.pick(['procedure', 'standard', 'architecture'] as const) : 'runbook';
    const covered = services.slice((index * serviceCount) / runbookCount, ((index + 1) * serviceCount) / runbookCount + 1);
    // Deliberate findings: the first runbook is overdue, the second lacks a section.
    const required = index === 1 ? sections[kind].slice(0, -1) : sections[kind];
    write(`runbooks/${runbook}.md`, {
      title: `Runbook ${index + 1}`,
      owner: random.pick(teams),
      kind,
      services: covered,
      policies: random.sample(policies, random.int(0, 2)),
      review: { cadence: '1y', last: index === 0 ? day(500) : day(random.int(5, 200)) },
    }, body(random, required, { mermaidChance: kind === 'architecture' ? 0.8 : 0.05 }));
  });
  counts.runbooks = runbookCount;

  const deploymentCount = count(SHARES.deployments, 12);
  const deployments = Array.from({ length: deploymentCount }, (_, index) => `deploy-${index + 1}`);
  deployments.forEach((deployment, index) => {
    const production = random.chance(0.8);
    // Drawn in the order the fields are written, so the platform is the same as before `committed`.
    const service = random.pick(services);
    const version = `${random.int(1, 9)}.${random.int(0, 40)}.${random.int(0, 20)}`;
    const date = instant(random.int(0, 300), random.int(0, 23));
    // Four deployments in five record when their change was committed, 1 to 47 hours before.
    const committed = index % 5 === 0 ? undefined : new Date(Date.parse(date) - ((index % 47) + 1) * 3_600_000).toISOString().replace('.000Z', 'Z');
    write(`deployments/${deployment}.md`, {
      title: `Deployment ${index + 1}`,
      service,
      version,
      environment: production ? 'production' : 'staging',
      date,
      ...(committed ? { committed } : {}),
      pipeline: `deploy-pipeline #${random.int(1000, 99999)}`,
      ...(production ? { changePolicy, approver: random.pick(people) } : {}),
      outcome: random.chance(0.92) ? 'succeeded' : random.pick(['failed', 'rolled-back']),
    }, body(random, ['Changes']));
  });
  counts.deployments = deploymentCount;

  const incidentCount = count(SHARES.incidents, 4);
  const incidents = Array.from({ length: incidentCount }, (_, index) => `incident-${index + 1}`);
  incidents.forEach((incident, index) => {
    const start = random.int(2, 300);
    const open = index === 0;
    write(`incidents/${incident}.md`, {
      title: `Incident ${index + 1}`,
      services: random.sample(services, random.int(1, 3)),
      severity: random.pick(['SEV1', 'SEV2', 'SEV3', 'SEV3', 'SEV4']),
      status: open ? 'monitoring' : 'resolved',
      started: instant(start, 8),
      ...(open ? {} : { resolved: instant(start, 11) }),
      commander: random.pick(people),
      // One incident in four names the deployment that caused it (a change failure).
      ...(index % 4 === 3 ? { causedBy: [deployments[(index * 37) % deployments.length]] } : {}),
      runbooks: random.sample(runbooks, random.int(0, 2)),
      // All but one resolved incident feed back into a runbook: that one is a deliberate open loop.
      followUps: index === 1 ? [] : [`runbooks/${random.pick(runbooks)}`],
    }, body(random, ['Impact', 'Postmortem', 'Timeline', 'Root cause', 'Action items']));
  });
  counts.incidents = incidentCount;

  const caseStudyCount = count(SHARES['case-studies'], 3);
  const caseStudies = Array.from({ length: caseStudyCount }, (_, index) => `case-study-${index + 1}`);
  caseStudies.forEach((caseStudy, index) => {
    write(`case-studies/${caseStudy}.md`, {
      title: `Case study ${index + 1}`,
      owner: random.pick(teams),
      date: day(random.int(5, 200)),
      services: random.sample(services, random.int(1, 3)),
      deployments: random.sample(deployments, random.int(1, 3)),
      outcomes: [
        { name: 'p95 latency', before: random.int(300, 900), after: random.int(100, 299), unit: 'ms' },
        { name: 'change failure rate', before: random.int(10, 30), after: random.int(1, 9), unit: '%' },
      ],
      followUps: [`runbooks/${random.pick(runbooks)}`],
    }, body(random, ['Context', 'What we did', 'Results']));
  });
  counts['case-studies'] = caseStudyCount;

  const whitepaperCount = whitepaperChapters;
  const articleCount = Math.max(4, options.entries - Object.values(counts).reduce((sum, value) => sum + value, 0) - whitepaperCount - 1);
  const explainable = [...incidents.map((id) => `incidents/${id}`), ...caseStudies.map((id) => `case-studies/${id}`), ...services.map((id) => `services/${id}`)];
  for (let index = 0; index < articleCount; index++) {
    write(`articles/article-${index + 1}.md`, {
      title: `Article ${index + 1}`,
      author: random.pick(people),
      date: day(random.int(1, 300)),
      tags: random.sample(['reliability', 'delivery', 'security', 'cost', 'data'], 2),
      explains: random.sample(explainable, random.int(1, 3)),
      lessons: ['Measure before changing.', 'Write the runbook while the incident is fresh.'],
    }, body(random, ['Background', 'What happened', 'What we learned'], { mermaidChance: 0.03 }));
  }
  counts.articles = articleCount;
  for (let index = 0; index < whitepaperCount; index++) {
    write(`whitepaper/chapter-${index + 1}.md`, { title: `Chapter ${index + 1}`, order: index + 1 }, body(random, ['Argument', 'Practice']));
  }
  counts.whitepaper = whitepaperCount;

  mkdirSync(content, { recursive: true });
  writeFileSync(
    join(content, 'platform.yaml'),
    yaml.dump({ name: 'Synthetic Mesh', organization: 'Synthetic Org', environment: 'production', docsVersion: 'bench', trustAnchor: teams[0] }),
  );
  counts.platform = 1;
  return counts;
}
