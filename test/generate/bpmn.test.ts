import { createRequire } from 'node:module';
import { Engine } from 'bpmn-engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../src/compile.js';
import type { Composition } from '../../src/compose/types.js';
import {
  bpmnGenerator,
  bpmnOf,
  bundleGraph,
  MATTERC_NS,
  mermaidOf,
  timerOf,
} from '../../src/generate/bpmn/index.js';
import type { BuildInput } from '../../src/generate/types.js';
import { evaluate, type Portable } from '../../src/language/condition/interpreter.js';
import { ROOT } from '../helpers/run.js';

interface LintReport {
  id?: string;
  message: string;
  category: string;
}
interface LinterLike {
  lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
}
const require = createRequire(import.meta.url);
/** bpmn-moddle ships types only under `bpmn-moddle/types`; the part used here. */
interface ModdleLike {
  fromXML(xml: string): Promise<{ rootElement: unknown; warnings: { message: string }[] }>;
}
const { BpmnModdle } = require('bpmn-moddle') as { BpmnModdle: new () => ModdleLike };
const { Linter } = require('bpmnlint') as { Linter: new (o: unknown) => LinterLike };
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

function inputOf(result: CheckResult): BuildInput {
  return { result, compositions: result.compositions, reports: [], lang: 'zh-CN' };
}

async function parse(xml: string) {
  const moddle = new BpmnModdle();
  const { rootElement, warnings } = await moddle.fromXML(xml);
  return { rootElement, warnings };
}

interface Element {
  $type: string;
  id: string;
  name?: string;
  $attrs?: Record<string, string>;
  flowElements?: Element[];
  rootElements?: Element[];
}

interface FlowCondition {
  readonly flow: string;
  readonly gateway: string;
  readonly body: string;
  readonly portable: Portable;
}

/** Each conditional flow with the portable condition kept in its `matterc:condition` attribute. */
function conditionTable(definitions: Element): FlowCondition[] {
  const table: FlowCondition[] = [];
  for (const root of definitions.rootElements ?? []) {
    if (root.$type !== 'bpmn:Process') continue;
    for (const el of (root.flowElements ?? []) as (Element & {
      sourceRef?: Element;
      conditionExpression?: { body: string };
    })[]) {
      const json = el.$attrs?.['matterc:condition'];
      if (el.$type !== 'bpmn:SequenceFlow' || json === undefined) continue;
      table.push({
        flow: el.id,
        gateway: el.sourceRef!.id,
        body: el.conditionExpression!.body,
        portable: JSON.parse(json) as Portable,
      });
    }
  }
  return table;
}

/**
 * bpmn-engine expressions that evaluate our compiled conditions. bpmn-elements resolves a flow's
 * condition body with the message of the gateway that evaluates it, so the flow is found by its
 * source gateway and body, and its compiled condition is evaluated with the matterc interpreter
 * against the process variables; the FEEL text itself is never parsed.
 */
function matterExpressions(table: readonly FlowCondition[], evaluated: string[]) {
  return {
    resolveExpression(
      expression: string,
      context: { content?: { id?: string }; environment?: { variables?: unknown } },
    ) {
      const entry = table.find((c) => c.gateway === context.content?.id && c.body === expression);
      if (!entry) return expression;
      evaluated.push(entry.flow);
      return evaluate(entry.portable, context.environment?.variables ?? {});
    },
    isExpression: (text: unknown) => typeof text === 'string' && /^\$\{.+\}$/.test(text),
    hasExpression: (text: unknown) => typeof text === 'string' && /\$\{.+\}/.test(text),
  };
}

/** Run a process to its end, completing every user task at once; the names of the tasks that ran. */
async function run(
  xml: string,
  variables: Record<string, unknown>,
): Promise<{ taken: string[]; state: string; evaluated: string[]; conditions: number }> {
  const { rootElement } = await parse(xml);
  const table = conditionTable(rootElement as unknown as Element);
  const evaluated: string[] = [];
  const engine = new Engine({ name: 'test', source: xml, expressions: matterExpressions(table, evaluated) });
  const taken: string[] = [];
  const { EventEmitter } = await import('node:events');
  const listener = new EventEmitter();
  listener.on('wait', (api: { signal: () => void }) => api.signal());
  listener.on('activity.end', (api: { type: string; name?: string }) => {
    if (api.type === 'bpmn:UserTask' && api.name !== undefined) taken.push(api.name);
  });
  const ended = new Promise<string>((resolve, reject) => {
    engine.once('end', () => resolve('end'));
    engine.once('error', (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))));
  });
  await engine.execute({ listener, variables });
  const state = await ended;
  return { taken, state, evaluated, conditions: table.length };
}

let zhongshan: CheckResult;
let national: CheckResult;
let zsFiles: Map<string, string>;
let nationalFiles: Map<string, string>;

beforeAll(() => {
  zhongshan = check({ paths: ['examples/zhongshan'], cwd: ROOT });
  national = check({ paths: ['matters'], cwd: ROOT });
  zsFiles = bpmnGenerator.generate(inputOf(zhongshan));
  nationalFiles = bpmnGenerator.generate(inputOf(national));
});

describe('bpmnGenerator', () => {
  it('writes one file per bundle and per matter with steps', () => {
    for (const c of zhongshan.compositions) expect(zsFiles.has(`bpmn/${c.bundle}.bpmn`)).toBe(true);
    expect([...zsFiles.keys()].some((k) => k.startsWith('bpmn/matters/'))).toBe(true);
    expect(zsFiles.has('bpmn/gd-newborn-zs.bpmn')).toBe(true);
  });

  it('every file parses with bpmn-moddle without warnings and passes bpmnlint recommended', async () => {
    const all = [...zsFiles, ...nationalFiles];
    expect(all.length).toBeGreaterThan(10);
    for (const [path, xml] of all) {
      const { rootElement, warnings } = await parse(xml);
      expect(warnings.map((w) => `${path}: ${w.message}`)).toEqual([]);
      const linter = new Linter({
        config: { extends: 'bpmnlint:recommended' },
        resolver: new NodeResolver(),
      });
      const reports = await linter.lint(rootElement);
      const errors = Object.entries(reports).flatMap(([rule, rs]) =>
        rs.filter((r) => r.category === 'error').map((r) => `${path}: ${rule} ${r.id ?? ''} ${r.message}`),
      );
      expect(errors).toEqual([]);
    }
  });

  it('has lanes per department, gateways, FEEL conditions, timers and full BPMNDI', async () => {
    const xml = zsFiles.get('bpmn/gd-newborn-zs.bpmn')!;
    expect(xml).toContain('<bpmn:laneSet');
    expect(xml).toMatch(/<bpmn:lane id="Lane_1" name="一窗受理/);
    expect(xml).toContain('name="电子监察"');
    expect(xml).toContain('<bpmn:parallelGateway');
    expect(xml).toMatch(/<bpmn:exclusiveGateway [^>]*default="Flow_\d+"/);
    expect(xml).toContain('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">= 母亲.参加生育保险<');
    expect(xml).toMatch(/<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P(T\d+H|\d+D)</);
    expect(xml).toContain('cancelActivity="false"');
    const { rootElement } = await parse(xml);
    const defs = rootElement as unknown as Element & {
      diagrams: { plane: { planeElement: { bpmnElement: Element }[] } }[];
    };
    const drawn = new Set(defs.diagrams.flatMap((d) => d.plane.planeElement.map((e) => e.bpmnElement.id)));
    const process = defs.rootElements!.find((r) => r.$type === 'bpmn:Process')!;
    for (const el of process.flowElements!) expect(drawn.has(el.id)).toBe(true);
    const lanes = (process as unknown as { laneSets: { lanes: Element[] }[] }).laneSets[0]!.lanes;
    for (const lane of lanes) expect(drawn.has(lane.id)).toBe(true);
    expect(lanes.length).toBeGreaterThanOrEqual(4);
  });

  it('executes in bpmn-engine, taking the conditional component only for an insured mother', async () => {
    const xml = zsFiles.get('bpmn/gd-newborn-zs.bpmn')!;
    const composition = zhongshan.compositions.find((c) => c.bundle === 'gd-newborn-zs')!;
    const conditional = composition.components.find((c) => c.when !== undefined)!.name;
    const always = composition.components.filter((c) => c.when === undefined).map((c) => c.name);

    const insured = await run(xml, { 母亲: { 参加生育保险: true }, 新生儿: { 月龄: 1 } });
    expect(insured.state).toBe('end');
    expect(insured.taken).toContain(conditional);
    expect(insured.conditions).toBe(1);
    expect(insured.evaluated).toHaveLength(1);
    for (const name of always) expect(insured.taken).toContain(name);
    expect(insured.taken[0]).toBe('一窗受理');
    expect(insured.taken.at(-1)).toBe('统一出件');

    for (const variables of [{ 母亲: { 参加生育保险: false } }, {}]) {
      const notInsured = await run(xml, variables);
      expect(notInsured.state).toBe('end');
      expect(notInsured.evaluated).toHaveLength(1);
      expect(notInsured.taken).not.toContain(conditional);
      for (const name of always) expect(notInsured.taken).toContain(name);
      expect(notInsured.taken.at(-1)).toBe('统一出件');
    }
  });

  it('executes every generated process to its end', async () => {
    for (const [, xml] of [...zsFiles, ...nationalFiles]) {
      const r = await run(xml, {});
      expect(r.state).toBe('end');
    }
  });

  it('orders components along produced→consumed edges', async () => {
    const withEdges = [...zhongshan.compositions, ...national.compositions].find(
      (c) => c.workflow.edges.length > 0,
    );
    expect(withEdges?.bundle).toBe('gd-newborn-zs');
    if (!withEdges) return;
    const xml = bpmnOf(withEdges, zhongshan.table, zhongshan.conditions);
    const r = await run(xml, {});
    const edge = withEdges.workflow.edges[0]!;
    const name = (id: string) => withEdges.components.find((c) => c.id === id)!.name;
    expect(r.taken.indexOf(name(edge.from))).toBeLessThan(r.taken.indexOf(name(edge.to)));
  });

  it('maps limits to timers and escalates to the 电子监察 lane', () => {
    expect(timerOf('5日')).toBe('P5D');
    expect(timerOf('4小时')).toBe('PT4H');
    // 3 working days: their longest calendar span, 3 + 2·⌈3/5⌉ + 8 = 13 days.
    expect(timerOf('3个工作日')).toBe('P13D');
    expect(timerOf('即办')).toBeUndefined();
    expect(timerOf(undefined)).toBeUndefined();
    const composition = zhongshan.compositions.find((c) => c.bundle === 'gd-newborn-zs')!;
    const g = bundleGraph(composition, zhongshan.table, zhongshan.conditions);
    const supervision = g.lanes.indexOf('电子监察');
    expect(supervision).toBe(g.lanes.length - 1);
    const timers = g.nodes.filter((n) => n.kind === 'boundaryEvent');
    expect(timers.length).toBe(composition.components.filter((c) => timerOf(c.limit) !== undefined).length);
    expect(timers.length).toBeGreaterThan(0);
    for (const t of timers) {
      const flow = g.flows.find((f) => f.source === t.id)!;
      expect(g.nodes.find((n) => n.id === flow.target)!.lane).toBe(supervision);
    }
    // The produced→consumed edge is a sequence flow between the two component tasks.
    const edge = composition.workflow.edges[0]!;
    const task = (id: string) =>
      g.nodes.find((n) => n.documentation === composition.components.find((c) => c.id === id)!.matter)!.id;
    expect(g.flows.some((f) => f.source === task(edge.from) && f.target === task(edge.to))).toBe(true);
  });

  it('is deterministic', () => {
    const again = bpmnGenerator.generate(inputOf(zhongshan));
    expect([...again]).toEqual([...zsFiles]);
    const c = zhongshan.compositions[0]!;
    expect(mermaidOf(c, zhongshan.table, zhongshan.conditions)).toBe(
      mermaidOf(c, zhongshan.table, zhongshan.conditions),
    );
  });

  it('escapes names in XML and Mermaid', async () => {
    const base = zhongshan.compositions.find((c) => c.bundle === 'gd-newborn-zs')!;
    const evil = "<script>alert(1)</script> \"onerror= & 'x'";
    const composition: Composition = {
      ...base,
      name: evil,
      components: base.components.map((c, i) => (i === 0 ? { ...c, name: evil } : c)),
    };
    const xml = bpmnOf(composition, zhongshan.table, zhongshan.conditions);
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;onerror= &amp; &apos;x&apos;');
    const { rootElement, warnings } = await parse(xml);
    expect(warnings).toEqual([]);
    const process = (rootElement as unknown as Element).rootElements!.find(
      (r) => r.$type === 'bpmn:Process',
    )!;
    expect(process.name).toBe(evil);
    expect(process.flowElements!.some((e) => e.name === evil)).toBe(true);
    const mermaid = mermaidOf(composition, zhongshan.table, zhongshan.conditions);
    expect(mermaid).not.toMatch(/<script>|"onerror/);
    expect(mermaid).toContain('#lt;script#gt;');
    expect(mermaid.startsWith('flowchart LR\n')).toBe(true);
    expect(MATTERC_NS).toMatch(/^https:/);
  });
});
