import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/core/content/frontmatter.ts';
import { listCollectionFiles } from '../../../src/core/content/list-files.ts';
import { runCheck } from '../../../src/core/check/run-check.ts';
import { COLLECTIONS, type EntryCollectionName } from '../../../src/core/schemas/index.ts';
import { allJsonSchemas, DATE_PATTERN, DATE_TIME_PATTERN } from '../../../src/core/schemas/json-schema.ts';
import { freshFixtureRoot, NOW, EXAMPLE_ROOT } from '../../helpers/fixtures.ts';

const REPO = join(import.meta.dirname, '..', '..', '..');
const schemas = allJsonSchemas();
// Strict mode: a keyword or format the schema writes that draft-07 validators do not know fails here.
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>(Object.entries(schemas).map(([file, schema]) => [file, ajv.compile(schema)]));
const validate = (file: string, data: unknown) => {
  const validator = validators.get(file);
  if (!validator) throw new Error(`No schema ${file}`);
  return { valid: validator(data), errors: ajv.errorsText(validator.errors) };
};

/** The frontmatter of an entry file as the check reads it (js-yaml's core schema keeps dates as text). */
const frontmatter = (path: string) => yaml.load(splitFrontmatter(readFileSync(path, 'utf8')).frontmatter ?? '', { schema: yaml.CORE_SCHEMA });

describe('the editors\' JSON Schemas', () => {
  it('are draft-07', () => {
    for (const schema of Object.values(schemas)) expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('accept every entry of the example content, and its platform and governance files', () => {
    let count = 0;
    for (const definition of Object.values(COLLECTIONS)) {
      if (definition.source.kind !== 'folder') continue;
      for (const file of listCollectionFiles(join(EXAMPLE_ROOT, 'content'), definition.name as EntryCollectionName)) {
        if (!file.markdown) continue;
        const result = validate(`${definition.name}.schema.json`, frontmatter(file.absolute));
        expect(result, file.absolute).toEqual({ valid: true, errors: 'No errors' });
        count++;
      }
    }
    expect(count).toBeGreaterThan(60);
    for (const [file, name] of [['platform.yaml', 'platform.schema.json'], ['governance.yaml', 'governance.schema.json']] as const) {
      const data = yaml.load(readFileSync(join(REPO, 'content', file), 'utf8'), { schema: yaml.CORE_SCHEMA });
      expect(validate(name, data), file).toEqual({ valid: true, errors: 'No errors' });
    }
  });

  it('refuse an hour 25 and 30 February, and accept 29 February of a leap year', () => {
    const time = new RegExp(DATE_TIME_PATTERN);
    const day = new RegExp(DATE_PATTERN);
    expect(time.test('2026-03-01T25:00:00Z')).toBe(false);
    expect(time.test('2026-02-30T10:00:00Z')).toBe(false);
    expect(time.test('2026-03-01T09:30:60Z')).toBe(false);
    expect(time.test('2026-03-01T09:30')).toBe(true);
    expect(day.test('2026-02-30')).toBe(false);
    expect(day.test('2026-02-29')).toBe(false);
    expect(day.test('2028-02-29')).toBe(true);
    expect(day.test('2000-02-29')).toBe(true);
    expect(day.test('2100-02-29')).toBe(false);
    expect(day.test('2026-04-31')).toBe(false);
  });
});

/**
 * One change to one field of a valid fixture entry. The check and the JSON Schema must agree on
 * it: both accept it or both refuse it. Dates, times, enums, bounds, unknown fields, blank text,
 * an owner without a way to reach them and a resolved incident without its time are all things
 * a schema can know.
 */
interface Mutation {
  readonly name: string;
  readonly file: string;
  readonly change: (data: Record<string, any>) => void;
  readonly accepted: boolean;
}

const INCIDENT = 'content/incidents/2026-10-outage.md';
const POLICY = 'content/policies/change-policy.md';
const SERVICE = 'content/services/api.md';
const OWNER = 'content/owners/platform-team.md';
const DEPLOYMENT = 'content/deployments/api-1-2-0.md';
const RUNBOOK = 'content/runbooks/api-runbook.md';

const MUTATIONS: readonly Mutation[] = [
  { name: 'an hour 25', file: INCIDENT, change: (data) => (data.started = '2026-10-02T25:00:00Z'), accepted: false },
  { name: '30 February as an instant', file: INCIDENT, change: (data) => (data.started = '2026-02-30T10:00:00Z'), accepted: false },
  { name: 'a leap second', file: DEPLOYMENT, change: (data) => (data.date = '2026-12-31T23:59:60Z'), accepted: false },
  { name: 'an instant without seconds', file: DEPLOYMENT, change: (data) => (data.date = '2026-11-01T09:30'), accepted: true },
  { name: 'an instant with a space and an offset', file: DEPLOYMENT, change: (data) => (data.date = '2026-11-01 09:30:00+02:00'), accepted: true },
  { name: '30 February as a day', file: POLICY, change: (data) => (data.effective = '2026-02-30'), accepted: false },
  { name: '29 February of a common year', file: POLICY, change: (data) => (data.effective = '2026-02-29'), accepted: false },
  { name: '29 February of a leap year', file: POLICY, change: (data) => (data.effective = '2028-02-29'), accepted: true },
  { name: 'a day in another format', file: POLICY, change: (data) => (data.effective = '01/03/2026'), accepted: false },
  { name: 'a cadence of zero', file: POLICY, change: (data) => (data.review.cadence = '0d'), accepted: false },
  { name: 'a cadence with a space', file: POLICY, change: (data) => (data.review.cadence = '6 m'), accepted: true },
  { name: 'a tier of 5', file: SERVICE, change: (data) => (data.tier = 5), accepted: false },
  { name: 'a lifecycle Multiplane lacks', file: SERVICE, change: (data) => (data.lifecycle = 'beta'), accepted: false },
  { name: 'an unknown field', file: SERVICE, change: (data) => (data.colour = 'blue'), accepted: false },
  { name: 'a blank title', file: SERVICE, change: (data) => (data.title = '   '), accepted: false },
  { name: 'a blank system', file: SERVICE, change: (data) => (data.system = ' '), accepted: false },
  { name: 'a monitoring link that is not an address', file: SERVICE, change: (data) => (data.operations.monitoring = 'grafana'), accepted: false },
  { name: 'an owner with no way to reach them', file: OWNER, change: (data) => (data.contact = {}), accepted: false },
  { name: 'an owner with a blank chat only', file: OWNER, change: (data) => (data.contact = { chat: '' }), accepted: false },
  { name: 'an owner reached by a link only', file: OWNER, change: (data) => (data.contact = { url: 'https://example.com/team' }), accepted: true },
  { name: 'a resolved incident without its time', file: INCIDENT, change: (data) => delete data.resolved, accepted: false },
  { name: 'a negative runbook order', file: RUNBOOK, change: (data) => (data.order = -1), accepted: false },
  { name: 'a runbook order', file: RUNBOOK, change: (data) => (data.order = 2), accepted: true },
];

describe('the JSON Schemas and npm run check', () => {
  it('have at least twenty mutations to agree on', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(MUTATIONS.map((mutation) => [mutation.name, mutation] as const))('agree on %s', (_name, mutation) => {
    const root = freshFixtureRoot();
    const path = join(root, mutation.file);
    const split = splitFrontmatter(readFileSync(path, 'utf8'));
    const data = yaml.load(split.frontmatter ?? '', { schema: yaml.CORE_SCHEMA }) as Record<string, any>;
    mutation.change(data);
    writeFileSync(path, `---\n${yaml.dump(data, { schema: yaml.CORE_SCHEMA, lineWidth: -1 })}---\n${split.body}`);
    const collection = mutation.file.split('/')[1] as EntryCollectionName;
    const check = runCheck({ root, now: NOW });
    const refused = check.findings.some((finding) => finding.file === mutation.file && /^(field|frontmatter)-/.test(finding.rule));
    const schema = validate(`${collection}.schema.json`, frontmatter(path));
    expect({ check: !refused, schema: schema.valid }, schema.errors).toEqual({ check: mutation.accepted, schema: mutation.accepted });
  });

  it('leave to the check what needs two values compared', () => {
    // A schema cannot compare two fields: an incident resolved before it started passes it.
    const root = freshFixtureRoot();
    const path = join(root, INCIDENT);
    const split = splitFrontmatter(readFileSync(path, 'utf8'));
    const data = yaml.load(split.frontmatter ?? '', { schema: yaml.CORE_SCHEMA }) as Record<string, any>;
    data.resolved = '2020-01-01T00:00:00Z';
    writeFileSync(path, `---\n${yaml.dump(data, { schema: yaml.CORE_SCHEMA })}---\n${split.body}`);
    expect(runCheck({ root, now: NOW }).findings.some((finding) => finding.file === INCIDENT && finding.rule.startsWith('field-'))).toBe(true);
    expect(validate('incidents.schema.json', frontmatter(path)).valid).toBe(true);
  });
});
