import type { parse } from '@bufbuild/cel';
import type { Field, Shape } from './check-shapes.ts';

/** A parsed CEL expression tree, as `@bufbuild/cel`'s `parse` returns it. */
type Expr = ReturnType<typeof parse>['expr'];

/** A name the expression uses that its variables do not have. */
export interface UnknownName {
  /** What was written, e.g. `entry.operations.oncall` or `relation`. */
  readonly written: string;
  readonly kind: 'variable' | 'field' | 'relation' | 'function';
  /** The name that is not there, e.g. `oncall`. */
  readonly name: string;
  /** The names that are there, in order. */
  readonly available: readonly string[];
}

export interface Analysis {
  readonly unknown: readonly UnknownName[];
  /** Field paths under `entry` the expression reads, each in full, in the order it reads them. */
  readonly entryPaths: readonly (readonly string[])[];
  /** The relations under `relations` the expression reads. */
  readonly relations: ReadonlySet<string>;
}

const DYN: Shape = { kind: 'dyn' };
const BOOL: Shape = { kind: 'scalar', name: 'bool' };
const INT: Shape = { kind: 'scalar', name: 'int' };
const STRING: Shape = { kind: 'scalar', name: 'string' };
const TIMESTAMP: Shape = { kind: 'scalar', name: 'timestamp' };

// Type names CEL allows as identifiers (`type(x) == int`).
const TYPE_NAMES = new Set(['int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type', 'dyn']);

// What the functions authors use most return, so that fields of their results are not guessed at.
const RESULTS: Record<string, Shape> = {
  size: INT,
  int: INT,
  string: STRING,
  timestamp: TIMESTAMP,
  matches: BOOL,
  contains: BOOL,
  startsWith: BOOL,
  endsWith: BOOL,
  '@in': BOOL,
  '!_': BOOL,
  '_&&_': BOOL,
  '_||_': BOOL,
  '_==_': BOOL,
  '_!=_': BOOL,
  '_<_': BOOL,
  '_<=_': BOOL,
  '_>_': BOOL,
  '_>=_': BOOL,
  getDayOfWeek: INT,
  getDayOfMonth: INT,
  getDayOfYear: INT,
  getMonth: INT,
  getFullYear: INT,
  getHours: INT,
  lowerAscii: STRING,
  upperAscii: STRING,
};

interface Typed {
  readonly shape: Shape;
  /** For a chain of field selections from a variable: the variable and the fields, e.g. `['entry', 'tier']`. */
  readonly chain?: readonly string[];
}

/**
 * Walks a parsed expression with the shapes of its variables and reports every variable, field,
 * relation and (given the known `functions`) function it names that does not exist, with what does. Macros (`all`, `exists`, `map`,
 * `filter`) arrive expanded into comprehensions, whose iteration variable takes the shape of the
 * list's items, so `relations.governedBy.exists(p, p.statuss == 'active')` is caught too.
 */
export function analyzeExpression(expr: Expr, variables: ReadonlyMap<string, Field>, functions?: readonly string[]): Analysis {
  const known = functions ? new Set(functions) : undefined;
  const unknown: UnknownName[] = [];
  const entryPaths: string[][] = [];
  const relations = new Set<string>();

  const walk = (node: Expr | undefined, scope: ReadonlyMap<string, Shape>): Typed => {
    if (!node) return { shape: DYN };
    const kind = node.exprKind;
    switch (kind.case) {
      case 'constExpr': {
        const constant = kind.value.constantKind.case;
        if (constant === 'boolValue') return { shape: BOOL };
        if (constant === 'stringValue') return { shape: STRING };
        if (constant === 'int64Value' || constant === 'uint64Value') return { shape: INT };
        if (constant === 'doubleValue') return { shape: { kind: 'scalar', name: 'double' } };
        return { shape: DYN };
      }
      case 'identExpr': {
        const name = kind.value.name;
        const shape = scope.get(name);
        if (shape) return { shape, chain: [name] };
        if (!TYPE_NAMES.has(name)) {
          unknown.push({ written: name, kind: 'variable', name, available: [...new Set([...scope.keys()].filter((key) => !key.startsWith('@')))] });
        }
        return { shape: DYN };
      }
      case 'selectExpr': {
        const operand = walk(kind.value.operand, scope);
        const field = kind.value.field;
        const chain = operand.chain ? [...operand.chain, field] : undefined;
        if (operand.shape.kind !== 'object') return { shape: DYN, ...(chain ? { chain } : {}) };
        const found = operand.shape.fields.get(field);
        if (!found) {
          const isRelation = operand.chain?.length === 1 && operand.chain[0] === 'relations';
          unknown.push({
            written: chain ? chain.join('.') : field,
            kind: isRelation ? 'relation' : 'field',
            name: field,
            available: [...operand.shape.fields.keys()],
          });
          return { shape: DYN };
        }
        if (chain?.[0] === 'entry' && scope.get('entry') === variables.get('entry')?.shape) entryPaths.push(chain.slice(1));
        if (chain?.length === 2 && chain[0] === 'relations') relations.add(field);
        return { shape: found.shape, ...(chain ? { chain } : {}) };
      }
      case 'callExpr': {
        const target = walk(kind.value.target, scope);
        const args = kind.value.args.map((arg) => walk(arg, scope));
        const name = kind.value.function;
        // Operators and the parser's own helpers (`_&&_`, `@in`, `!_`) are not written by authors.
        if (known && /^[A-Za-z]/.test(name) && !known.has(name)) {
          unknown.push({ written: `${name}()`, kind: 'function', name, available: [...known].sort() });
        }
        if (name === '_[_]') {
          const list = target.shape.kind === 'list' ? target.shape : args[0]?.shape.kind === 'list' ? args[0].shape : undefined;
          return { shape: list?.of ?? DYN };
        }
        return { shape: RESULTS[name] ?? DYN };
      }
      case 'listExpr':
        for (const element of kind.value.elements) walk(element, scope);
        return { shape: { kind: 'list', of: DYN } };
      case 'structExpr':
        for (const entry of kind.value.entries) {
          if (entry.keyKind.case === 'mapKey') walk(entry.keyKind.value, scope);
          walk(entry.value, scope);
        }
        return { shape: DYN };
      case 'comprehensionExpr': {
        const comprehension = kind.value;
        const range = walk(comprehension.iterRange, scope);
        const inner = new Map(scope);
        // Over a list, the first variable is the item (or, with two, the index); over a map, the key.
        const item = range.shape.kind === 'list' ? range.shape.of : DYN;
        if (comprehension.iterVar2) {
          inner.set(comprehension.iterVar, range.shape.kind === 'list' ? INT : DYN);
          inner.set(comprehension.iterVar2, item);
        } else {
          inner.set(comprehension.iterVar, item);
        }
        walk(comprehension.accuInit, scope);
        inner.set(comprehension.accuVar, DYN);
        walk(comprehension.loopCondition, inner);
        walk(comprehension.loopStep, inner);
        walk(comprehension.result, inner);
        return { shape: DYN };
      }
      default:
        return { shape: DYN };
    }
  };

  const scope = new Map([...variables].map(([name, field]) => [name, field.shape] as const));
  walk(expr, scope);
  // `entry.a.b` records `a`, then `a.b`: keep each chain once, in full.
  const full = entryPaths.filter((path, index) => {
    const next = entryPaths[index + 1];
    return !(next && next.length > path.length && path.every((part, position) => next[position] === part));
  });
  return { unknown, entryPaths: full, relations };
}
