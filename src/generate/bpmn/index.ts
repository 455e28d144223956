/**
 * Workflows (DESIGN.md §5): BPMN 2.0 XML per bundle (`bpmn/<bundle-id>.bpmn`) and per matter with
 * steps (`bpmn/matters/<matter-id>.bpmn`), and Mermaid flowcharts for docs.
 *
 * - One collaboration, one participant, one process whose lane set has a lane per department: the
 *   一窗受理 lane (the bundle's lead department), one lane per component matter's `department`, and
 *   the 电子监察 supervision lane.
 * - Bundle flow: start → 一窗受理 → parallel fork → one user task per component → parallel join →
 *   统一出件 → end. A produced→consumed edge of the composition's workflow orders two components
 *   (a sequence flow between them; parallel joins/forks where a component waits for or feeds several).
 * - A component (or step) with `when` sits behind an exclusive gateway: the conditional flow carries a
 *   FEEL `conditionExpression` (`= …`, from `toFeel`, as Camunda 8 reads it) in `bpmn:tFormalExpression`,
 *   the default flow skips the task. The portable compiled condition is kept on the flow as the
 *   extension attribute `matterc:condition` (JSON), so an engine can evaluate it with the matterc
 *   interpreter (`evaluate`) instead of parsing FEEL. Where FEEL cannot express the condition
 *   (working-day durations) the body is the source text with `language="matterc"`.
 * - A task with a time limit has a non-interrupting timer boundary event (`timeDuration`: P{n}D for
 *   days, PT{n}H for hours; working days as their longest calendar span, see `timerOf`) that
 *   escalates to a 超时督办 task in the 电子监察 lane.
 * - Full BPMNDI with the deterministic layered layout of render.ts.
 */
import type { Composition } from '../../compose/types.js';
import type { CompiledCondition } from '../../link/conditions.js';
import type { SymbolTable } from '../../link/link.js';
import type { Matter } from '../../model/types.js';
import { type Generator, type Emit, streaming } from '../types.js';
import { bundleGraph, matterGraph } from './build.js';
import { toBpmn, toMermaid } from './render.js';

export { bundleGraph, INTAKE_LANE, matterGraph, orderedEdges, SUPERVISION_LANE } from './build.js';
export { conditionOf, type Condition, type Graph, type GraphFlow, type GraphNode, timerOf } from './graph.js';
export { BPMN_NS, layout, MATTERC_NS, mermaidEscape, toBpmn, toMermaid, xmlEscape } from './render.js';

/** The BPMN XML of one bundle composition. */
export function bpmnOf(
  composition: Composition,
  table?: SymbolTable,
  conditions: readonly CompiledCondition[] = [],
): string {
  return toBpmn(bundleGraph(composition, table, conditions));
}

/** The BPMN XML of one matter's steps. */
export function matterBpmnOf(
  matter: Matter,
  table?: SymbolTable,
  conditions: readonly CompiledCondition[] = [],
): string {
  return toBpmn(matterGraph(matter, table, conditions));
}

/**
 * A Mermaid flowchart of a bundle's workflow, for the guide page. Department lanes need the symbol
 * table; without it components fall in one 未指定部门 lane.
 */
export function mermaidOf(
  composition: Composition,
  table?: SymbolTable,
  conditions: readonly CompiledCondition[] = [],
): string {
  return toMermaid(bundleGraph(composition, table, conditions));
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const bpmnGenerator: Generator = streaming({
  name: 'bpmn',
  emit(input, files: Emit): void {
    const { table, conditions } = input.result;
    const compositions = [...input.compositions].sort((a, b) => byId({ id: a.bundle }, { id: b.bundle }));
    for (const c of compositions) files(`bpmn/${c.bundle}.bpmn`, bpmnOf(c, table, conditions));
    const matters = (table?.all('Matter') ?? [])
      .filter((d) => d.schemaValid)
      .map((d) => d.value as unknown as Matter)
      .filter((m) => (m.steps ?? []).length > 0)
      .sort(byId);
    for (const m of matters) files(`bpmn/matters/${m.id}.bpmn`, matterBpmnOf(m, table, conditions));
  },
});
