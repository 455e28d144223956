/**
 * Graphs of a bundle (一窗受理 → 并联 components → 统一出件) and of a matter (its steps in order).
 */
import type { CompiledCondition } from '../../link/conditions.js';
import type { SymbolTable } from '../../link/link.js';
import type { Composition } from '../../compose/types.js';
import type { Bundle, Department, Matter } from '../../model/types.js';
import { conditionOf, type Condition, type Graph, GraphBuilder, type GraphNode } from './graph.js';
import { PAGE } from '../../diagnostics/catalogue.js';
import { pick } from '../../diagnostics/diagnostic.js';

export const INTAKE_LANE = pick(PAGE.laneIntake, 'zh-CN');
export const SUPERVISION_LANE = pick(PAGE.laneSupervision, 'zh-CN');
const UNKNOWN_DEPARTMENT = pick(PAGE.unknownDepartment, 'zh-CN');

function departmentName(table: SymbolTable | undefined, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const d = table?.get('Department', id);
  return d?.schemaValid ? (d.value as unknown as Department).name : id;
}

function matterOf(table: SymbolTable | undefined, id: string): Matter | undefined {
  const d = table?.get('Matter', id);
  return d?.schemaValid ? (d.value as unknown as Matter) : undefined;
}

/** The compiled conditions of a repository by `kind:id pointer`, built once per conditions array. */
const conditionIndex = new WeakMap<readonly CompiledCondition[], Map<string, CompiledCondition>>();

function compiled(conditions: readonly CompiledCondition[], kind: string, id: string, pointer: string) {
  let index = conditionIndex.get(conditions);
  if (!index) {
    index = new Map();
    for (const c of conditions) {
      const key = `${c.doc.kind}:${c.doc.id} ${c.pointer}`;
      if (!index.has(key)) index.set(key, c); // the first, as a linear search would find
    }
    conditionIndex.set(conditions, index);
  }
  return index.get(`${kind}:${id} ${pointer}`);
}

/**
 * The dependency edges kept for ordering: a topological order of the components (Kahn's algorithm,
 * bundle order among ready ones); in a cycle the first remaining component in bundle order is taken
 * and its incoming edges from the rest are dropped (the cycle is reported by MC6031 already).
 */
export function orderedEdges(composition: Composition): { from: string; to: string }[] {
  const nodes = composition.components.map((c) => c.id);
  const edges = composition.workflow.edges.filter(
    (e) => e.from !== e.to && nodes.includes(e.from) && nodes.includes(e.to),
  );
  const done = new Set<string>();
  const kept: { from: string; to: string }[] = [];
  while (done.size < nodes.length) {
    const remaining = nodes.filter((n) => !done.has(n));
    const ready = remaining.find((n) => edges.every((e) => e.to !== n || done.has(e.from))) ?? remaining[0]!;
    for (const e of edges)
      if (e.to === ready && done.has(e.from) && !kept.some((k) => k.from === e.from && k.to === e.to))
        kept.push({ from: e.from, to: e.to });
    done.add(ready);
  }
  return kept;
}

/** Connect `from` to each of `targets`, through a parallel fork when there are several. */
function fanOut(b: GraphBuilder, from: GraphNode, targets: readonly GraphNode[], name: string, lane: number) {
  if (targets.length === 1) {
    b.flow(from, targets[0]!);
    return;
  }
  const fork = b.node('parallelGateway', name, lane);
  b.flow(from, fork);
  for (const t of targets) b.flow(fork, t);
}

/** Connect each of `sources` to `to`, through a parallel join when there are several. */
function fanIn(b: GraphBuilder, sources: readonly GraphNode[], to: GraphNode, name: string, lane: number) {
  if (sources.length === 1) {
    b.flow(sources[0]!, to);
    return;
  }
  const join = b.node('parallelGateway', name, lane);
  for (const s of sources) b.flow(s, join);
  b.flow(join, to);
}

export function bundleGraph(
  composition: Composition,
  table: SymbolTable | undefined,
  conditions: readonly CompiledCondition[],
): Graph {
  const bundleDoc = table?.get('Bundle', composition.bundle);
  const bundle = bundleDoc?.schemaValid ? (bundleDoc.value as unknown as Bundle) : undefined;
  const lead = departmentName(table, bundle?.leadDepartment);
  const lanes: string[] = [lead ? `${INTAKE_LANE}（${lead}）` : INTAKE_LANE];
  const laneOf = new Map<string, number>();
  for (const c of composition.components) {
    const dept = departmentName(table, matterOf(table, c.matter)?.department) ?? UNKNOWN_DEPARTMENT;
    if (!lanes.includes(dept)) lanes.push(dept);
    laneOf.set(c.id, lanes.indexOf(dept));
  }
  const supervision = lanes.push(SUPERVISION_LANE) - 1;

  const b = new GraphBuilder(composition.bundle, composition.name, lanes);
  const start = b.node('startEvent', pick(PAGE.bpmnSubmit, 'zh-CN'), 0);
  const intake = b.node('userTask', pick(PAGE.bpmnIntake, 'zh-CN'), 0);
  b.flow(start, intake);
  const deliver = b.node('userTask', pick(PAGE.bpmnDeliver, 'zh-CN'), 0);
  const end = b.node('endEvent', pick(PAGE.bpmnEnd, 'zh-CN'), 0);

  const units = new Map<string, { entry: GraphNode; exit: GraphNode }>();
  composition.components.forEach((c) => {
    const index = bundle?.components?.findIndex((x) => x.id === c.id) ?? -1;
    const cc = compiled(conditions, 'Bundle', composition.bundle, `/components/${index}/when`);
    const condition: Condition | undefined = c.when === undefined ? undefined : conditionOf(c.when, cc);
    units.set(
      c.id,
      b.unit(
        c.name,
        laneOf.get(c.id)!,
        condition,
        { limit: c.limit, supervisionLane: supervision },
        c.matter,
      ),
    );
  });

  const edges = orderedEdges(composition);
  const ids = composition.components.map((c) => c.id);
  const roots = ids.filter((id) => !edges.some((e) => e.to === id));
  const sinks = ids.filter((id) => !edges.some((e) => e.from === id));
  // Each component's way in (a parallel join when it waits for several) and way out (a parallel
  // fork when several wait for it); every kept edge is one flow from a way out to a way in.
  const into = new Map<string, GraphNode>();
  const outOf = new Map<string, GraphNode>();
  for (const id of ids) {
    const unit = units.get(id)!;
    const lane = laneOf.get(id)!;
    if (edges.filter((e) => e.to === id).length > 1) {
      const join = b.node('parallelGateway', pick(PAGE.bpmnJoin, 'zh-CN'), lane);
      b.flow(join, unit.entry);
      into.set(id, join);
    } else into.set(id, unit.entry);
    if (edges.filter((e) => e.from === id).length > 1) {
      const fork = b.node('parallelGateway', pick(PAGE.bpmnFork, 'zh-CN'), lane);
      b.flow(unit.exit, fork);
      outOf.set(id, fork);
    } else outOf.set(id, unit.exit);
  }
  for (const e of edges) b.flow(outOf.get(e.from)!, into.get(e.to)!);
  if (ids.length === 0) b.flow(intake, deliver);
  else
    fanOut(
      b,
      intake,
      roots.map((id) => into.get(id)!),
      pick(PAGE.bpmnParallelFork, 'zh-CN'),
      0,
    );
  if (ids.length > 0)
    fanIn(
      b,
      sinks.map((id) => outOf.get(id)!),
      deliver,
      pick(PAGE.bpmnParallelJoin, 'zh-CN'),
      0,
    );
  b.flow(deliver, end);
  return b.graph;
}

export function matterGraph(
  matter: Matter,
  table: SymbolTable | undefined,
  conditions: readonly CompiledCondition[],
): Graph {
  const steps = matter.steps ?? [];
  const lanes: string[] = [];
  const laneOfStep = steps.map((s) => {
    const dept = departmentName(table, s.department ?? matter.department) ?? UNKNOWN_DEPARTMENT;
    if (!lanes.includes(dept)) lanes.push(dept);
    return lanes.indexOf(dept);
  });
  if (lanes.length === 0) lanes.push(departmentName(table, matter.department) ?? UNKNOWN_DEPARTMENT);
  const supervision = lanes.push(SUPERVISION_LANE) - 1;
  const b = new GraphBuilder(matter.id, matter.name, lanes);
  let last = b.node('startEvent', pick(PAGE.bpmnSubmit, 'zh-CN'), laneOfStep[0] ?? 0);
  steps.forEach((s, i) => {
    const cc = compiled(conditions, 'Matter', matter.id, `/steps/${i}/when`);
    const condition = s.when === undefined ? undefined : conditionOf(s.when, cc);
    const u = b.unit(
      s.name,
      laneOfStep[i]!,
      condition,
      { limit: s.limit, supervisionLane: supervision },
      s.phase,
    );
    b.flow(last, u.entry);
    last = u.exit;
  });
  const end = b.node('endEvent', pick(PAGE.bpmnEnd, 'zh-CN'), laneOfStep[laneOfStep.length - 1] ?? 0);
  b.flow(last, end);
  return b.graph;
}
