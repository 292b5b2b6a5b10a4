import { parse } from '@bufbuild/cel';
import { describe, expect, it } from 'vitest';
import { analyzeExpression } from '../../../src/core/policy-checks/analyze-expression.ts';
import { variablesOf } from '../../../src/core/policy-checks/check-shapes.ts';

const analyze = (expression: string, collections: Parameters<typeof variablesOf>[0] = ['services']) =>
  analyzeExpression(parse(expression).expr, variablesOf(collections));
const unknown = (expression: string, collections?: Parameters<typeof variablesOf>[0]) => analyze(expression, collections).unknown.map((name) => `${name.kind} ${name.written}`);

describe('checking the names an expression uses', () => {
  it('accepts the fields of the inspected collection, nested ones and fields of list items', () => {
    expect(unknown("entry.tier == 1 && has(entry.operations.backups) && entry.operations.backups.schedule != ''")).toEqual([]);
    expect(unknown('entry.outcomes.all(outcome, outcome.after < outcome.before)', ['case-studies'])).toEqual([]);
    expect(unknown("entry.id.startsWith('api') && entry.collection == 'services' && now > entry.operations.backups.lastRestoreTest")).toEqual([]);
  });

  it('rejects a misspelt field, also inside has() and in a comprehension over a relation', () => {
    expect(unknown('has(entry.operations.bakups)')).toEqual(['field entry.operations.bakups']);
    expect(unknown("relations.governedBy.exists(p, p.statuss == 'active')")).toEqual(['field p.statuss']);
    expect(unknown('relations.dependsOn.map(s, s.tier).exists(t, t == 1)')).toEqual([]);
  });

  it('rejects relations a collection does not have, and unknown variables', () => {
    expect(unknown('size(relations.deploys) > 0')).toEqual(['relation relations.deploys']);
    expect(unknown('size(relations.deploys) > 0', ['deployments'])).toEqual([]);
    expect(unknown('service.tier == 1')).toEqual(['variable service']);
  });

  it('accepts a field of any of several collections', () => {
    expect(unknown("entry.environment == 'production' || entry.lifecycle == 'production'", ['services', 'deployments'])).toEqual([]);
    expect(unknown('entry.severity == "SEV1"', ['services', 'deployments'])).toEqual(['field entry.severity']);
  });

  it('knows which fields and relations the expression reads', () => {
    const analysis = analyze('entry.tier == 1 && relations.coveredBy.exists(d, d.kind == "runbook") && has(entry.operations.onCall)');
    expect(analysis.entryPaths).toEqual([['tier'], ['operations', 'onCall']]);
    expect([...analysis.relations]).toEqual(['coveredBy']);
  });

  it('rejects functions CEL does not have, given the ones it has', () => {
    const functions = ['size', 'matches', 'lowerAscii', 'getDayOfWeek'];
    const names = (expression: string) => analyzeExpression(parse(expression).expr, variablesOf(['services']), functions).unknown.map((name) => `${name.kind} ${name.written}`);
    expect(names("entry.title.lowerAscii().matches('^a') && size(entry.tags) > 0 && entry.tier in [1, 2]")).toEqual([]);
    expect(names('entry.title.lowercase() == "a"')).toEqual(['function lowercase()']);
  });
});
