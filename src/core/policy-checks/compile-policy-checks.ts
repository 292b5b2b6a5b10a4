import { celEnv, type CelInput, type CelResult, isCelError, parse, plan } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { COLLECTIONS } from '../collections/index.ts';
import type { AnyEntry, Entry } from '../content/entry.ts';
import type { PlatformGraph } from '../graph/build-graph.ts';
import type { RelationName } from '../graph/relations.ts';
import type { Rule, RuleResult } from '../governance/rule.ts';
import { inForce, standingOf } from '../governance/standing.ts';
import type { PolicyCheck } from '../schemas/policy.ts';
import { closest, formatList } from '../text/closest.ts';
import { type Analysis, analyzeExpression } from './analyze-expression.ts';
import { celEntry } from './cel-values.ts';
import { variablesOf } from './check-shapes.ts';
import { policyCheckId, policyCheckSeverity } from './policy-check-id.ts';

/** What compiling the policies' checks found wrong, by policy key: findings of `policy-check-invalid`. */
export interface PolicyCheckProblems {
  of(policyKey: string): readonly RuleResult[];
}

export interface CompiledPolicyChecks {
  /** One rule per check of a policy in force whose expressions compiled. */
  readonly rules: readonly Rule<any>[];
  readonly problems: PolicyCheckProblems;
}

// One environment for every expression: CEL's standard library plus its string extensions.
const ENV = celEnv({ funcs: strings });
/** The functions an expression may call by name (operators aside). */
const FUNCTIONS = [...new Set([...ENV.funcs].map((func) => func.name).filter((name) => /^[A-Za-z]/.test(name)))];

type Evaluate = (bindings: Record<string, CelInput>) => CelResult;

interface Compiled {
  readonly evaluate: Evaluate;
  readonly analysis: Analysis;
}

/**
 * Compiles every check every policy carries, once per run: each expression is parsed, its names
 * checked against the schemas of the collections it inspects, and planned. A check of a policy in
 * force becomes a rule like any built-in one (`policy:<policy-id>/<check-name>`), so its findings,
 * severities, scorecards and "not applicable" follow the same paths. A check that does not
 * compile becomes a problem of the policy instead, at the line of the check.
 */
export function compilePolicyChecks(graph: PlatformGraph, now: Date): CompiledPolicyChecks {
  const rules: Rule<any>[] = [];
  const problems = new Map<string, RuleResult[]>();
  const nowValue = timestampFromDate(now);
  for (const policy of graph.collection('policies')) {
    const found: RuleResult[] = [];
    const inScope = policyScope(policy, graph);
    policy.data.checks.forEach((check, index) => {
      const variables = variablesOf(check.collections);
      const compile = (field: 'expression' | 'when', source: string): Compiled | undefined => {
        const path = ['checks', index, field];
        let parsed: ReturnType<typeof parse>;
        try {
          parsed = parse(source);
        } catch (error) {
          found.push({
            path,
            message: `Check \`${check.name}\` of policy \`${policy.id}\`: the ${field === 'when' ? '`when` expression' : 'expression'} is not valid CEL: ${celMessage(error)}.`,
            hint: `Correct the expression; the variables are ${formatList([...variables.keys()].map((name) => `\`${name}\``), 'and')}. See /authoring/policy-checks/ in the site's authoring guide.`,
          });
          return undefined;
        }
        const analysis = analyzeExpression(parsed.expr, variables, FUNCTIONS);
        for (const name of analysis.unknown) {
          const guess = closest(name.name, name.available);
          found.push({
            path,
            message: `Check \`${check.name}\` of policy \`${policy.id}\` uses \`${name.written}\`, but ${describeUnknown(name, check)}.`,
            hint: `${guess ? `Did you mean \`${guess}\`? ` : ''}Available ${{ variable: 'variables', relation: 'relations', field: 'fields', function: 'functions' }[name.kind]}: ${name.available.join(', ')}.`,
          });
        }
        if (analysis.unknown.length > 0) return undefined;
        try {
          return { evaluate: plan(ENV, parsed) as Evaluate, analysis };
        } catch (error) {
          found.push({
            path,
            message: `Check \`${check.name}\` of policy \`${policy.id}\` cannot be compiled: ${celMessage(error)}.`,
            hint: 'Correct the expression; the functions CEL offers are listed at /authoring/policy-checks/ in the site\'s authoring guide.',
          });
          return undefined;
        }
      };
      const expression = compile('expression', check.expression);
      const when = check.when === undefined ? undefined : compile('when', check.when);
      if (!expression || (check.when !== undefined && !when)) return;
      // Drafts and retired policies demand nothing; their checks are compiled so that a mistake
      // shows before the policy takes effect.
      if (!inForce(policy, graph, now)) return;
      rules.push(policyCheckRule(policy, check, index, { expression, when, nowValue, graph, inScope }));
    });
    if (found.length > 0) problems.set(policy.key, found);
  }
  return { rules, problems: { of: (key) => problems.get(key) ?? [] } };
}

function describeUnknown(name: Analysis['unknown'][number], check: PolicyCheck): string {
  const where = formatList(check.collections.map((collection) => COLLECTIONS[collection].noun), 'and');
  switch (name.kind) {
    case 'variable':
      return `there is no variable \`${name.name}\``;
    case 'function':
      return `CEL has no function \`${name.name}\``;
    case 'relation':
      return `${where} have no relation \`${name.name}\``;
    case 'field': {
      const parent = name.written.includes('.') ? `\`${name.written.slice(0, name.written.lastIndexOf('.'))}\`` : 'the value';
      return `${parent} has no field \`${name.name}\``;
    }
  }
}

/** CEL's own message, without its `<input>:` prefix. */
function celMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^<input>:/, 'at ').replace(/\.$/, '');
}

interface Bound {
  readonly expression: Compiled;
  readonly when: Compiled | undefined;
  readonly nowValue: CelInput;
  readonly graph: PlatformGraph;
  readonly inScope: (entry: AnyEntry) => boolean;
}

/**
 * Which entries a policy covers, narrowed by its `appliesTo`: with `all`, every entry; with a list,
 * the services it governs and the entries related to one of them. Answered once per entry for all
 * the policy's checks.
 */
function policyScope(policy: Entry<'policies'>, graph: PlatformGraph): (entry: AnyEntry) => boolean {
  if (policy.data.appliesTo === 'all') return () => true;
  const governed = new Set(graph.related(policy.key, 'governs').map((service) => service.key));
  const answers = new Map<string, boolean>();
  return (entry) => {
    let answer = answers.get(entry.key);
    if (answer === undefined) {
      answer = governed.has(entry.key) || (entry.collection !== 'services' && graph.links(entry.key).some((link) => governed.has(link.target)));
      answers.set(entry.key, answer);
    }
    return answer;
  };
}

/** The rule that runs one compiled check. */
function policyCheckRule(policy: Entry<'policies'>, check: PolicyCheck, index: number, bound: Bound): Rule<any> {
  const { graph, expression, when, nowValue, inScope } = bound;
  const id = policyCheckId(policy.id, check.name);
  const relations = new Set([...expression.analysis.relations, ...(when?.analysis.relations ?? [])]);
  const where = `${policy.file}:${policy.locator.lineOf(['checks', index, 'expression'])}`;
  // The first field the expression (or else its `when`) reads is where a failure is reported; the
  // entry's first line otherwise.
  const path = expression.analysis.entryPaths[0] ?? when?.analysis.entryPaths[0] ?? [];
  const fix = expression.analysis.relations.size > 0 ? 'Change the entry, or the entries related to it,' : 'Change the entry';

  const bindings = (entry: AnyEntry): Record<string, CelInput> => {
    const related: Record<string, CelInput> = {};
    // Only the relations the expression reads; drafts are not part of the platform yet.
    for (const relation of relations) {
      related[relation] = graph
        .related(entry.key, relation as RelationName)
        .filter((other) => standingOf(other) !== 'draft')
        .map(celEntry);
    }
    return { entry: celEntry(entry), relations: related, now: nowValue };
  };

  return {
    id,
    title: check.message,
    plane: 'control',
    severity: policyCheckSeverity(policy),
    description: `${check.message} A check of policy \`${policy.id}\` on ${formatList(check.collections.map((collection) => COLLECTIONS[collection].noun), 'and')}: \`${check.expression}\`${check.when ? `, where \`${check.when}\`` : ''}.`,
    collections: check.collections,
    applies(entry: AnyEntry) {
      if (!inScope(entry)) return false;
      if (!when) return true;
      // A `when` that cannot be evaluated for an entry does not excuse it: the check runs and says why.
      return when.evaluate(bindings(entry)) !== false;
    },
    check(entry: AnyEntry): RuleResult[] {
      const result = expression.evaluate(bindings(entry));
      if (result === true) return [];
      const what = `${COLLECTIONS[entry.collection].singular} \`${entry.id}\` fails check \`${check.name}\` of policy \`${policy.id}\``;
      const detail = isCelError(result)
        ? ` The expression could not be evaluated for it: ${celMessage(result)}.`
        : typeof result === 'boolean'
          ? ''
          : ` The expression gave ${String(result)}, not true or false.`;
      return [
        {
          path,
          message: `${what}: ${check.message}${detail}`,
          hint: `${fix} so that \`${check.expression}\` holds${isCelError(result) ? ', or guard the expression with has() in the policy' : ''}. The policy is ${where}.`,
        },
      ];
    },
  };
}
