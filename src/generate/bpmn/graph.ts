/**
 * The process graph behind the BPMN and Mermaid outputs: flow nodes placed in lanes, sequence flows
 * (some conditional, carrying the compiled condition), and timer boundary events that escalate to the
 * 电子监察 lane. Built deterministically from a bundle's composition or a matter's steps.
 */
import type { Expr } from '../../language/condition/ast.js';
import type { Portable } from '../../language/condition/interpreter.js';
import { toFeel, toPortable } from '../../language/condition/targets.js';
import type { Environment } from '../../language/condition/types.js';
import { bounds, parseDuration } from '../../language/duration.js';
import { PAGE } from '../../diagnostics/catalogue.js';
import { pick, render } from '../../diagnostics/diagnostic.js';

export type NodeKind =
  'startEvent' | 'endEvent' | 'userTask' | 'parallelGateway' | 'exclusiveGateway' | 'boundaryEvent';

export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly name: string;
  /** Index into `Graph.lanes`. */
  readonly lane: number;
  /** Boundary events: the task they are attached to. */
  readonly attachedTo?: string;
  /** Boundary events: the ISO-8601 duration. */
  readonly timer?: string;
  /** Exclusive gateways: the default flow's id. */
  defaultFlow?: string;
  /** The matter or component this node stands for (documentation). */
  readonly documentation?: string;
}

export interface Condition {
  /** The `when` as written. */
  readonly text: string;
  /** FEEL text `= …`; absent when FEEL cannot express it (working-day durations). */
  readonly feel?: string;
  /** The portable compiled condition, for engines that evaluate it with the matterc interpreter. */
  readonly portable?: Portable;
}

export interface GraphFlow {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly name?: string;
  readonly condition?: Condition;
}

export interface Graph {
  readonly id: string;
  readonly name: string;
  readonly lanes: readonly string[];
  readonly nodes: GraphNode[];
  readonly flows: GraphFlow[];
}

/** What a condition compiles to in the BPMN: FEEL for the expression, the portable AST alongside. */
export function conditionOf(text: string, compiled?: { ast: Expr; env: Environment }): Condition {
  if (!compiled) return { text };
  const feel = toFeel(compiled.ast, (path) => compiled.env.lookup(path)?.type);
  return { text, ...(feel !== undefined ? { feel } : {}), portable: toPortable(compiled.ast) };
}

/**
 * The timer of an escalation, or undefined for no timer (即办, unparsed limits). Calendar days and
 * hours map exactly (P5D, PT4H). Working days map to the longest calendar span they can take
 * (language/duration.ts `bounds`: N + 2·⌈N/5⌉ + 8 days), so supervision escalates only when the step
 * is overdue under every calendar.
 */
export function timerOf(limit: string | undefined): string | undefined {
  if (limit === undefined) return undefined;
  const d = parseDuration(limit);
  if (!d || d.unit === 'instant') return undefined;
  if (d.unit === 'hour') return `PT${d.amount}H`;
  if (d.unit === 'day') return `P${d.amount}D`;
  const hours = bounds(d)[1];
  return hours % 24 === 0 ? `P${hours / 24}D` : `PT${hours}H`;
}

/** Incrementally builds a graph with deterministic ids. */
export class GraphBuilder {
  readonly graph: Graph;
  private readonly counters = new Map<string, number>();

  constructor(id: string, name: string, lanes: readonly string[]) {
    this.graph = { id, name, lanes, nodes: [], flows: [] };
  }

  private next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}_${n}`;
  }

  node(kind: NodeKind, name: string, lane: number, extra: Partial<GraphNode> = {}): GraphNode {
    const prefix = {
      startEvent: 'StartEvent',
      endEvent: 'EndEvent',
      userTask: 'Task',
      parallelGateway: 'Gateway',
      exclusiveGateway: 'Gateway',
      boundaryEvent: 'Timer',
    }[kind];
    const n: GraphNode = { id: this.next(prefix), kind, name, lane, ...extra };
    this.graph.nodes.push(n);
    return n;
  }

  flow(
    source: GraphNode,
    target: GraphNode,
    extra: { name?: string; condition?: Condition } = {},
  ): GraphFlow {
    const f: GraphFlow = { id: this.next('Flow'), source: source.id, target: target.id, ...extra };
    this.graph.flows.push(f);
    return f;
  }

  /** A timer boundary event on `task` escalating to a 督办 task in the supervision lane. */
  escalate(task: GraphNode, timer: string | undefined, limit: string, supervisionLane: number): void {
    if (timer === undefined) return;
    const b = this.node('boundaryEvent', render(PAGE.bpmnTimeout, { limit }, 'zh-CN'), task.lane, {
      attachedTo: task.id,
      timer,
    });
    const t = this.node('userTask', render(PAGE.bpmnEscalate, { name: task.name }, 'zh-CN'), supervisionLane);
    const e = this.node('endEvent', pick(PAGE.bpmnEscalated, 'zh-CN'), supervisionLane);
    this.flow(b, t);
    this.flow(t, e);
  }

  /**
   * A unit: the task, behind an exclusive gateway when it has a condition (the conditional flow
   * enters the task, the default flow skips it to a merging gateway). Returns its entry and exit.
   */
  unit(
    name: string,
    lane: number,
    condition: Condition | undefined,
    timer: { limit?: string; supervisionLane: number },
    documentation?: string,
  ): { entry: GraphNode; exit: GraphNode; task: GraphNode } {
    const task = this.node('userTask', name, lane, documentation ? { documentation } : {});
    this.escalate(task, timerOf(timer.limit), timer.limit ?? '', timer.supervisionLane);
    if (!condition) return { entry: task, exit: task, task };
    const split = this.node('exclusiveGateway', `${condition.text}？`, lane);
    const merge = this.node('exclusiveGateway', '', lane);
    this.flow(split, task, { name: render(PAGE.bpmnYes, { condition: condition.text }, 'zh-CN'), condition });
    const skip = this.flow(split, merge, { name: pick(PAGE.bpmnNo, 'zh-CN') });
    split.defaultFlow = skip.id;
    this.flow(task, merge);
    return { entry: split, exit: merge, task };
  }
}
