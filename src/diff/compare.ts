import { type CatalogueEntry, D, TERMS, type Text } from '../diagnostics/catalogue.js';
import { type Args, type Diagnostic, type Location, template } from '../diagnostics/diagnostic.js';
import { satisfiable } from '../language/condition/analyze.js';
import type { Expr } from '../language/condition/ast.js';
import type { Environment } from '../language/condition/types.js';
import { certainlyLonger, parseDuration } from '../language/duration.js';
import type { CompiledCondition } from '../link/conditions.js';
import type { SymbolTable } from '../link/link.js';
import type { Doc } from '../model/document.js';
import type { Kind } from '../model/kinds.js';
import type { Bundle, List, Matter } from '../model/types.js';
import { type EffectiveItem, effectiveList } from '../refine/index.js';
import { titleAt } from '../schema/titles.js';
import type { Change, ChangeClass } from './change.js';

/** One side of a diff: the compiled revision. */
export interface Revision {
  readonly documents: readonly Doc[];
  readonly table: SymbolTable;
  readonly conditions: readonly CompiledCondition[];
  /** What checking the revision reported: the files with errors and no valid document are not compared. */
  readonly diagnostics?: readonly Diagnostic[];
}

/** Files that could not be compared, by side (see notCompared in index.ts). */
export interface Unreadable {
  readonly base: ReadonlySet<string>;
  readonly head: ReadonlySet<string>;
}

type Json = unknown;
type Item = Record<string, Json>;

/** How much a material's necessity weighs on the citizen (higher is heavier). */
const NECESSITY_WEIGHT: Record<string, number> = {
  必要: 3,
  容缺后补: 2,
  '信息免交、信用后补': 1,
  非必要: 0,
};

/** Keys whose change is wording only: nothing a citizen must do or may do depends on them. */
const WORDING = new Set([
  'name',
  'title',
  'text',
  'content',
  'citation',
  'stepsNote',
  'question',
  'answer',
  'note',
  'description',
  'source',
  'faq',
  'sample',
  'aliases',
  'shortName',
  'label',
  'visitReason',
]);

/**
 * Compare two revisions semantically, by id: every Matter, Bundle and registry entry present on either
 * side, and every list's effective items. Positions never decide what is "the same".
 */
export function compareRevisions(
  base: Revision,
  head: Revision,
  unreadable: Unreadable = { base: new Set(), head: new Set() },
): Change[] {
  const out: Change[] = [];
  /** `${kind}:${id}` of the documents not compared, and the files they are in. */
  const skipped = { documents: new Set<string>(), files: new Set([...unreadable.base, ...unreadable.head]) };
  const differ = new Differ(base, head, out, skipped);
  const kinds: Kind[] = ['List', 'Bundle', 'Matter', 'Material', 'Field', 'Department', 'Law'];
  for (const kind of kinds) {
    const before = byId(base.documents, kind);
    const after = byId(head.documents, kind);
    for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
      const b = before.get(id);
      const h = after.get(id);
      // A document failing the schema on either side is not compared (MC7120 names it); nor is one
      // whose file on the other side could not be read: it is not known to be gone or new.
      if (
        (b && !b.schemaValid) ||
        (h && !h.schemaValid) ||
        (b && !h && unreadable.head.has(b.source.path)) ||
        (h && !b && unreadable.base.has(h.source.path))
      ) {
        skipped.documents.add(`${kind}:${id}`);
        for (const d of [b, h]) if (d && !d.schemaValid) skipped.files.add(d.source.path);
        continue;
      }
      if (b && h) differ.documents(b, h);
      else if (h) differ.added(h);
      else if (b) differ.removed(b);
    }
  }
  differ.lists();
  differ.formatting();
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.class < b.class ? -1 : 1));
}

function byId(docs: readonly Doc[], kind: Kind): Map<string, Doc> {
  const map = new Map<string, Doc>();
  for (const d of docs) if (d.kind === kind && d.id !== undefined && !map.has(d.id)) map.set(d.id, d);
  return map;
}

/** The first line of a value's range, as diagnostics point at it. */
function at(doc: Doc, pointer: string): Location {
  const range = doc.locator.nearest(pointer);
  const nl = doc.source.text.indexOf('\n', range.start);
  return {
    source: doc.source,
    range: { start: range.start, end: nl >= 0 && nl < range.end ? nl : range.end },
  };
}

function same(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as Json[];
    return a.length === bb.length && a.every((x, i) => same(x, bb[i]));
  }
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Item)[k], (b as Item)[k]));
}

const show = (v: Json): string =>
  v === undefined
    ? '—'
    : typeof v === 'string'
      ? v
      : Array.isArray(v) && v.every((x) => typeof x === 'string')
        ? v.join('、')
        : JSON.stringify(v);

interface Pair {
  readonly base: Doc;
  readonly head: Doc;
  /** The semantic path of the compared element: `Matter:id/materials/<entry id>`. */
  readonly path: string;
  readonly basePointer: string;
  readonly headPointer: string;
  /** Waiver subject: the head document's id. */
  readonly subject: string;
  /** Waiver item: the id of the element compared, when it is one (material entry, step…). */
  readonly item?: string;
  /**
   * Two different documents (a list item or component now served by another bundle or matter): an
   * element the base leaves unspecified constrains nothing, and wording differences are expected.
   */
  readonly cross?: boolean;
}

class Differ {
  /** Files in which some semantic change was found; other changed files are editorial only. */
  private readonly touched = new Set<string>();

  constructor(
    private readonly base: Revision,
    private readonly head: Revision,
    private readonly out: Change[],
    /** What was not compared (MC7120 covers it): no change is reported from it. */
    private readonly skipped: {
      readonly documents: ReadonlySet<string>;
      readonly files: ReadonlySet<string>;
    },
  ) {}

  private emit(
    cls: ChangeClass,
    template: Text,
    args: Args,
    p: Pair,
    where: { base?: string | null; head?: string | null } = {},
    law?: { entry: CatalogueEntry; item?: string },
    suffix = '',
  ): void {
    if (p.cross && cls === 'editorial') return;
    const basePointer = where.base === undefined ? p.basePointer : where.base;
    const headPointer = where.head === undefined ? p.headPointer : where.head;
    const base = basePointer === null ? undefined : at(p.base, basePointer);
    const head = headPointer === null ? undefined : at(p.head, headPointer);
    if (cls !== 'editorial') {
      this.touched.add(p.base.source.path);
      this.touched.add(p.head.source.path);
    }
    this.out.push({
      class: cls,
      what: { template, args },
      path: `${p.path}${suffix}`,
      ...(base ? { base } : {}),
      ...(head ? { head } : {}),
      // A burden increase without a refinement-law counterpart is waived under MC7101 itself.
      ...(cls === 'burden-increased'
        ? {
            law: {
              entry: law?.entry ?? D.burdenIncreased,
              subject: p.subject,
              ...((law?.item ?? p.item) !== undefined ? { item: law?.item ?? p.item } : {}),
            },
          }
        : {}),
    });
  }

  // ── documents ────────────────────────────────────────────────────────────────────────────────

  added(doc: Doc): void {
    const p = this.pair(doc, doc, '');
    this.emit('neutral', TERMS.diffDocumentAdded, { kind: kindName(doc.kind), name: nameOf(doc) }, p, {
      base: null,
    });
  }

  removed(doc: Doc): void {
    const p = this.pair(doc, doc, '');
    this.emit('neutral', TERMS.diffDocumentRemoved, { kind: kindName(doc.kind), name: nameOf(doc) }, p, {
      head: null,
    });
  }

  private pair(base: Doc, head: Doc, pointer: string, headPointer = pointer, path?: string): Pair {
    return {
      base,
      head,
      path: path ?? `${head.kind}:${head.id}${pointer}`,
      basePointer: pointer,
      headPointer,
      subject: head.id!,
    };
  }

  documents(b: Doc, h: Doc): void {
    if (same(b.value, h.value)) return;
    const p = this.pair(b, h, '');
    if (h.kind === 'Matter') this.matter(p);
    else if (h.kind === 'Bundle') this.bundle(p);
    else if (h.kind === 'List') this.list(p);
    else if (h.kind === 'Material') this.material(p);
    else this.rest(p, b.value as Item, h.value as Item, new Set(['kind', 'id']));
  }

  /** Keys not handled by an element rule: wording is editorial, anything else neutral. */
  private rest(p: Pair, b: Item, h: Item, handled: ReadonlySet<string>, prefix = ''): void {
    const keys = [...new Set([...Object.keys(b), ...Object.keys(h)])].filter((k) => !handled.has(k)).sort();
    for (const key of keys) {
      if (same(b[key], h[key])) continue;
      if (p.cross && (b[key] === undefined || key === 'refines')) continue;
      const bp = `${p.basePointer}${prefix}/${key}`;
      const hp = `${p.headPointer}${prefix}/${key}`;
      const element = titleAt(p.head.kind, `${p.headPointer}${prefix}/${key}`);
      const args = { element, from: show(b[key]), to: show(h[key]) };
      const where = {
        base: b[key] === undefined ? p.basePointer || '/name' : bp,
        head: h[key] === undefined ? p.headPointer || '/name' : hp,
      };
      if (WORDING.has(key))
        this.emit('editorial', TERMS.diffWording, args, p, where, undefined, `${prefix}/${key}`);
      else this.emit('neutral', TERMS.diffOther, args, p, where, undefined, `${prefix}/${key}`);
    }
  }

  private matter(p: Pair): void {
    const b = p.base.value as unknown as Matter;
    const h = p.head.value as unknown as Matter;
    this.materials(p, b, h);
    this.keyed(p, 'steps', b.steps, h.steps, {
      added: (x, q) =>
        this.emit(
          'burden-increased',
          TERMS.diffStepAdded,
          { name: x['name'] as string },
          q,
          {},
          {
            entry: D.addedApprovalStep,
            item: x['id'] as string,
          },
        ),
      removed: (x, q) => this.emit('burden-reduced', TERMS.diffStepRemoved, { name: x['name'] as string }, q),
      both: (x, y, q) => {
        this.duration(
          q,
          'limit',
          x['limit'] as string | undefined,
          y['limit'] as string | undefined,
          TERMS.diffStepLimit,
          { name: y['name'] as string },
        );
        this.condition(q, '/when', 'requirement', TERMS.diffStepWhen, { name: y['name'] as string });
        this.rest(q, x, y, new Set(['id', 'limit', 'when']));
      },
    });
    this.keyed(p, 'conditions', b.conditions, h.conditions, {
      added: (x, q) =>
        this.emit('burden-increased', TERMS.diffConditionAdded, { text: x['text'] as string }, q),
      removed: (x, q) =>
        this.emit('burden-reduced', TERMS.diffConditionRemoved, { text: x['text'] as string }, q),
      both: (x, y, q) => {
        this.condition(q, '/when', 'requirement', TERMS.diffConditionWhen, { name: y['text'] as string });
        this.rest(q, x, y, new Set(['id', 'when']));
      },
    });
    this.keyed(p, 'fields', b.fields, h.fields, {
      key: (x) => x['field'] as string,
      added: (x, q) =>
        x['required'] !== false
          ? this.emit('burden-increased', TERMS.diffFieldAdded, { name: fieldName(x) }, q)
          : this.emit('neutral', TERMS.diffOptionalFieldAdded, { name: fieldName(x) }, q),
      removed: (x, q) =>
        this.emit(
          x['required'] !== false ? 'burden-reduced' : 'neutral',
          TERMS.diffFieldRemoved,
          { name: fieldName(x) },
          q,
        ),
      both: (x, y, q) => {
        if ((x['required'] !== false) !== (y['required'] !== false))
          this.emit(
            y['required'] !== false ? 'burden-increased' : 'burden-reduced',
            y['required'] !== false ? TERMS.diffFieldNowRequired : TERMS.diffFieldNowOptional,
            { name: fieldName(y) },
            q,
            { base: `${q.basePointer}/required`, head: `${q.headPointer}/required` },
            undefined,
            '/required',
          );
        this.condition(q, '/when', 'requirement', TERMS.diffFieldWhen, { name: fieldName(y) });
        this.rest(q, x, y, new Set(['field', 'required', 'when']));
      },
    });
    this.keyed(p, 'specialProcedures', b.specialProcedures, h.specialProcedures, {
      added: (x, q) =>
        this.emit('burden-increased', TERMS.diffSpecialAdded, { name: x['name'] as string }, q),
      removed: (x, q) =>
        this.emit('burden-reduced', TERMS.diffSpecialRemoved, { name: x['name'] as string }, q),
      both: (x, y, q) => {
        this.duration(
          q,
          'limit',
          x['limit'] as string | undefined,
          y['limit'] as string | undefined,
          TERMS.diffStepLimit,
          { name: y['name'] as string },
        );
        this.rest(q, x, y, new Set(['id', 'limit']));
      },
    });
    this.keyed(p, 'basis', b.basis, h.basis, {
      added: (x, q) => this.emit('neutral', TERMS.diffBasisAdded, { citation: x['citation'] as string }, q),
      removed: (x, q) =>
        this.emit('neutral', TERMS.diffBasisRemoved, { citation: x['citation'] as string }, q),
      both: (x, y, q) => this.rest(q, x, y, new Set(['id'])),
    });
    this.keyed(p, 'faq', b.faq, h.faq, {
      added: (x, q) => this.emit('editorial', TERMS.diffFaqAdded, { text: x['question'] as string }, q),
      removed: (x, q) => this.emit('editorial', TERMS.diffFaqRemoved, { text: x['question'] as string }, q),
      both: (x, y, q) => this.rest(q, x, y, new Set(['id'])),
    });
    this.duration(
      p,
      'promisedLimit',
      b.promisedLimit,
      h.promisedLimit,
      TERMS.diffLimit,
      { element: titleAt('Matter', '/promisedLimit') },
      D.longerPromise,
    );
    this.duration(p, 'statutoryLimit', b.statutoryLimit, h.statutoryLimit, TERMS.diffLimit, {
      element: titleAt('Matter', '/statutoryLimit'),
    });
    this.count(p, 'visits', b.visits, h.visits);
    this.fee(p, b, h);
    this.levels(p, 'onlineDepth', b.onlineDepth, h.onlineDepth, D.lowerOnlineDepth);
    this.levels(p, 'handlingForms', b.handlingForms, h.handlingForms);
    if (b.fullyOnline !== h.fullyOnline && (b.fullyOnline === true || h.fullyOnline === true)) {
      const lost = b.fullyOnline === true;
      this.emit(
        lost ? 'burden-increased' : 'burden-reduced',
        lost ? TERMS.diffFullyOnlineLost : TERMS.diffFullyOnlineGained,
        {},
        p,
        { base: '/fullyOnline', head: '/fullyOnline' },
        { entry: D.lowerOnlineDepth },
        '/fullyOnline',
      );
    }
    this.condition(p, '/eligible', 'eligibility', TERMS.diffEligible, {}, D.stricterEligibility);
    this.rest(
      p,
      b as unknown as Item,
      h as unknown as Item,
      new Set([
        'kind',
        'id',
        'materials',
        'steps',
        'conditions',
        'fields',
        'specialProcedures',
        'basis',
        'faq',
        'promisedLimit',
        'statutoryLimit',
        'visits',
        'fee',
        'onlineDepth',
        'handlingForms',
        'fullyOnline',
        'eligible',
      ]),
    );
  }

  private materials(p: Pair, b: Matter, h: Matter): void {
    const nameOfEntry = (x: Item, side: Revision) => {
      const catalogue = side.table.get('Material', x['material'] as string);
      return (
        (x['name'] as string | undefined) ??
        (catalogue?.schemaValid ? (catalogue.value as { name?: string }).name : undefined) ??
        (x['material'] as string)
      );
    };
    this.keyed(p, 'materials', b.materials, h.materials, {
      added: (x, q) => {
        const weight = NECESSITY_WEIGHT[x['necessity'] as string] ?? 0;
        const args = { name: nameOfEntry(x, this.head), necessity: x['necessity'] as string };
        if (weight >= NECESSITY_WEIGHT['必要']!)
          this.emit(
            'burden-increased',
            TERMS.diffMaterialAdded,
            args,
            q,
            {},
            { entry: D.addedMaterial, item: x['id'] as string },
          );
        else this.emit('neutral', TERMS.diffOptionalMaterialAdded, args, q);
      },
      removed: (x, q) => {
        const weight = NECESSITY_WEIGHT[x['necessity'] as string] ?? 0;
        this.emit(
          weight > 0 ? 'burden-reduced' : 'neutral',
          TERMS.diffMaterialRemoved,
          { name: nameOfEntry(x, this.base) },
          q,
        );
      },
      both: (x, y, q) => {
        const name = nameOfEntry(y, this.head);
        if (x['material'] !== y['material'])
          this.emit(
            'burden-increased',
            TERMS.diffMaterialReplaced,
            { from: nameOfEntry(x, this.base), to: name },
            q,
            { base: `${q.basePointer}/material`, head: `${q.headPointer}/material` },
            { entry: D.addedMaterial, item: y['id'] as string },
            '/material',
          );
        const wb = NECESSITY_WEIGHT[x['necessity'] as string] ?? 0;
        const wh = NECESSITY_WEIGHT[y['necessity'] as string] ?? 0;
        if (wb !== wh)
          this.emit(
            wh > wb ? 'burden-increased' : 'burden-reduced',
            TERMS.diffNecessity,
            { name, from: x['necessity'] as string, to: y['necessity'] as string },
            q,
            { base: `${q.basePointer}/necessity`, head: `${q.headPointer}/necessity` },
            { entry: D.addedMaterial, item: y['id'] as string },
            '/necessity',
          );
        for (const key of ['originals', 'copies'] as const) {
          const from = (x[key] as number | undefined) ?? 0;
          const to = (y[key] as number | undefined) ?? 0;
          if (from !== to)
            this.emit(
              to > from ? 'burden-increased' : 'burden-reduced',
              TERMS.diffCopies,
              { name, element: titleAt('Matter', `/materials/0/${key}`), from, to },
              q,
              { base: `${q.basePointer}/${key}`, head: `${q.headPointer}/${key}` },
              { entry: D.addedMaterial, item: y['id'] as string },
              `/${key}`,
            );
        }
        this.condition(
          q,
          '/when',
          'requirement',
          TERMS.diffMaterialWhen,
          { name },
          wh >= 3 ? D.addedMaterial : undefined,
          y['id'] as string,
        );
        this.rest(q, x, y, new Set(['id', 'material', 'necessity', 'originals', 'copies', 'when']));
      },
    });
  }

  private fee(p: Pair, b: Matter, h: Matter): void {
    const charged = (m: Matter) => m.fee?.charged === true;
    if ((b.fee === undefined && h.fee === undefined) || (p.cross && b.fee === undefined)) return;
    if (charged(b) !== charged(h)) {
      const now = charged(h);
      this.emit(
        now ? 'burden-increased' : 'burden-reduced',
        now ? TERMS.diffFeeNowCharged : TERMS.diffFeeNowFree,
        {},
        p,
        { base: b.fee ? '/fee/charged' : '/name', head: h.fee ? '/fee/charged' : '/name' },
        { entry: D.addedFee },
        '/fee/charged',
      );
    }
    const fp = { ...p, basePointer: '/fee', headPointer: '/fee', path: `${p.path}/fee` };
    this.keyed(fp, 'items', charged(b) ? b.fee?.items : [], charged(h) ? h.fee?.items : [], {
      added: (x, q) =>
        this.emit(
          'burden-increased',
          TERMS.diffFeeItemAdded,
          { name: x['name'] as string, standard: x['standard'] as string },
          q,
          {},
          { entry: D.addedFee, item: x['id'] as string },
        ),
      removed: (x, q) =>
        this.emit('burden-reduced', TERMS.diffFeeItemRemoved, { name: x['name'] as string }, q),
      both: (x, y, q) => {
        if (x['standard'] !== y['standard']) {
          const direction = amountDirection(x['standard'] as string, y['standard'] as string);
          const cls: ChangeClass =
            direction > 0 ? 'burden-increased' : direction < 0 ? 'burden-reduced' : 'neutral';
          this.emit(
            cls,
            TERMS.diffFeeStandard,
            { name: y['name'] as string, from: x['standard'] as string, to: y['standard'] as string },
            q,
            { base: `${q.basePointer}/standard`, head: `${q.headPointer}/standard` },
            { entry: D.addedFee, item: y['id'] as string },
            '/standard',
          );
        }
        this.rest(q, x, y, new Set(['id', 'standard']));
      },
    });
    this.rest(fp, (b.fee ?? {}) as Item, (h.fee ?? {}) as Item, new Set(['charged', 'items']));
  }

  private bundle(p: Pair): void {
    const b = p.base.value as unknown as Bundle;
    const h = p.head.value as unknown as Bundle;
    const matterName = (id: string, side: Revision) => {
      const d = side.table.get('Matter', id);
      return d?.schemaValid ? nameOf(d) : id;
    };
    this.keyed(p, 'components', b.components, h.components, {
      added: (x, q) =>
        this.emit(
          'neutral',
          TERMS.diffComponentAdded,
          { name: matterName(x['matter'] as string, this.head) },
          q,
        ),
      removed: (x, q) =>
        this.emit(
          'burden-increased',
          TERMS.diffComponentRemoved,
          { name: matterName(x['matter'] as string, this.base) },
          q,
          {},
          { entry: D.droppedComponent, item: x['id'] as string },
        ),
      both: (x, y, q) => {
        const name = matterName(y['matter'] as string, this.head);
        if (Boolean(x['optional']) !== Boolean(y['optional'])) {
          const nowRequired = y['optional'] !== true;
          this.emit(
            nowRequired ? 'burden-increased' : 'burden-reduced',
            nowRequired ? TERMS.diffComponentNowRequired : TERMS.diffComponentNowOptional,
            { name },
            q,
            { base: `${q.basePointer}/optional`, head: `${q.headPointer}/optional` },
            undefined,
            '/optional',
          );
        }
        if (x['matter'] !== y['matter']) {
          this.emit(
            'neutral',
            TERMS.diffComponentMatter,
            { name, from: x['matter'] as string, to: y['matter'] as string },
            q,
            { base: `${q.basePointer}/matter`, head: `${q.headPointer}/matter` },
            undefined,
            '/matter',
          );
          // The effective matter changed: what the citizen does is the new matter compared with the old.
          const bm = this.base.table.get('Matter', x['matter'] as string);
          const hm = this.head.table.get('Matter', y['matter'] as string);
          if (bm?.schemaValid && hm?.schemaValid && !same(bm.value, hm.value))
            this.matter({ ...this.pair(bm, hm, '', '', `${q.path}/matter`), cross: true });
        }
        this.condition(q, '/when', 'requirement', TERMS.diffComponentWhen, { name });
        this.rest(q, x, y, new Set(['id', 'matter', 'optional', 'when']));
      },
    });
    this.duration(
      p,
      'promisedLimit',
      b.promisedLimit,
      h.promisedLimit,
      TERMS.diffLimit,
      { element: titleAt('Bundle', '/promisedLimit') },
      D.longerPromise,
    );
    this.count(p, 'visits', b.visits, h.visits);
    this.levels(p, 'modes', b.modes, h.modes);
    this.condition(p, '/eligible', 'eligibility', TERMS.diffEligible, {}, D.stricterEligibility);
    this.rest(
      p,
      b as unknown as Item,
      h as unknown as Item,
      new Set(['kind', 'id', 'components', 'promisedLimit', 'visits', 'modes', 'eligible']),
    );
  }

  private list(p: Pair): void {
    const b = p.base.value as unknown as List;
    const h = p.head.value as unknown as List;
    this.keyed(p, 'waivers', b.waivers, h.waivers, {
      added: (x, q) =>
        this.emit(
          'neutral',
          TERMS.diffWaiverAdded,
          { id: x['id'] as string, code: x['code'] as string, subject: x['subject'] as string },
          q,
        ),
      removed: (x, q) => this.emit('neutral', TERMS.diffWaiverRemoved, { id: x['id'] as string }, q),
      both: (x, y, q) => this.rest(q, x, y, new Set(['id'])),
    });
    // Items are compared through the effective lists (lists()); here only their order and the rest.
    const order = (l: List) => (l.items ?? []).map((i) => i.id);
    const common = new Set(order(b).filter((id) => order(h).includes(id)));
    const bo = order(b).filter((id) => common.has(id));
    const ho = order(h).filter((id) => common.has(id));
    if (!same(bo, ho))
      this.emit(
        'editorial',
        TERMS.diffOrder,
        { element: titleAt('List', '/items') },
        p,
        { base: '/items', head: '/items' },
        undefined,
        '/items',
      );
    this.rest(p, b as unknown as Item, h as unknown as Item, new Set(['kind', 'id', 'items', 'waivers']));
  }

  private material(p: Pair): void {
    const b = p.base.value as Item;
    const h = p.head.value as Item;
    for (const key of ['shareable', 'eLicense'] as const) {
      if (Boolean(b[key]) === Boolean(h[key])) continue;
      const gained = h[key] === true;
      this.emit(
        gained ? 'burden-reduced' : 'burden-increased',
        gained ? TERMS.diffMaterialShared : TERMS.diffMaterialNotShared,
        { name: h['name'] as string, element: titleAt('Material', `/${key}`) },
        p,
        { base: `/${key}`, head: `/${key}` },
        undefined,
        `/${key}`,
      );
    }
    this.rest(p, b, h, new Set(['kind', 'id', 'shareable', 'eLicense']));
  }

  // ── effective lists ──────────────────────────────────────────────────────────────────────────

  /** Items of every list's effective list, by identity: added, dropped, or now served by another bundle. */
  lists(): void {
    const ids = new Set(
      [...byId(this.base.documents, 'List')]
        .filter(([id, d]) => d.schemaValid && byId(this.head.documents, 'List').get(id)?.schemaValid)
        .map(([id]) => id),
    );
    for (const id of [...ids].sort()) {
      const bDoc = this.base.table.get('List', id)!;
      const hDoc = this.head.table.get('List', id)!;
      const before = effectiveList(this.base.table, id);
      const after = effectiveList(this.head.table, id);
      const uncertain = this.uncertainItems(before, after);
      for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
        if (uncertain.has(key)) continue;
        const bi = before.get(key);
        const hi = after.get(key);
        const p: Pair = {
          base: bDoc,
          head: hDoc,
          path: `List:${id}/items/${key}`,
          basePointer: '/items',
          headPointer: '/items',
          subject: id,
        };
        const ownLayer = (item: EffectiveItem | undefined) => item?.layers.filter((l) => l.list === id).pop();
        const nationalOuter = (item: EffectiveItem) =>
          (item.layers[0]!.doc.value as unknown as List).level === '国家' && item.layers[0]!.list !== id;
        // The coverage law asks each list to implement the national items itself: an item the list
        // stops implementing is dropped even though the national layer still lists it.
        if (bi && nationalOuter(bi) && ownLayer(bi) && !ownLayer(hi)) {
          const outer = bi.layers[0]!;
          this.emit(
            'burden-increased',
            TERMS.diffNationalItemDropped,
            {
              name: bundleName(this.base.table, bi.bundle),
              list: (outer.doc.value as unknown as List).name,
            },
            p,
            { base: `/items/${ownLayer(bi)!.index}`, head: '/items' },
            { entry: D.nationalItemMissing, item: outer.item },
          );
          continue;
        }
        if (bi && !hi) {
          const where = {
            base: ownLayer(bi) ? `/items/${ownLayer(bi)!.index}` : '/extends',
            head: '/items',
          };
          if (nationalOuter(bi))
            this.emit(
              'burden-increased',
              TERMS.diffNationalItemDropped,
              {
                name: bundleName(this.base.table, bi.bundle),
                list: (bi.layers[0]!.doc.value as unknown as List).name,
              },
              p,
              where,
              { entry: D.nationalItemMissing, item: bi.layers[0]!.item },
            );
          else
            this.emit(
              'neutral',
              TERMS.diffLocalItemDropped,
              { name: bundleName(this.base.table, bi.bundle) },
              p,
              where,
            );
        } else if (hi && !bi) {
          const where = {
            base: '/items',
            head: ownLayer(hi) ? `/items/${ownLayer(hi)!.index}` : '/extends',
          };
          this.emit(
            'neutral',
            TERMS.diffItemAdded,
            { name: bundleName(this.head.table, hi.bundle) },
            p,
            where,
          );
        } else if (bi && hi && nationalOuter(bi) && !ownLayer(bi) && ownLayer(hi)) {
          // The list now implements a national item it only inherited: compared by the refinement law.
          this.emit(
            'neutral',
            TERMS.diffItemImplemented,
            { name: bundleName(this.head.table, hi.bundle), bundle: hi.bundle },
            p,
            { base: '/extends', head: `/items/${ownLayer(hi)!.index}` },
          );
        } else if (bi && hi && bi.bundle !== hi.bundle) {
          const bl = bi.layers[bi.layers.length - 1]!;
          const hl = hi.layers[hi.layers.length - 1]!;
          const q: Pair = {
            ...p,
            base: bl.doc,
            head: hl.doc,
            basePointer: `/items/${bl.index}/bundle`,
            headPointer: `/items/${hl.index}/bundle`,
          };
          this.emit(
            'neutral',
            TERMS.diffItemBundle,
            { name: bundleName(this.head.table, hi.bundle), from: bi.bundle, to: hi.bundle },
            q,
          );
          const bb = this.base.table.get('Bundle', bi.bundle);
          const hb = this.head.table.get('Bundle', hi.bundle);
          if (bb?.schemaValid && hb?.schemaValid)
            this.bundle({ ...this.pair(bb, hb, '', '', `${p.path}/bundle`), cross: true });
        }
      }
    }
  }

  /**
   * Items of an effective list whose identity is not known, by key: a bundle or list they go through
   * was not compared on one side (it failed the schema, or its file could not be read). Such a bundle
   * has no known `refines`, so its item would seem dropped under its parent's key and new under its
   * own; MC7120 names the document instead. An item sharing a bundle with an uncertain one, on either
   * side, is uncertain too (the same item under its other key).
   */
  private uncertainItems(
    before: ReadonlyMap<string, EffectiveItem>,
    after: ReadonlyMap<string, EffectiveItem>,
  ): Set<string> {
    const items = [...before.values(), ...after.values()];
    const bundles = (item: EffectiveItem) => [item.key, ...item.layers.map((l) => l.bundle)];
    const unknown = new Set<string>();
    const keys = new Set<string>();
    for (const item of items) {
      if (
        bundles(item).some((b) => this.skipped.documents.has(`Bundle:${b}`)) ||
        item.layers.some((l) => this.skipped.documents.has(`List:${l.list}`))
      ) {
        keys.add(item.key);
        for (const b of bundles(item)) unknown.add(b);
      }
    }
    for (let grew = true; grew;) {
      grew = false;
      for (const item of items) {
        if (keys.has(item.key) || !bundles(item).some((b) => unknown.has(b))) continue;
        keys.add(item.key);
        for (const b of bundles(item)) unknown.add(b);
        grew = true;
      }
    }
    return keys;
  }

  /**
   * A file whose text changed while nothing in it changed meaning: comments, layout or quoting. A file
   * that was not compared is not called unchanged in meaning: what changed in it is unknown (MC7120).
   */
  formatting(): void {
    const files = (r: Revision) => {
      const map = new Map<string, Doc>();
      for (const d of r.documents) if (!map.has(d.source.path)) map.set(d.source.path, d);
      return map;
    };
    const before = files(this.base);
    const after = files(this.head);
    for (const [path, h] of after) {
      const b = before.get(path);
      if (!b || b.source.text === h.source.text || this.touched.has(path) || this.skipped.files.has(path))
        continue;
      if (this.out.some((c) => c.head?.source.path === path || c.base?.source.path === path)) continue;
      this.out.push({
        class: 'editorial',
        what: template(TERMS.diffFormatting),
        path: `${path}#text`,
        base: { source: b.source, range: { start: 0, end: 0 } },
        head: { source: h.source, range: { start: 0, end: 0 } },
      });
    }
  }

  // ── element rules ────────────────────────────────────────────────────────────────────────────

  /** An array of items with ids: added, removed, changed (by id) and reordered. */
  private keyed(
    p: Pair,
    key: string,
    before: readonly object[] | undefined,
    after: readonly object[] | undefined,
    on: {
      key?: (x: Item) => string;
      /** `q` points at the list on the base side and at the new item on the head side. */
      added(x: Item, q: Pair): void;
      /** `q` points at the removed item on the base side and at the list on the head side. */
      removed(x: Item, q: Pair): void;
      both(x: Item, y: Item, q: Pair): void;
    },
  ): void {
    if (p.cross && before === undefined) return;
    const keyOf = on.key ?? ((x: Item) => x['id'] as string);
    const b = (before ?? []) as Item[];
    const h = (after ?? []) as Item[];
    const bIndex = new Map(b.map((x, i) => [keyOf(x), i]));
    const hIndex = new Map(h.map((x, i) => [keyOf(x), i]));
    const hp = (i: number) => `${p.headPointer}/${key}/${i}`;
    const bp = (i: number) => `${p.basePointer}/${key}/${i}`;
    const sub = (id: string): Pair => ({
      ...p,
      item: id,
      path: `${p.path}/${key}/${id}`,
      basePointer: bp(bIndex.get(id)!),
      headPointer: hp(hIndex.get(id)!),
    });
    h.forEach((x, i) => {
      const id = keyOf(x);
      if (!bIndex.has(id))
        on.added(x, {
          ...p,
          path: `${p.path}/${key}/${id}`,
          item: id,
          basePointer: `${p.basePointer}/${key}`,
          headPointer: hp(i),
        });
    });
    b.forEach((x, i) => {
      const id = keyOf(x);
      if (!hIndex.has(id))
        on.removed(x, {
          ...p,
          path: `${p.path}/${key}/${id}`,
          item: id,
          basePointer: bp(i),
          headPointer: `${p.headPointer}/${key}`,
        });
    });
    for (const [id, j] of hIndex) {
      const i = bIndex.get(id);
      if (i === undefined || same(b[i], h[j])) continue;
      on.both(b[i]!, h[j]!, sub(id));
    }
    const common = (xs: Item[], other: Map<string, number>) => xs.map(keyOf).filter((id) => other.has(id));
    if (!same(common(b, hIndex), common(h, bIndex)))
      this.emit(
        'editorial',
        TERMS.diffOrder,
        { element: titleAt(p.head.kind, `/${key}`) },
        p,
        { base: `${p.basePointer}/${key}`, head: `${p.headPointer}/${key}` },
        undefined,
        `/${key}`,
      );
  }

  /** A time limit: longer is a burden, shorter a relief, the same length written differently is wording. */
  private duration(
    p: Pair,
    key: string,
    before: string | undefined,
    after: string | undefined,
    template: Text,
    args: Args,
    law?: CatalogueEntry,
  ): void {
    if (before === after || (p.cross && before === undefined)) return;
    const where = { base: `${p.basePointer}/${key}`, head: `${p.headPointer}/${key}` };
    const full = { ...args, from: before ?? '—', to: after ?? '—' };
    const a = before === undefined ? undefined : parseDuration(before);
    const b = after === undefined ? undefined : parseDuration(after);
    let cls: ChangeClass;
    if (a && b)
      cls = certainlyLonger(b, a)
        ? 'burden-increased'
        : certainlyLonger(a, b)
          ? 'burden-reduced'
          : same(a, b)
            ? 'editorial'
            : 'neutral';
    else if (a && !b && after === undefined)
      cls = 'neutral'; // no longer promised: nothing is known
    else cls = 'neutral';
    this.emit(cls, template, full, p, where, law ? { entry: law } : undefined, `/${key}`);
  }

  private count(p: Pair, key: 'visits', before: number | undefined, after: number | undefined): void {
    if (before === after || (p.cross && before === undefined)) return;
    const where = { base: `${p.basePointer}/${key}`, head: `${p.headPointer}/${key}` };
    const cls: ChangeClass =
      before === undefined || after === undefined
        ? 'neutral'
        : after > before
          ? 'burden-increased'
          : 'burden-reduced';
    this.emit(
      cls,
      TERMS.diffVisits,
      { from: before ?? '—', to: after ?? '—' },
      p,
      where,
      { entry: D.moreVisits },
      `/${key}`,
    );
  }

  /** A set of options offered to the citizen (online depth, handling forms, modes): losing one is a burden. */
  private levels(
    p: Pair,
    key: string,
    before: readonly string[] | undefined,
    after: readonly string[] | undefined,
    law?: CatalogueEntry,
  ): void {
    const b = before ?? [];
    const h = after ?? [];
    const lost = b.filter((x) => !h.includes(x));
    const gained = h.filter((x) => !b.includes(x));
    const element = titleAt(p.head.kind, `/${key}`);
    const where = { base: `${p.basePointer}/${key}`, head: `${p.headPointer}/${key}` };
    if (lost.length > 0)
      this.emit(
        'burden-increased',
        TERMS.diffOptionsLost,
        { element, options: lost },
        p,
        where,
        law ? { entry: law } : undefined,
        `/${key}`,
      );
    if (gained.length > 0)
      this.emit(
        'burden-reduced',
        TERMS.diffOptionsGained,
        { element, options: gained },
        p,
        where,
        undefined,
        `/${key}`,
      );
    if (lost.length === 0 && gained.length === 0 && !same(b, h))
      this.emit('editorial', TERMS.diffOrder, { element }, p, where, undefined, `/${key}`);
  }

  /**
   * A condition's change by meaning: for a requirement (`when` of a material, step…) applying to more
   * applicants is a burden; for eligibility admitting fewer is. Equivalent rewrites are wording.
   */
  private condition(
    p: Pair,
    key: '/when' | '/eligible',
    role: 'requirement' | 'eligibility',
    template: Text,
    args: Args,
    law?: CatalogueEntry,
    item?: string,
  ): void {
    const before = readAt(p.base.value, `${p.basePointer}${key}`);
    const hv = readAt(p.head.value, `${p.headPointer}${key}`);
    if (before === hv || (p.cross && before === undefined)) return;
    const bc = this.compiled(this.base, p.base, `${p.basePointer}${key}`, before);
    const hc = this.compiled(this.head, p.head, `${p.headPointer}${key}`, hv);
    const where = {
      base: before === undefined ? p.basePointer || '/name' : `${p.basePointer}${key}`,
      head: hv === undefined ? p.headPointer || '/name' : `${p.headPointer}${key}`,
    };
    const full = {
      ...args,
      from: (before as string | undefined) ?? TERMS.diffEveryone,
      to: (hv as string | undefined) ?? TERMS.diffEveryone,
    };
    let cls: ChangeClass = 'neutral';
    if (bc !== null && hc !== null) {
      const env: Environment = {
        lookup: (path) => hc.env?.lookup(path) ?? bc.env?.lookup(path),
        candidates: () => [],
      };
      // "wider": someone the head condition covers that the base did not.
      const wider = holds(andNot(hc.ast, bc.ast), env);
      const narrower = holds(andNot(bc.ast, hc.ast), env);
      if (wider === undefined || narrower === undefined) cls = 'neutral';
      else if (!wider && !narrower) cls = 'editorial';
      else if (role === 'requirement') cls = wider ? 'burden-increased' : 'burden-reduced';
      else cls = narrower ? 'burden-increased' : 'burden-reduced';
    }
    this.emit(
      cls,
      template,
      full,
      p,
      where,
      law ? { entry: law, ...(item !== undefined ? { item } : {}) } : undefined,
      key,
    );
  }

  /** The compiled condition at a pointer; `true` (everyone) when absent; null when it did not compile. */
  private compiled(
    side: Revision,
    doc: Doc,
    pointer: string,
    text: Json,
  ): { ast: Expr; env?: Environment } | null {
    if (text === undefined) return { ast: TRUE };
    const c = side.conditions.find((x) => x.doc === doc && x.pointer === pointer);
    return c ? { ast: c.ast, env: c.env } : null;
  }
}

const SPAN = { start: 0, end: 0 };
const TRUE: Expr = { type: 'literal', kind: 'boolean', value: true, span: SPAN };
const andNot = (a: Expr, b: Expr): Expr => ({
  type: 'and',
  left: a,
  right: { type: 'not', arg: b, span: SPAN },
  span: SPAN,
});

function holds(e: Expr, env: Environment): boolean | undefined {
  return satisfiable(e, env)?.satisfiable;
}

function readAt(value: Json, pointer: string): Json {
  let v = value;
  for (const part of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, Json>)[part];
  }
  return v;
}

/**
 * Which way a fee standard moved, from the amounts written in it: +1 when some amount rose and none
 * fell, -1 when some fell and none rose, 0 when it cannot be told (different wording, different counts).
 */
export function amountDirection(before: string, after: string): number {
  const amounts = (s: string) => [...s.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  const a = amounts(before);
  const b = amounts(after);
  if (a.length === 0 || a.length !== b.length) return 0;
  const up = b.some((x, i) => x > a[i]!);
  const down = b.some((x, i) => x < a[i]!);
  return up && !down ? 1 : down && !up ? -1 : 0;
}

function nameOf(doc: Doc): string {
  const v = doc.value as Item;
  return (v['name'] as string | undefined) ?? (v['title'] as string | undefined) ?? doc.id ?? '?';
}

function bundleName(table: SymbolTable, id: string): string {
  const d = table.get('Bundle', id);
  return d?.schemaValid ? nameOf(d) : id;
}

function fieldName(x: Item): string {
  return (x['label'] as string | undefined) ?? (x['field'] as string);
}

function kindName(kind: Kind): Text {
  return TERMS[`kind${kind}` as keyof typeof TERMS] as Text;
}
