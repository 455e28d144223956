import { addDurations, type Duration, type HoursInterval } from '../language/duration.js';
import type { Chain, Workflow, WorkflowEdge } from './types.js';

/** What the workflow needs to know of a component. */
export interface WorkflowNode {
  readonly id: string;
  readonly name: string;
  /** Material ids the component's matter produces. */
  readonly produces: readonly string[];
  /** Material ids the component's matter lists, in listing order. */
  readonly consumes: readonly string[];
  /** The component's limit; undefined when unknown. */
  readonly duration: Duration | undefined;
}

/** Above this many chains, the critical path is found by dynamic programming instead of enumeration. */
export const MAX_ENUMERATED_CHAINS = 10_000;

/**
 * The workflow of a bundle (并联): components run in parallel unless a data dependency orders them —
 * an edge A → B when A produces a material that B lists. Cycles make the order impossible; otherwise
 * the critical path is the longest chain under the duration rule.
 */
export function buildWorkflow(nodes: readonly WorkflowNode[]): Workflow {
  const consumers = new Map<string, Set<number>>();
  nodes.forEach((n, i) => {
    for (const m of n.consumes) {
      const set = consumers.get(m) ?? new Set<number>();
      set.add(i);
      consumers.set(m, set);
    }
  });
  const edges: WorkflowEdge[] = [];
  const succ: number[][] = nodes.map(() => []);
  nodes.forEach((a, i) => {
    const to = new Map<number, string[]>();
    for (const m of new Set(a.produces)) {
      for (const j of consumers.get(m) ?? []) {
        if (j === i || nodes[j]!.id === a.id) continue;
        to.set(j, [...(to.get(j) ?? []), m]);
      }
    }
    for (const j of [...to.keys()].sort((x, y) => x - y)) {
      edges.push({ from: a.id, to: nodes[j]!.id, materials: to.get(j)! });
      succ[i]!.push(j);
    }
  });
  const unknownLimits = nodes.filter((n) => n.duration === undefined).map((n) => n.id);
  const cycles = findCycles(succ).map((c) => c.map((i) => nodes[i]!.id));
  const base = { nodes: nodes.map((n) => n.id), edges, cycles, unknownLimits };
  if (cycles.length > 0) return base;
  const all = nodes.map(() => true);
  const known = nodes.map((n) => n.duration !== undefined);
  const criticalPath = longestChain(nodes, succ, all);
  const longestCompleteChain = longestChain(nodes, succ, known);
  return {
    ...base,
    ...(criticalPath ? { criticalPath } : {}),
    ...(longestCompleteChain ? { longestCompleteChain } : {}),
  };
}

/** One cycle per strongly connected component of more than one node, through its first node. */
function findCycles(succ: readonly number[][]): number[][] {
  const out: number[][] = [];
  for (const scc of stronglyConnected(succ)) {
    if (scc.length < 2) continue;
    const members = new Set(scc);
    const root = scc.reduce((a, b) => Math.min(a, b));
    // Shortest way round from the root, staying inside the component.
    const previous = new Map<number, number>();
    const queue = [root];
    let end: number | undefined;
    for (let q = 0; q < queue.length && end === undefined; q++) {
      const v = queue[q]!;
      for (const w of succ[v]!) {
        if (!members.has(w)) continue;
        if (w === root) {
          end = v;
          break;
        }
        if (!previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const back: number[] = [];
    for (let v = end!; v !== root; v = previous.get(v)!) back.push(v);
    out.push([root, ...back.reverse(), root]);
  }
  return out.sort((a, b) => a[0]! - b[0]!);
}

/** Tarjan's algorithm, iteratively (a bundle may be large). */
function stronglyConnected(succ: readonly number[][]): number[][] {
  const n = succ.length;
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (order[start] !== -1) continue;
    const work: [number, number][] = [[start, 0]];
    order[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = true;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i < succ[v]!.length) {
        frame[1] = i + 1;
        const w = succ[v]![i]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === order[v]) {
        const scc: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          scc.push(w);
        } while (w !== v);
        out.push(scc);
      }
    }
  }
  return out;
}

/**
 * The longest chain among the included nodes of an acyclic graph: chains are compared by the sum of
 * their known limits (`addDurations`), shortest bound first, then longest bound, then fewer unknown
 * limits; ties keep the chain found first (bundle order). Extending a chain never makes it shorter, so
 * only maximal chains are compared; they are enumerated when there are at most MAX_ENUMERATED_CHAINS,
 * otherwise each node keeps the best chain ending there (exact for the shortest bound).
 */
export function longestChain(
  nodes: readonly WorkflowNode[],
  succ: readonly number[][],
  include: readonly boolean[],
): Chain | undefined {
  const n = nodes.length;
  const next = succ.map((ws, v) => (include[v] ? ws.filter((w) => include[w]) : []));
  const hasPredecessor = new Array<boolean>(n).fill(false);
  for (const ws of next) for (const w of ws) hasPredecessor[w] = true;
  const sources = nodes.map((_, v) => v).filter((v) => include[v] && !hasPredecessor[v]);
  if (sources.length === 0) return undefined;
  const topo = topologicalOrder(next, include);
  let bestChain: Chain | undefined;
  const consider = (path: number[]): void => {
    const chain = chainOf(nodes, path);
    if (!bestChain || better(chain, bestChain)) bestChain = chain;
  };
  if (countChains(next, topo, sources) <= MAX_ENUMERATED_CHAINS) {
    for (const s of sources) {
      const stack: { v: number; i: number }[] = [{ v: s, i: 0 }];
      const path = [s];
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const ws = next[top.v]!;
        if (ws.length === 0) consider([...path]);
        if (top.i < ws.length) {
          const w = ws[top.i++]!;
          stack.push({ v: w, i: 0 });
          path.push(w);
        } else {
          stack.pop();
          path.pop();
        }
      }
    }
  } else {
    // Per node, the best chain ending there, as a predecessor link and the sums per unit.
    const best = new Map<number, Ending>();
    for (const v of topo) {
      const mine = best.get(v) ?? extend(undefined, v, nodes[v]!.duration);
      best.set(v, mine);
      if (next[v]!.length === 0) consider(pathOf(mine));
      for (const w of next[v]!) {
        const candidate = extend(mine, w, nodes[w]!.duration);
        const current = best.get(w);
        if (!current || betterEnding(candidate, current)) best.set(w, candidate);
      }
    }
  }
  return bestChain;
}

/** A chain held as a link to its predecessor, with its unit sums, so extending it costs O(1). */
interface Ending {
  readonly node: number;
  readonly previous: Ending | undefined;
  readonly sums: readonly Duration[];
  readonly missing: number;
  readonly total: HoursInterval;
}

function extend(previous: Ending | undefined, node: number, d: Duration | undefined): Ending {
  const sums = [...(previous?.sums ?? [])];
  if (d && d.unit !== 'instant') {
    const i = sums.findIndex((s) => s.unit === d.unit);
    if (i >= 0) sums[i] = { unit: d.unit, amount: (sums[i] as { amount: number }).amount + d.amount };
    else sums.push(d);
  }
  const missing = (previous?.missing ?? 0) + (d ? 0 : 1);
  return { node, previous, sums, missing, total: addDurations(sums) };
}

function pathOf(e: Ending): number[] {
  const path: number[] = [];
  for (let x: Ending | undefined = e; x; x = x.previous) path.push(x.node);
  return path.reverse();
}

function betterEnding(a: Ending, b: Ending): boolean {
  if (a.total.shortest !== b.total.shortest) return a.total.shortest > b.total.shortest;
  if (a.total.longest !== b.total.longest) return a.total.longest > b.total.longest;
  return a.missing < b.missing;
}

function chainOf(nodes: readonly WorkflowNode[], path: readonly number[]): Chain {
  const members = path.map((v) => nodes[v]!);
  const known = members.map((m) => m.duration).filter((d): d is Duration => d !== undefined);
  const missing = members.filter((m) => m.duration === undefined).map((m) => m.id);
  return {
    components: members.map((m) => m.id),
    names: members.map((m) => m.name),
    total: addDurations(known),
    complete: missing.length === 0,
    missing,
  };
}

function better(a: Chain, b: Chain): boolean {
  if (a.total.shortest !== b.total.shortest) return a.total.shortest > b.total.shortest;
  if (a.total.longest !== b.total.longest) return a.total.longest > b.total.longest;
  return a.missing.length < b.missing.length;
}

/** Included nodes in dependency order, bundle order among the ready ones. */
function topologicalOrder(next: readonly number[][], include: readonly boolean[]): number[] {
  const indegree = new Array<number>(next.length).fill(0);
  for (const ws of next) for (const w of ws) indegree[w]!++;
  const ready = next.map((_, v) => v).filter((v) => include[v] && indegree[v] === 0);
  const out: number[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const v = ready.shift()!;
    out.push(v);
    for (const w of next[v]!) if (--indegree[w]! === 0) ready.push(w);
  }
  return out;
}

/** How many maximal chains start at the sources, counting no further than the enumeration limit. */
function countChains(next: readonly number[][], topo: readonly number[], sources: readonly number[]): number {
  const count = new Map<number, number>();
  for (let k = topo.length - 1; k >= 0; k--) {
    const v = topo[k]!;
    const ws = next[v]!;
    const c = ws.length === 0 ? 1 : ws.reduce((sum, w) => sum + count.get(w)!, 0);
    count.set(v, Math.min(c, MAX_ENUMERATED_CHAINS + 1));
  }
  return sources.reduce((sum, s) => sum + count.get(s)!, 0);
}
