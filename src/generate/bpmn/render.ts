/**
 * BPMN 2.0 XML with BPMNDI for a graph, and the Mermaid flowchart of the same graph.
 *
 * Layout (deterministic, no external layouter — bpmn-auto-layout draws no lanes): a node's column is
 * its longest-path depth from the start event (a boundary event takes its host's column and so does
 * the escalation task it leads to); its row is its lane, and nodes sharing a lane and a column stack
 * in creation order, the lane growing to fit. Flows leave a node's right side and enter the target's
 * left side with one vertical segment just before the target; escalation flows drop straight down
 * from the boundary event to the escalation task below it.
 */
import type { Graph, GraphFlow, GraphNode } from './graph.js';

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
/** The namespace of matterc's extension attribute `matterc:condition` (the portable compiled condition). */
export const MATTERC_NS = 'https://matterc.dev/schema/bpmn';

const COL_W = 160;
const ROW_H = 130;
const POOL_HEADER = 30;
const LANE_HEADER = 30;
const LEFT = POOL_HEADER + LANE_HEADER + 20;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const SIZES: Record<GraphNode['kind'], [number, number]> = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  boundaryEvent: [36, 36],
  userTask: [100, 80],
  parallelGateway: [50, 50],
  exclusiveGateway: [50, 50],
};

/** Escape text for XML element content and double-quoted attributes. */
export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

export interface Layout {
  readonly boxes: Map<string, Box>;
  readonly lanes: Box[];
  readonly pool: Box;
}

export function layout(g: Graph): Layout {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const column = new Map<string, number>(g.nodes.map((n) => [n.id, 0]));
  // Longest path by relaxation: the graph is acyclic, so |nodes| rounds suffice.
  for (let round = 0; round < g.nodes.length; round++) {
    let changed = false;
    for (const n of g.nodes) {
      let c = n.attachedTo !== undefined ? column.get(n.attachedTo)! : 0;
      for (const f of g.flows) {
        if (f.target !== n.id) continue;
        const src = byId.get(f.source)!;
        c = Math.max(c, column.get(f.source)! + (src.kind === 'boundaryEvent' ? 0 : 1));
      }
      if (c !== column.get(n.id)) {
        column.set(n.id, c);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const rowOf = new Map<string, number>();
  const rows = g.lanes.map(() => 1);
  const used = new Map<string, number>();
  for (const n of g.nodes) {
    if (n.kind === 'boundaryEvent') continue;
    const key = `${n.lane}:${column.get(n.id)}`;
    const r = used.get(key) ?? 0;
    used.set(key, r + 1);
    rowOf.set(n.id, r);
    rows[n.lane] = Math.max(rows[n.lane]!, r + 1);
  }
  const columns = Math.max(0, ...column.values()) + 1;
  const width = LEFT + columns * COL_W;
  const lanes: Box[] = [];
  let y = 0;
  for (const r of rows) {
    lanes.push({ x: POOL_HEADER, y, w: width - POOL_HEADER, h: r * ROW_H });
    y += r * ROW_H;
  }
  const boxes = new Map<string, Box>();
  for (const n of g.nodes) {
    if (n.kind === 'boundaryEvent') continue;
    const [w, h] = SIZES[n.kind];
    const cx = LEFT + column.get(n.id)! * COL_W + COL_W / 2;
    const cy = lanes[n.lane]!.y + rowOf.get(n.id)! * ROW_H + ROW_H / 2;
    boxes.set(n.id, { x: cx - w / 2, y: cy - h / 2, w, h });
  }
  for (const n of g.nodes) {
    if (n.kind !== 'boundaryEvent') continue;
    const host = boxes.get(n.attachedTo!)!;
    boxes.set(n.id, { x: host.x + host.w / 2 - 18, y: host.y + host.h - 18, w: 36, h: 36 });
  }
  return { boxes, lanes, pool: { x: 0, y: 0, w: width, h: y } };
}

function waypoints(f: GraphFlow, g: Graph, l: Layout): [number, number][] {
  const s = l.boxes.get(f.source)!;
  const t = l.boxes.get(f.target)!;
  const source = g.nodes.find((n) => n.id === f.source)!;
  if (source.kind === 'boundaryEvent') {
    const x = s.x + s.w / 2;
    return [
      [x, s.y + s.h],
      [x, t.y],
    ];
  }
  const sx = s.x + s.w;
  const sy = s.y + s.h / 2;
  const tx = t.x;
  const ty = t.y + t.h / 2;
  if (sy === ty) {
    return [
      [sx, sy],
      [tx, ty],
    ];
  }
  const mx = tx - 20;
  return [
    [sx, sy],
    [mx, sy],
    [mx, ty],
    [tx, ty],
  ];
}

/** The BPMN document: one collaboration, one participant, one process with a lane per department. */
export function toBpmn(g: Graph): string {
  const a = xmlEscape;
  const out: string[] = [];
  const l = layout(g);
  const laneId = (i: number) => `Lane_${i + 1}`;
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<bpmn:definitions xmlns:bpmn="${BPMN_NS}" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" ` +
      `xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" ` +
      `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:matterc="${MATTERC_NS}" ` +
      `id="Definitions_1" targetNamespace="${a(`${MATTERC_NS}/${g.id}`)}" exporter="matterc" exporterVersion="1">`,
  );
  out.push('  <bpmn:collaboration id="Collaboration_1">');
  out.push(`    <bpmn:participant id="Participant_1" name="${a(g.name)}" processRef="Process_1" />`);
  out.push('  </bpmn:collaboration>');
  out.push(`  <bpmn:process id="Process_1" name="${a(g.name)}" isExecutable="true">`);
  out.push(`    <bpmn:documentation>${a(g.id)}</bpmn:documentation>`);
  out.push('    <bpmn:laneSet id="LaneSet_1">');
  g.lanes.forEach((name, i) => {
    out.push(`      <bpmn:lane id="${laneId(i)}" name="${a(name)}">`);
    for (const n of g.nodes)
      if (n.lane === i) out.push(`        <bpmn:flowNodeRef>${n.id}</bpmn:flowNodeRef>`);
    out.push('      </bpmn:lane>');
  });
  out.push('    </bpmn:laneSet>');
  for (const n of g.nodes) {
    const attrs = [`id="${n.id}"`];
    if (n.name !== '') attrs.push(`name="${a(n.name)}"`);
    if (n.kind === 'boundaryEvent') attrs.push('cancelActivity="false"', `attachedToRef="${n.attachedTo}"`);
    if (n.defaultFlow !== undefined) attrs.push(`default="${n.defaultFlow}"`);
    out.push(`    <bpmn:${n.kind} ${attrs.join(' ')}>`);
    if (n.documentation !== undefined)
      out.push(`      <bpmn:documentation>${a(n.documentation)}</bpmn:documentation>`);
    for (const f of g.flows) if (f.target === n.id) out.push(`      <bpmn:incoming>${f.id}</bpmn:incoming>`);
    for (const f of g.flows) if (f.source === n.id) out.push(`      <bpmn:outgoing>${f.id}</bpmn:outgoing>`);
    if (n.timer !== undefined) {
      out.push(`      <bpmn:timerEventDefinition id="${n.id}_definition">`);
      out.push(
        `        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${a(n.timer)}</bpmn:timeDuration>`,
      );
      out.push('      </bpmn:timerEventDefinition>');
    }
    out.push(`    </bpmn:${n.kind}>`);
  }
  for (const f of g.flows) {
    const attrs = [`id="${f.id}"`];
    if (f.name !== undefined) attrs.push(`name="${a(f.name)}"`);
    attrs.push(`sourceRef="${f.source}"`, `targetRef="${f.target}"`);
    const c = f.condition;
    if (c?.portable !== undefined) attrs.push(`matterc:condition="${a(JSON.stringify(c.portable))}"`);
    if (!c) {
      out.push(`    <bpmn:sequenceFlow ${attrs.join(' ')} />`);
      continue;
    }
    out.push(`    <bpmn:sequenceFlow ${attrs.join(' ')}>`);
    // FEEL (`= …`); where FEEL cannot express the condition, the source text marked as matterc's language.
    const body = c.feel ?? c.text;
    const language = c.feel === undefined ? ' language="matterc"' : '';
    out.push(
      `      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"${language}>${a(body)}</bpmn:conditionExpression>`,
    );
    out.push('    </bpmn:sequenceFlow>');
  }
  out.push('  </bpmn:process>');
  out.push('  <bpmndi:BPMNDiagram id="BPMNDiagram_1">');
  out.push('    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">');
  const shape = (id: string, b: Box, extra = '') =>
    out.push(
      `      <bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${extra}>`,
      `        <dc:Bounds x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" />`,
      '      </bpmndi:BPMNShape>',
    );
  shape('Participant_1', l.pool, ' isHorizontal="true"');
  l.lanes.forEach((b, i) => shape(laneId(i), b, ' isHorizontal="true"'));
  for (const n of g.nodes)
    shape(n.id, l.boxes.get(n.id)!, n.kind === 'exclusiveGateway' ? ' isMarkerVisible="true"' : '');
  for (const f of g.flows) {
    out.push(`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">`);
    for (const [x, y] of waypoints(f, g, l)) out.push(`        <di:waypoint x="${x}" y="${y}" />`);
    out.push('      </bpmndi:BPMNEdge>');
  }
  out.push('    </bpmndi:BPMNPlane>');
  out.push('  </bpmndi:BPMNDiagram>');
  out.push('</bpmn:definitions>');
  return out.join('\n') + '\n';
}

/** Escape a Mermaid label (used inside double quotes) with Mermaid's entity codes. */
export function mermaidEscape(s: string): string {
  return s
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ');
}

/** A Mermaid flowchart of the graph: one subgraph per lane; escalations as dotted edges from the task. */
export function toMermaid(g: Graph): string {
  const m = mermaidEscape;
  const out = ['flowchart LR'];
  const shape = (n: GraphNode) => {
    const label = `"${m(n.name === '' ? ' ' : n.name)}"`;
    switch (n.kind) {
      case 'startEvent':
      case 'endEvent':
        return `${n.id}((${label}))`;
      case 'parallelGateway':
      case 'exclusiveGateway':
        return `${n.id}{${label}}`;
      default:
        return `${n.id}[${label}]`;
    }
  };
  g.lanes.forEach((lane, i) => {
    const nodes = g.nodes.filter((n) => n.lane === i && n.kind !== 'boundaryEvent');
    if (nodes.length === 0) return;
    out.push(`  subgraph Lane_${i + 1}["${m(lane)}"]`);
    for (const n of nodes) out.push(`    ${shape(n)}`);
    out.push('  end');
  });
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  for (const f of g.flows) {
    const src = byId.get(f.source)!;
    if (src.kind === 'boundaryEvent') {
      out.push(`  ${src.attachedTo} -.->|"${m(src.name)}"| ${f.target}`);
      continue;
    }
    out.push(
      f.name !== undefined
        ? `  ${f.source} -->|"${m(f.name)}"| ${f.target}`
        : `  ${f.source} --> ${f.target}`,
    );
  }
  return out.join('\n') + '\n';
}
