/** The generated BPMN renders in bpmn-js (the viewer a modeller would open it in), in headless Chromium. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/compile.js';
import { composeAll } from '../../src/compose/compose.js';
import { bpmnGenerator } from '../../src/generate/bpmn/index.js';
import { buildReports } from '../../src/report/report.js';
import { ROOT } from '../helpers/run.js';
import { launchChromium } from '../helpers/browser.js';
import { requireTool } from '../helpers/tools.js';

const require = createRequire(import.meta.url);
const BUNDLE = 'gd-newborn-zs';

/** bpmn-moddle ships types only under `bpmn-moddle/types`; the part used here. */
interface ModdleElement {
  $type: string;
  id: string;
  name?: string;
  participants?: ModdleElement[];
  rootElements?: ModdleElement[];
  flowElements?: ModdleElement[];
  laneSets?: { lanes?: ModdleElement[] }[];
  childLaneSet?: { lanes?: ModdleElement[] };
  flowNodeRef?: ModdleElement[];
}
interface ModdleLike {
  fromXML(xml: string): Promise<{ rootElement: ModdleElement; warnings: { message: string }[] }>;
}
const { BpmnModdle } = require('bpmn-moddle') as { BpmnModdle: new () => ModdleLike };

/** What the page reports back after `importXML` (plain JSON). */
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Rendered {
  id: string;
  type: string;
  /** Diagram coordinates (shapes) — absent for connections. */
  bounds?: Rect;
  waypoints?: number;
  /** On-screen box of the SVG group. */
  client: Rect;
  /** How many `.djs-element[data-element-id=…]` the DOM holds for the id. */
  dom: number;
  text: string;
}
interface RenderResult {
  error?: string;
  warnings: string[];
  elements: Rendered[];
  viewport: { width: number; height: number };
}

/** The page script: import the diagram, fit it, describe every registered element. */
const PAGE_SCRIPT = `
(async () => {
  const out = { warnings: [], elements: [] };
  try {
    const viewer = new BpmnJS({ container: '#canvas' });
    const { warnings } = await viewer.importXML(DIAGRAM);
    out.warnings = warnings.map((w) => String(w.message));
    viewer.get('canvas').zoom('fit-viewport');
    const registry = viewer.get('elementRegistry');
    for (const el of registry.getAll()) {
      const gfx = registry.getGraphics(el);
      const r = gfx.getBoundingClientRect();
      out.elements.push({
        id: el.id,
        type: el.type,
        ...(el.waypoints
          ? { waypoints: el.waypoints.length }
          : { bounds: { x: el.x, y: el.y, width: el.width, height: el.height } }),
        client: { x: r.x, y: r.y, width: r.width, height: r.height },
        dom: document.querySelectorAll('.djs-element[data-element-id="' + CSS.escape(el.id) + '"]').length,
        text: gfx.textContent || '',
      });
    }
  } catch (e) {
    out.error = String((e && e.stack) || e);
    out.warnings = ((e && e.warnings) || []).map((w) => String(w.message));
  }
  out.viewport = { width: window.innerWidth, height: window.innerHeight };
  window.__render = out;
})();
`;

/** A self-contained page: the viewer bundle, its CSS and the XML all inline (nothing to fetch). */
function viewerPage(xml: string): string {
  const dist = join(require.resolve('bpmn-js/package.json'), '..', 'dist');
  const viewer = readFileSync(join(dist, 'bpmn-viewer.production.min.js'), 'utf8');
  const css = ['diagram-js.css', 'bpmn-js.css']
    .map((f) => readFileSync(join(dist, 'assets', f), 'utf8'))
    .join('\n');
  const safe = (s: string) => s.replace(/<\/(script|style)/gi, '<\\/$1');
  const json = JSON.stringify(xml).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${BUNDLE}</title>
<style>${safe(css)}
html, body { margin: 0; height: 100%; background: #fff; }
#canvas { width: 100vw; height: 100vh; }
</style></head>
<body><div id="canvas"></div>
<script>${safe(viewer)}</script>
<script>const DIAGRAM = ${json};${PAGE_SCRIPT}</script>
</body></html>`;
}

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');
const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const inside = (p: { x: number; y: number }, r: Rect) =>
  p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

let xml: string;
let participants: ModdleElement[];
let lanes: ModdleElement[];
let tasks: ModdleElement[];
let flows: ModdleElement[];

beforeAll(async () => {
  const result = check({ paths: ['examples/zhongshan'], cwd: ROOT });
  const compositions = composeAll(result.documents, result.table!, []);
  const files = bpmnGenerator.generate({
    result,
    compositions,
    reports: buildReports(result.table!, result.diagnostics, compositions),
    lang: 'zh-CN',
  });
  xml = files.get(`bpmn/${BUNDLE}.bpmn`)!;
  expect(xml).toBeDefined();

  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
  expect(warnings).toEqual([]);
  const roots = rootElement.rootElements ?? [];
  participants = roots.filter((r) => r.$type === 'bpmn:Collaboration').flatMap((c) => c.participants ?? []);
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const allLanes = (ls: ModdleElement[]): ModdleElement[] =>
    ls.flatMap((l) => [l, ...allLanes(l.childLaneSet?.lanes ?? [])]);
  lanes = allLanes(processes.flatMap((p) => (p.laneSets ?? []).flatMap((s) => s.lanes ?? [])));
  const elements = processes.flatMap((p) => p.flowElements ?? []);
  tasks = elements.filter((e) => e.$type.endsWith('Task'));
  flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
});

describe('the generated BPMN, as parsed', () => {
  it('has a participant, several lanes, tasks and flows to render', () => {
    expect(participants.length).toBeGreaterThanOrEqual(1);
    expect(lanes.length).toBeGreaterThanOrEqual(2);
    expect(tasks.length).toBeGreaterThanOrEqual(2);
    expect(flows.length).toBeGreaterThanOrEqual(tasks.length);
  });
});

const browserTest = requireTool(
  'chromium',
  'test/generate/bpmn-render.test.ts › bpmn-js in headless Chromium',
)
  ? describe
  : describe.skip;

browserTest('bpmn-js in headless Chromium', () => {
  it(`imports ${BUNDLE} without warnings and draws the pool, every lane, task and flow`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matterc-bpmn-'));
    const html = join(dir, `${BUNDLE}.html`);
    writeFileSync(html, viewerPage(xml));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1800, height: 1000 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });

      await page.goto(pathToFileURL(html).href);
      await page.waitForFunction('window.__render !== undefined', undefined, { timeout: 10_000 });
      const render = (await page.evaluate('window.__render')) as RenderResult;

      expect(render.error).toBeUndefined();
      expect(render.warnings).toEqual([]);
      const byId = new Map(render.elements.map((e) => [e.id, e]));
      const drawn = (id: string, type: string) => {
        const el = byId.get(id);
        expect(el, `${id} is not in the element registry`).toBeDefined();
        expect(el!.type).toBe(type);
        expect(el!.dom, `${id} has ${el!.dom} .djs-element nodes`).toBe(1);
        // A straight connection is a line: one of its sides may be 0.
        const sides = [el!.client.width, el!.client.height].filter((s) => s > 0);
        expect(sides.length, `${id} is empty on screen`).toBeGreaterThanOrEqual(el!.waypoints ? 1 : 2);
        return el!;
      };
      const { width, height } = render.viewport;
      const onScreen = (el: Rendered) => {
        expect(el.client.x, `${el.id} starts left of the viewport`).toBeGreaterThanOrEqual(-1);
        expect(el.client.y, `${el.id} starts above the viewport`).toBeGreaterThanOrEqual(-1);
        expect(el.client.x + el.client.width, `${el.id} ends right of the viewport`).toBeLessThanOrEqual(
          width + 1,
        );
        expect(el.client.y + el.client.height, `${el.id} ends below the viewport`).toBeLessThanOrEqual(
          height + 1,
        );
      };

      // The pool, with its name.
      for (const p of participants) {
        const el = drawn(p.id, 'bpmn:Participant');
        onScreen(el);
        expect(squash(el.text)).toContain(squash(p.name));
      }
      // Every lane, labelled, lying inside the pool; each of its nodes lies inside the lane.
      const pool = byId.get(participants[0]!.id)!.bounds!;
      for (const lane of lanes) {
        const el = drawn(lane.id, 'bpmn:Lane');
        expect(el.bounds!.height).toBeGreaterThan(0);
        expect(squash(el.text)).toBe(squash(lane.name));
        expect(inside(centre(el.bounds!), pool), `${lane.id} outside the pool`).toBe(true);
        for (const node of lane.flowNodeRef ?? []) {
          const n = byId.get(node.id);
          expect(n?.bounds, `${node.id} of ${lane.id} not drawn`).toBeDefined();
          expect(inside(centre(n!.bounds!), el.bounds!), `${node.id} drawn outside ${lane.id}`).toBe(true);
        }
      }
      // Lanes do not overlap one another.
      const laneBoxes = lanes.map((l) => byId.get(l.id)!.bounds!).sort((a, b) => a.y - b.y);
      for (let i = 1; i < laneBoxes.length; i++)
        expect(laneBoxes[i]!.y).toBeGreaterThanOrEqual(laneBoxes[i - 1]!.y + laneBoxes[i - 1]!.height - 1);
      // Every task is drawn on screen with its name; every flow is drawn as a connection.
      for (const task of tasks) {
        const el = drawn(task.id, task.$type);
        onScreen(el);
        expect(el.client.width, `${task.id} is too small to see`).toBeGreaterThan(20);
        expect(squash(el.text)).toBe(squash(task.name));
      }
      for (const flow of flows)
        expect(drawn(flow.id, 'bpmn:SequenceFlow').waypoints).toBeGreaterThanOrEqual(2);

      const shots = join(tmpdir(), 'matterc-test-artifacts');
      mkdirSync(shots, { recursive: true });
      await page.locator('#canvas').screenshot({ path: join(shots, 'diagram.png') });

      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 20_000);
});
