import type { PlatformGraph } from './build-graph.ts';
import type { CanonicalRelation } from './relations.ts';

/**
 * Returns every cycle along one relation, as lists of entry keys in cycle order, each starting
 * at its smallest key. Uses Tarjan's strongly connected components, so it stays linear in the
 * number of edges however large the platform.
 */
export function findCycles(graph: PlatformGraph, relation: CanonicalRelation): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.relation !== relation) continue;
    const list = next.get(edge.from);
    if (list) list.push(edge.to);
    else next.set(edge.from, [edge.to]);
  }

  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];

  // Iterative, because a long dependency chain would overflow the call stack of a recursive walk.
  for (const start of [...next.keys()].sort()) {
    if (index.has(start)) continue;
    const work: { node: string; child: number }[] = [{ node: start, child: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const children = next.get(frame.node) ?? [];
      if (frame.child < children.length) {
        const child = children[frame.child++]!;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter++);
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, child: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        const selfLoop = component.length === 1 && (next.get(frame.node) ?? []).includes(frame.node);
        if (component.length > 1 || selfLoop) components.push(orderCycle(component, next));
      }
    }
  }
  return components.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** Orders a component along its edges from its smallest key, so messages read `a → b → c → a`. */
function orderCycle(component: string[], next: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const ordered = [start];
  const visited = new Set(ordered);
  let current = start;
  for (;;) {
    const step = (next.get(current) ?? []).find((target) => members.has(target) && !visited.has(target));
    if (!step) break;
    ordered.push(step);
    visited.add(step);
    current = step;
  }
  // Strongly connected components may hold members off the main path; keep them listed.
  for (const member of [...component].sort()) if (!visited.has(member)) ordered.push(member);
  return ordered;
}
