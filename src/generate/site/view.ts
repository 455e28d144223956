/**
 * View models of the service guide site: plain data for the Handlebars templates, with every
 * optional element present (null when absent, since templates compile in strict mode), URLs
 * sanitized (only http(s) survive) and the checklist's conditions compiled to the portable form.
 */
import { printInterval } from '../../compose/print.js';
import type { Composition, CountMetric, MergedMaterial } from '../../compose/types.js';
import { PAGE, TERMS } from '../../diagnostics/catalogue.js';
import { type Lang, pick, render } from '../../diagnostics/diagnostic.js';
import type { Expr } from '../../language/condition/ast.js';
import type { Portable } from '../../language/condition/interpreter.js';
import { parseCondition } from '../../language/condition/parser.js';
import { toPortable } from '../../language/condition/targets.js';
import { FIELD_TYPES } from '../../language/condition/types.js';
import type { SymbolTable } from '../../link/link.js';
import type { Bundle, Department, Field, Law, Material, Matter, SourceRef } from '../../model/types.js';
import { AUDIENCES, ENUM_FIELD, STAGES } from '../../domain/vocabulary.js';

/** The language of the pages' own wording where a view is built without one. */
const SITE: Lang = 'zh-CN';

type Loose = Record<string, unknown>;

/** Only absolute http(s) URLs without whitespace or control characters; anything else is dropped. */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(u)) return null;
  return u;
}

/** The file name of a page for an id: ids are letters, digits, `_`, `.`, `-`; anything else is encoded. */
export function pageName(id: string): string {
  return id
    .replace(/[^\p{L}\p{N}_.-]/gu, (c) => `%${c.codePointAt(0)!.toString(16).toUpperCase()}`)
    .replace(/^\./, '_.');
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

// ── Conditions and the checklist ───────────────────────────────────────────────────────────────────

function compile(text: string | undefined): { portable: Portable; paths: string[] } | null {
  if (text === undefined) return null;
  const parsed = parseCondition(text);
  if (!parsed.ast || parsed.problems.length > 0) return null;
  const paths: string[] = [];
  collectPaths(parsed.ast, paths);
  return { portable: toPortable(parsed.ast), paths };
}

function collectPaths(e: Expr, out: string[]): void {
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) return x.forEach(visit);
    const o = x as Loose;
    if (o['type'] === 'path' && typeof o['path'] === 'string') {
      if (!out.includes(o['path'])) out.push(o['path']);
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'span') visit(v);
  };
  visit(e);
}

export interface Question {
  readonly id: string;
  readonly path: string;
  readonly label: string;
  readonly type: string;
  readonly checkbox: boolean;
  readonly select: boolean;
  readonly inputType: string;
  readonly options: readonly string[];
}

export interface ChecklistItem {
  readonly id: string;
  readonly name: string;
  readonly detail: string;
  readonly conditionText: string | null;
  readonly unconditional: boolean;
}

export interface Checklist {
  readonly questions: readonly Question[];
  readonly items: readonly ChecklistItem[];
  /** Embedded as JSON: per item, the alternatives (any holds) of conjunctions (all hold) of conditions. */
  readonly data: { readonly items: readonly (readonly (readonly Portable[])[])[] };
  readonly hasQuestions: boolean;
}

interface ChecklistSource {
  readonly name: string;
  readonly detail: string;
  /** Each alternative: the `when` texts that must all hold. */
  readonly alternatives: readonly (readonly string[])[];
}

function buildChecklist(table: SymbolTable, sources: readonly ChecklistSource[], prefix: string): Checklist {
  const paths: string[] = [];
  const items: ChecklistItem[] = [];
  const data: Portable[][][] = [];
  sources.forEach((s, i) => {
    const alternatives: Portable[][] = [];
    const texts: string[] = [];
    let unconditional = false;
    for (const alt of s.alternatives) {
      const conj: Portable[] = [];
      let broken = false;
      for (const text of alt) {
        const c = compile(text);
        if (!c) {
          broken = true;
          continue;
        }
        conj.push(c.portable);
        for (const p of c.paths) if (!paths.includes(p)) paths.push(p);
      }
      // A condition that does not compile is not guessed at: the material stays listed.
      if (broken) conj.length = 0;
      if (conj.length === 0) unconditional = true;
      alternatives.push(conj);
      if (alt.length > 0) texts.push(alt.join(pick(PAGE.conditionAnd, SITE)));
    }
    if (alternatives.length === 0) alternatives.push([]);
    if (alternatives.length === 0 || s.alternatives.length === 0) unconditional = true;
    data.push(alternatives);
    items.push({
      id: `${prefix}-item-${i}`,
      name: s.name,
      detail: s.detail,
      conditionText:
        unconditional || texts.length === 0 ? null : texts.join(pick(PAGE.conditionOrElse, SITE)),
      unconditional,
    });
  });
  const questions = paths.map((path, i): Question => {
    const field = table.get('Field', path);
    const f = field?.schemaValid ? (field.value as unknown as Field & { options?: unknown }) : undefined;
    const type = (f && FIELD_TYPES[f.type]) ?? 'string';
    const options = f?.type === ENUM_FIELD ? strs(f.options) : [];
    return {
      id: `${prefix}-q-${i}`,
      path,
      label: f?.name ?? path,
      type,
      checkbox: type === 'boolean',
      select: options.length > 0,
      inputType: type === 'number' || type === 'money' ? 'number' : type === 'date' ? 'date' : 'text',
      options,
    };
  });
  return { questions, items, data: { items: data }, hasQuestions: questions.length > 0 };
}

// ── Shared element views ───────────────────────────────────────────────────────────────────────────

function departmentName(table: SymbolTable, id: string | undefined): string | null {
  if (id === undefined) return null;
  const d = table.get('Department', id);
  return d?.schemaValid ? (d.value as unknown as Department).name : id;
}

function materialName(table: SymbolTable, id: string): string {
  const d = table.get('Material', id);
  return d?.schemaValid ? (d.value as unknown as Material).name : id;
}

function sourceView(s: SourceRef | undefined) {
  if (!s) return null;
  return { document: s.document, title: str(s.title), url: safeUrl(s.url), note: str(s.note) };
}

function copies(m: Loose): string | null {
  const o = num(m['originals']);
  const c = num(m['copies']);
  const parts: string[] = [];
  if (o !== null) parts.push(render(PAGE.originals, { n: o }, SITE));
  if (c !== null) parts.push(render(PAGE.copies, { n: c }, SITE));
  return parts.length > 0 ? parts.join('，') : null;
}

function materialView(table: SymbolTable, m: NonNullable<Matter['materials']>[number]) {
  const l = m as unknown as Loose;
  return {
    id: m.id,
    name: m.name ?? materialName(table, m.material),
    catalogueName: materialName(table, m.material),
    channel: str(m.channel),
    channelNote: str(l['channelNote']),
    form: str(m.form),
    necessity: m.necessity,
    copies: copies(l),
    paperSpec: str(l['paperSpec']),
    acceptanceStandard: str(l['acceptanceStandard']),
    when: str(m.when),
    note: str(l['note']),
  };
}

function limitText(limit: unknown): string | null {
  return str(limit);
}

export function matterView(table: SymbolTable, m: Matter) {
  const l = m as unknown as Loose;
  const materials = (m.materials ?? []).map((x) => materialView(table, x));
  const checklist = buildChecklist(
    table,
    materials.map((x) => ({
      name: x.name,
      detail: [x.form, x.copies, x.channel].filter((s) => s !== null).join('；'),
      alternatives: [x.when !== null ? [x.when] : []],
    })),
    'ck',
  );
  const fee = m.fee
    ? {
        charged: m.fee.charged,
        basis: m.fee.basis ?? [],
        onlinePayment: m.fee.onlinePayment ?? null,
        items: (m.fee.items ?? []).map((i) => ({ name: i.name, standard: i.standard })),
      }
    : null;
  return {
    id: m.id,
    name: m.name,
    refines: str(m.refines),
    status: str(m.status),
    codes: {
      basicCode: str(m.basicCode),
      localBasicCode: str(m.localBasicCode),
      implCode: str(m.implCode),
      localImplCode: str(m.localImplCode),
      handleItemCode: str(m.handleItemCode),
    },
    type: str(m.type),
    levels: m.levels ?? [],
    powerSource: str(m.powerSource),
    department: departmentName(table, m.department),
    subjectNature: str(m.subjectNature),
    entrustingDepartment: departmentName(table, m.entrustingDepartment),
    coDepartments: (m.coDepartments ?? []).map((d) => departmentName(table, d)!),
    audience: m.audience ?? [],
    description: str(l['description']),
    eligibility: str(l['eligibility']),
    basis: (m.basis ?? []).map((b) => {
      const law = b.law !== undefined ? table.get('Law', b.law) : undefined;
      return {
        citation: b.citation,
        law: law?.schemaValid ? (law.value as unknown as Law).title : str(b.law),
        docNumber: law?.schemaValid ? str((law.value as unknown as Law).docNumber) : null,
        content: str(b.content),
      };
    }),
    conditions: (m.conditions ?? []).map((c) => ({ text: c.text, when: str(c.when) })),
    materials,
    steps: (m.steps ?? []).map((s) => {
      const sl = s as unknown as Loose;
      return {
        name: s.name,
        phase: s.phase,
        department: departmentName(table, s.department),
        limit: limitText(s.limit),
        standard: str(sl['standard']),
        result: str(sl['result']),
        when: str(s.when),
      };
    }),
    stepsNote: str(m.stepsNote),
    specialProcedures: (m.specialProcedures ?? []).map((p) => ({ name: p.name, limit: limitText(p.limit) })),
    statutoryLimit: limitText(m.statutoryLimit),
    promisedLimit: limitText(m.promisedLimit),
    caseType: str(m.caseType),
    reviewType: str(m.reviewType),
    handlingForms: m.handlingForms ?? [],
    visits: num(m.visits),
    visitReason: str(m.visitReason),
    onlineDepth: m.onlineDepth ?? [],
    fullyOnline: typeof m.fullyOnline === 'boolean' ? m.fullyOnline : null,
    fee,
    place: str(l['place']),
    hours: str(l['hours']),
    quantityLimit: str(l['quantityLimit']),
    contacts: {
      consultation: str(m.contacts?.consultation),
      complaint: str(m.contacts?.complaint),
    },
    result: m.result ? { type: m.result.type, name: str(m.result.name) } : null,
    faq: (m.faq ?? []).map((f) => ({ question: f.question, answer: f.answer })),
    source: sourceView(m.source),
    note: str(l['note']),
    checklist,
  };
}

export type MatterView = ReturnType<typeof matterView>;

// ── Bundles ────────────────────────────────────────────────────────────────────────────────────────

const REASONS: Record<string, string> = {
  produced: pick(PAGE.reasonProduced, SITE),
  eLicense: pick(PAGE.reasonELicense, SITE),
  shareable: pick(PAGE.reasonShareable, SITE),
  issuedInBundle: pick(PAGE.reasonIssuedInBundle, SITE),
};

function pct(r: number | null): string {
  return r === null ? '—' : `${r}%`;
}

function countRow(label: string, m: CountMetric) {
  return {
    label,
    before: String(m.before),
    after: String(m.after),
    reduction: pct(m.reduction),
    missing: m.incomplete ? m.missing.join('、') : null,
  };
}

function mergedMaterialView(
  table: SymbolTable,
  c: Composition,
  m: MergedMaterial,
  names: Map<string, string>,
) {
  const first = m.uses[0];
  return {
    name: m.name,
    required: m.required,
    submitted: m.submitted,
    removed: m.removed
      ? {
          reason: REASONS[m.removed.reason] ?? m.removed.reason,
          by: m.removed.by.map((b) => names.get(b) ?? b),
        }
      : null,
    uses: m.uses.map((u) => ({
      component: names.get(u.component) ?? u.component,
      name: str(u.name),
      necessity: u.necessity,
      channel: str(u.channel),
      form: str(u.form),
      when: str(u.when),
      componentWhen: str(u.componentWhen),
      removed: u.removed ? (REASONS[u.removed.reason] ?? u.removed.reason) : null,
    })),
    form: first ? str(first.form) : null,
    catalogueName: materialName(table, m.material),
    bundle: c.bundle,
  };
}

export function bundleView(table: SymbolTable, c: Composition, lang: Lang) {
  const doc = table.get('Bundle', c.bundle);
  const b = (doc?.value ?? { id: c.bundle, name: c.name }) as unknown as Bundle;
  const l = b as unknown as Loose;
  const names = new Map(c.components.map((x) => [x.id, x.name]));
  const matters = new Map<string, Matter>();
  for (const x of c.components) {
    const d = table.get('Matter', x.matter);
    if (d?.schemaValid) matters.set(x.id, d.value as unknown as Matter);
  }
  const materials = c.materials.map((m) => mergedMaterialView(table, c, m, names));
  // The checklist: materials the applicant submits, each shown when one of its uses applies.
  const sources: ChecklistSource[] = c.materials
    .filter((m) => m.uses.some((u) => !u.removed))
    .map((m) => {
      const uses = m.uses.filter((u) => !u.removed);
      const detail = [
        pick(m.required ? PAGE.materialRequired : PAGE.materialOptional, lang),
        ...new Set(uses.map((u) => u.form).filter((x): x is string => x !== undefined)),
        render(
          PAGE.usedFor,
          { names: [...new Set(uses.map((u) => names.get(u.component) ?? u.component))] },
          lang,
        ),
      ].join('；');
      return {
        name: m.name,
        detail,
        alternatives: uses.map((u) => [u.componentWhen, u.when].filter((x): x is string => x !== undefined)),
      };
    });
  const checklist = buildChecklist(table, sources, 'ck');
  const metrics = c.metrics;
  const time = metrics.time;
  const matterRows = c.components.map((x) => {
    const m = matters.get(x.id);
    const ml = (m ?? {}) as Loose;
    return {
      id: x.id,
      name: x.name,
      href: x.resolved ? `../matters/${encodeURIComponent(pageName(x.matter))}.html` : null,
      mdHref: x.resolved ? `../matters/${encodeURIComponent(pageName(x.matter))}.md` : null,
      when: str(x.when),
      optional: x.optional,
      limit: str(x.limit),
      department: departmentName(table, m?.department),
      basis: (m?.basis ?? []).map((bb) => bb.citation),
      conditions: (m?.conditions ?? []).map((cc) => cc.text),
      fee: m?.fee
        ? m.fee.charged
          ? render(
              PAGE.feeCharged,
              {
                items:
                  (m.fee.items ?? [])
                    .map((i) => render(PAGE.feeItem, { name: i.name, standard: i.standard }, lang))
                    .join('；') || pick(PAGE.feeSeeMatter, lang),
              },
              lang,
            )
          : pick(PAGE.feeFree, lang)
        : null,
      visits: num(m?.visits),
      place: str(ml['place']),
      consultation: str(m?.contacts?.consultation),
      complaint: str(m?.contacts?.complaint),
      result: m?.result ? (m.result.name ?? m.result.type) : null,
    };
  });
  return {
    id: c.bundle,
    name: c.name,
    refines: str(b.refines),
    audience: str(b.audience),
    stage: str(b.stage),
    description: str(l['description']),
    eligibility: str(l['eligibility']),
    leadDepartment: departmentName(table, b.leadDepartment),
    coDepartments: (b.coDepartments ?? []).map((d) => departmentName(table, d)!),
    promisedLimit: str(b.promisedLimit),
    visits: num(b.visits),
    modes: b.modes ?? [],
    note: str(l['note']),
    source: sourceView(b.source),
    components: matterRows,
    materials,
    submitted: materials.filter((m) => m.submitted),
    removedMaterials: materials.filter((m) => m.removed !== null),
    steps: c.steps.map((s) => ({
      phase: s.phase,
      name: s.name,
      uses: s.uses.map((u) => ({
        component: names.get(u.component) ?? u.component,
        name: u.name,
        limit: str(u.limit),
        department: departmentName(table, matters.get(u.component)?.department),
      })),
    })),
    metrics: {
      rows: [
        countRow(pick(PAGE.metricForms, lang), metrics.forms),
        countRow(pick(PAGE.metricFields, lang), metrics.fields),
        countRow(pick(PAGE.metricMaterials, lang), metrics.materials),
        countRow(pick(PAGE.metricSteps, lang), metrics.steps),
        countRow(pick(PAGE.metricVisits, lang), metrics.visits),
        {
          label: pick(PAGE.metricTime, lang),
          before: printInterval(time.before, lang),
          after: time.after ? printInterval(time.after, lang) : pick(PAGE.unknown, lang),
          reduction: pct(time.reduction),
          missing: time.incomplete ? time.missing.join('、') : null,
        },
      ],
      criticalPath: c.workflow.criticalPath
        ? {
            path: c.workflow.criticalPath.names.join(' → '),
            total: printInterval(c.workflow.criticalPath.total, lang),
          }
        : null,
      incomplete: metrics.incomplete,
    },
    checklist,
  };
}

export type BundleView = ReturnType<typeof bundleView>;

// ── Index ──────────────────────────────────────────────────────────────────────────────────────────

function rank(order: readonly string[], v: string): [number, string] {
  const i = order.indexOf(v);
  return [i < 0 ? order.length : i, v];
}

function byRank(order: readonly string[]) {
  return (a: string, b: string) => {
    const [ia, va] = rank(order, a);
    const [ib, vb] = rank(order, b);
    return ia - ib || (va < vb ? -1 : va > vb ? 1 : 0);
  };
}

export function indexView(bundles: readonly BundleView[], matters: readonly MatterView[]) {
  const groups = new Map<string, Map<string, BundleView[]>>();
  for (const b of bundles) {
    const a = b.audience ?? pick(PAGE.other, SITE);
    const s = b.stage ?? pick(PAGE.other, SITE);
    if (!groups.has(a)) groups.set(a, new Map());
    const g = groups.get(a)!;
    if (!g.has(s)) g.set(s, []);
    g.get(s)!.push(b);
  }
  const audiences = [...groups.keys()].sort(byRank(AUDIENCES)).map((a, i) => ({
    name: a,
    id: `audience-${i}`,
    stages: [...groups.get(a)!.keys()].sort(byRank(STAGES)).map((s) => ({
      name: s,
      bundles: groups
        .get(a)!
        .get(s)!
        .map((b) => ({
          name: b.name,
          href: `bundles/${encodeURIComponent(pageName(b.id))}.html`,
          id: b.id,
          lead: b.leadDepartment,
          promisedLimit: b.promisedLimit,
        })),
    })),
  }));
  const matterLinks = matters.map((m) => ({
    name: m.name,
    id: m.id,
    href: `matters/${encodeURIComponent(pageName(m.id))}.html`,
    department: m.department,
  }));
  const search = [
    ...bundles.map((b) => ({
      t: b.name,
      u: `bundles/${encodeURIComponent(pageName(b.id))}.html`,
      k: [b.name, b.id, b.audience, b.stage, b.leadDepartment, ...b.components.map((x) => x.name)]
        .filter((x) => x !== null)
        .join(' '),
      c: pick(TERMS.kindBundle, SITE),
    })),
    ...matters.map((m) => ({
      t: m.name,
      u: `matters/${encodeURIComponent(pageName(m.id))}.html`,
      k: [m.name, m.id, m.department, ...m.audience].filter((x) => x !== null).join(' '),
      c: pick(TERMS.kindMatter, SITE),
    })),
  ];
  return { audiences, matters: matterLinks, search };
}
