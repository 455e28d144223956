import { D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Location, type Related } from '../diagnostics/diagnostic.js';
import { type Duration, intervalExceeds, parseDuration, toInterval } from '../language/duration.js';
import type { SymbolTable } from '../link/link.js';
import type { Doc } from '../model/document.js';
import type { Bundle, Department, Field, Material, Matter } from '../model/types.js';
import { firstLine } from '../parse/yaml.js';
import { computeMetrics } from './metrics.js';
import { hoursArg } from './print.js';
import type {
  ComponentInfo,
  Composition,
  FieldUse,
  FormEntry,
  MaterialUse,
  MergedMaterial,
  MergedStep,
  Removal,
  Workflow,
} from './types.js';
import { buildWorkflow } from './workflow.js';

/** A component with its matter, when the matter exists and is schema-valid. */
interface Resolved {
  readonly info: ComponentInfo;
  readonly matter: Matter | undefined;
  readonly duration: Duration | undefined;
}

/**
 * Compose one schema-valid Bundle: merge its components' forms, materials and steps, build the
 * workflow and its critical path, and compute the metrics. Problems go to `out`:
 * MC6030 (conflicting field definitions), MC6031 (dependency cycle), MC6032 (the critical path does
 * not fit the bundle's promise). Pure: reads only the documents, writes only `out`.
 */
export function composeBundle(bundle: Doc, table: SymbolTable, out: Diagnostic[]): Composition {
  const b = bundle.value as unknown as Bundle;
  const comps = resolveComponents(b, table);
  const { form, fieldDocs } = mergeForm(comps, table);
  reportFieldConflicts(form, fieldDocs, out);
  const materials = mergeMaterials(comps, table);
  const steps = mergeSteps(comps);
  const workflow = buildWorkflow(
    comps.map((c) => ({
      id: c.info.id,
      name: c.info.name,
      produces: c.matter?.produces ?? [],
      consumes: (c.matter?.materials ?? []).map((m) => m.material),
      duration: c.duration,
    })),
  );
  reportCycles(bundle, workflow, comps, out);
  const promised = b.promisedLimit === undefined ? undefined : parseDuration(b.promisedLimit);
  reportCriticalPath(bundle, b, promised, workflow, out);
  const metrics = computeMetrics({
    components: comps.map((c) => ({
      id: c.info.id,
      fields: c.matter?.fields ? new Set(c.matter.fields.map((f) => f.field)).size : undefined,
      materials: c.matter?.materials
        ? new Set(c.matter.materials.filter((m) => m.necessity === '必要').map((m) => m.material)).size
        : undefined,
      steps: c.matter?.steps?.length,
      visits: c.matter?.visits,
      duration: c.duration,
    })),
    mergedFields: form.length,
    materials,
    steps,
    workflow,
    visits: b.visits,
    promised,
  });
  return {
    bundle: b.id,
    name: b.name,
    components: comps.map((c) => c.info),
    form,
    materials,
    steps,
    workflow,
    metrics,
  };
}

/**
 * Compose every schema-valid Bundle, in document order. A conflict between two dictionary fields is
 * reported once even when several bundles bring them together. The problems of a composition are
 * reported only when the bundle and its components' matters are sound (without schema or link
 * errors); otherwise the unsound ones are left out (`table.leaveOut`) and nothing is judged.
 */
export function composeAll(docs: readonly Doc[], table: SymbolTable, out: Diagnostic[]): Composition[] {
  const compositions: Composition[] = [];
  const seen = new Set<string>();
  for (const doc of docs) {
    if (doc.kind !== 'Bundle') continue;
    if (!doc.schemaValid) {
      if (Array.isArray((doc.value as { components?: unknown }).components)) table.leaveOut(doc);
      continue;
    }
    const found: Diagnostic[] = [];
    compositions.push(composeBundle(doc, table, found));
    if (!soundComposition(doc, table)) continue;
    for (const d of found) {
      const key = [
        d.entry.code,
        d.location?.source.path,
        d.location?.range.start,
        d.path,
        ...d.related.map((r) => `${r.source.path}:${r.range.start}`),
      ].join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return compositions;
}

/** Are the bundle and every component's matter sound? The unsound ones are left out. */
function soundComposition(bundle: Doc, table: SymbolTable): boolean {
  let sound = true;
  if (!table.isSound(bundle)) {
    table.leaveOut(bundle);
    sound = false;
  }
  for (const c of (bundle.value as unknown as Bundle).components ?? []) {
    if (table.get('Matter', c.matter) && !table.sound('Matter', c.matter)) sound = false;
  }
  return sound;
}

function resolveComponents(b: Bundle, table: SymbolTable): Resolved[] {
  return (b.components ?? []).map((c) => {
    const doc = table.get('Matter', c.matter);
    const matter = doc?.schemaValid ? (doc.value as unknown as Matter) : undefined;
    const promised = matter?.promisedLimit === undefined ? undefined : parseDuration(matter.promisedLimit);
    const statutory = matter?.statutoryLimit === undefined ? undefined : parseDuration(matter.statutoryLimit);
    const duration = promised ?? statutory;
    const limitFrom = promised ? 'promisedLimit' : statutory ? 'statutoryLimit' : undefined;
    const info: ComponentInfo = {
      id: c.id,
      matter: c.matter,
      name: matter?.name ?? c.matter,
      resolved: matter !== undefined,
      ...(c.when !== undefined ? { when: c.when } : {}),
      optional: c.optional === true,
      ...(limitFrom ? { limit: matter![limitFrom]!, limitFrom, hours: toInterval(duration!) } : {}),
    };
    return { info, matter, duration };
  });
}

// ── one form (一表申请) ────────────────────────────────────────────────────────────────────────────

type FieldDef = Field & { format?: string };

function mergeForm(
  comps: readonly Resolved[],
  table: SymbolTable,
): { form: FormEntry[]; fieldDocs: Map<string, Doc> } {
  const entries = new Map<string, { uses: FieldUse[]; def?: FieldDef }>();
  const fieldDocs = new Map<string, Doc>();
  for (const c of comps) {
    for (const f of c.matter?.fields ?? []) {
      let entry = entries.get(f.field);
      if (!entry) {
        // A Field with errors gives no name or type, so no conflict is judged with it: it is left out.
        const doc = table.sound('Field', f.field);
        entry = { uses: [] };
        if (doc) {
          entry.def = doc.value as unknown as FieldDef;
          fieldDocs.set(f.field, doc);
        }
        entries.set(f.field, entry);
      }
      entry.uses.push({
        component: c.info.id,
        required: f.required !== false,
        ...(f.label !== undefined ? { label: f.label } : {}),
        ...(f.when !== undefined ? { when: f.when } : {}),
        ...(c.info.when !== undefined ? { componentWhen: c.info.when } : {}),
      });
    }
  }
  const form = [...entries].map(([field, { uses, def }]): FormEntry => ({
    field,
    ...(def ? { name: def.name, type: def.type } : {}),
    ...(def?.format !== undefined ? { format: def.format } : {}),
    required: uses.some((u) => u.required),
    always: uses.some((u) => u.when === undefined && u.componentWhen === undefined),
    components: [...new Set(uses.map((u) => u.component))],
    uses,
  }));
  return { form, fieldDocs };
}

/**
 * A conflict (MC6030) is two different Field ids that the bundle's forms bring together, whose
 * dictionary entries have the same `name` but a different `type` or `format`: the merged form would
 * show one question with two meanings (申请人.出生日期 日期 and 申请人.生日 文本, both named 出生日期).
 * The same Field used with different `label`s is one data element and not a conflict. Each later
 * definition is compared with the first of its name (form order: bundle order, then field order);
 * the diagnostic points at the later Field's type (or format), the first one is the related position.
 */
function reportFieldConflicts(form: readonly FormEntry[], docs: ReadonlyMap<string, Doc>, out: Diagnostic[]) {
  const byName = new Map<string, FormEntry[]>();
  for (const e of form) {
    if (e.name === undefined) continue;
    const key = e.name.trim();
    const group = byName.get(key);
    if (group) group.push(e);
    else byName.set(key, [e]);
  }
  const describe = (e: FormEntry) => `${e.field}（${[e.type, e.format].filter(Boolean).join('，')}）`;
  for (const [name, group] of byName) {
    const first = group[0]!;
    for (const e of group.slice(1)) {
      const typeDiffers = e.type !== first.type;
      if (!typeDiffers && e.format === first.format) continue;
      const pointer = typeDiffers ? '/type' : '/format';
      const doc = docs.get(e.field)!;
      const firstDoc = docs.get(first.field)!;
      const related: Related = { ...at(firstDoc, pointer), label: 'firstDefinedHere' };
      out.push(
        diagnostic(
          D.fieldConflict,
          at(doc, pointer),
          { name, definitions: [describe(first), describe(e)] },
          { related: [related], path: `Field:${e.field}${pointer}` },
        ),
      );
    }
  }
}

/** The value at `pointer`, or the document's name when the value is absent (an unset format). */
function at(doc: Doc, pointer: string): Location {
  const p = doc.locator.valueRange(pointer) ? pointer : '/name';
  return { source: doc.source, range: firstLine(doc.source, doc.locator.nearest(p)) };
}

// ── one material list (一套材料) ──────────────────────────────────────────────────────────────────

const FROM_AUTHORITY = new Set(['调取电子证照库', '政府部门核发']);

function mergeMaterials(comps: readonly Resolved[], table: SymbolTable): MergedMaterial[] {
  const entries = new Map<string, MaterialUse[]>();
  for (const c of comps) {
    for (const m of c.matter?.materials ?? []) {
      const use: MaterialUse = {
        component: c.info.id,
        item: m.id,
        ...(m.name !== undefined ? { name: m.name } : {}),
        necessity: m.necessity,
        ...(m.channel !== undefined ? { channel: m.channel } : {}),
        ...(m.form !== undefined ? { form: m.form } : {}),
        ...(m.when !== undefined ? { when: m.when } : {}),
        ...(c.info.when !== undefined ? { componentWhen: c.info.when } : {}),
      };
      const list = entries.get(m.material);
      if (list) list.push(use);
      else entries.set(m.material, [use]);
    }
  }
  const producers = new Map<string, string[]>();
  for (const c of comps) {
    for (const m of new Set(c.matter?.produces ?? [])) {
      const list = producers.get(m);
      if (list) list.push(c.info.id);
      else producers.set(m, [c.info.id]);
    }
  }
  return [...entries].map(([material, listed]): MergedMaterial => {
    const doc = table.get('Material', material);
    const catalogue = doc?.schemaValid ? (doc.value as unknown as Material & { issuer?: string }) : undefined;
    const by = { producers: producers.get(material) ?? [], issuers: issuersOf(catalogue, comps, table) };
    const uses = listed.map((u): MaterialUse => {
      const removed = removalOf(u, catalogue, by);
      return removed ? { ...u, removed } : u;
    });
    const required = uses.some((u) => u.necessity === '必要');
    const allRemoved = uses.every((u) => u.removed);
    return {
      material,
      name: catalogue?.name ?? uses.find((u) => u.name !== undefined)?.name ?? material,
      required,
      components: [...new Set(uses.map((u) => u.component))],
      uses,
      ...(allRemoved ? { removed: uses[0]!.removed! } : {}),
      submitted: uses.some((u) => u.necessity === '必要' && !u.removed),
    };
  });
}

/** Why one use of a material is no longer submitted, first reason first (see RemovalReason). */
function removalOf(
  use: MaterialUse,
  catalogue: Material | undefined,
  by: { producers: readonly string[]; issuers: readonly string[] },
): Removal | undefined {
  const producers = by.producers.filter((id) => id !== use.component);
  if (producers.length > 0) return { reason: 'produced', by: producers };
  if (catalogue?.eLicense === true) return { reason: 'eLicense', by: [] };
  if (catalogue?.shareable === true) return { reason: 'shareable', by: [] };
  if (use.channel !== undefined && FROM_AUTHORITY.has(use.channel)) {
    const issuing = by.issuers.filter((id) => id !== use.component);
    if (issuing.length > 0) return { reason: 'issuedInBundle', by: issuing };
  }
  return undefined;
}

/** Components handled by the material's issuer or one of its subordinate departments. */
function issuersOf(
  catalogue: (Material & { issuer?: string }) | undefined,
  comps: readonly Resolved[],
  table: SymbolTable,
): string[] {
  const issuer = catalogue?.issuer;
  if (issuer === undefined) return [];
  return comps
    .filter((c) => c.matter?.department !== undefined && within(c.matter.department, issuer, table))
    .map((c) => c.info.id);
}

/** The department is `authority` or one of its subordinates (following `parent`). */
function within(department: string, authority: string, table: SymbolTable): boolean {
  const seen = new Set<string>();
  for (let d: string | undefined = department; d !== undefined && !seen.has(d);) {
    if (d === authority) return true;
    seen.add(d);
    const doc = table.get('Department', d);
    d = doc?.schemaValid ? (doc.value as unknown as Department & { parent?: string }).parent : undefined;
  }
  return false;
}

// ── one workflow (并联) ───────────────────────────────────────────────────────────────────────────

const MERGED_PHASES = new Set(['受理', '送达']);

/** Every component's steps in bundle order; all 受理 steps become one, and so do all 送达 steps. */
function mergeSteps(comps: readonly Resolved[]): MergedStep[] {
  const out: { phase: string; name: string; uses: MergedStep['uses'][number][] }[] = [];
  const merged = new Map<string, (typeof out)[number]>();
  for (const c of comps) {
    for (const s of c.matter?.steps ?? []) {
      const use = {
        component: c.info.id,
        step: s.id,
        name: s.name,
        ...(s.limit !== undefined ? { limit: s.limit } : {}),
        ...(s.when !== undefined ? { when: s.when } : {}),
      };
      const existing = MERGED_PHASES.has(s.phase) ? merged.get(s.phase) : undefined;
      if (existing) existing.uses.push(use);
      else {
        const step = { phase: s.phase, name: s.name, uses: [use] };
        out.push(step);
        if (MERGED_PHASES.has(s.phase)) merged.set(s.phase, step);
      }
    }
  }
  return out;
}

/** MC6031 at the bundle's `components`, one per cycle, naming the components round the cycle. */
function reportCycles(bundle: Doc, workflow: Workflow, comps: readonly Resolved[], out: Diagnostic[]) {
  const names = new Map(comps.map((c) => [c.info.id, c.info.name]));
  if (workflow.cycles.length === 0) return; // positions are computed only for a problem to report
  const range = bundle.locator.keyRange('/components') ?? bundle.locator.nearest('/components');
  for (const cycle of workflow.cycles) {
    out.push(
      diagnostic(
        D.workflowCycle,
        { source: bundle.source, range: firstLine(bundle.source, range) },
        { cycle: cycle.map((id) => names.get(id) ?? id).join(' → ') },
        { path: `Bundle:${bundle.id ?? '?'}/components` },
      ),
    );
  }
}

/**
 * MC6032 at the bundle's `promisedLimit` when the longest chain whose limits are all known is longer
 * than the promise under every calendar (`intervalExceeds`). Chains through a component without a
 * limit have an unknown total and are not checked (the composition says so).
 */
function reportCriticalPath(
  bundle: Doc,
  b: Bundle,
  promised: Duration | undefined,
  workflow: Workflow,
  out: Diagnostic[],
) {
  const chain = workflow.longestCompleteChain;
  if (!promised || !chain || !intervalExceeds(chain.total, promised)) return;
  out.push(
    diagnostic(
      D.criticalPathTooLong,
      {
        source: bundle.source,
        range: firstLine(bundle.source, bundle.locator.nearest('/promisedLimit')),
      },
      { path: chain.names.join(' → '), needed: hoursArg(chain.total.shortest), promised: b.promisedLimit! },
      { path: `Bundle:${bundle.id ?? '?'}/promisedLimit` },
    ),
  );
}
