import { D, TERMS } from '../diagnostics/catalogue.js';
import { type Args, type EntryArgs, type Related, template } from '../diagnostics/diagnostic.js';
import type { CatalogueEntry } from '../diagnostics/catalogue.js';
import { satisfiable } from '../language/condition/analyze.js';
import type { Expr } from '../language/condition/ast.js';
import type { Environment } from '../language/condition/types.js';
import { certainlyLonger, parseDuration } from '../language/duration.js';
import type { Doc } from '../model/document.js';
import type { Matter } from '../model/types.js';
import type { Violation } from './violation.js';

/**
 * The refinement law, written once: for each element of a matter or bundle, the relation a local
 * refinement must keep with its parent, in the citizen's direction (DESIGN.md §4), and the code of a
 * violation. An element the parent leaves unspecified constrains nothing ("not specified nationally"
 * is not "none").
 */
export interface LawRow {
  readonly element: string;
  readonly kinds: readonly ('Matter' | 'Bundle')[];
  /** The relation, local ⟂ parent, as documentation and for `matterc explain`-style tables. */
  readonly relation: string;
  readonly entry: CatalogueEntry;
  check(ctx: RefinementContext): void;
}

export interface RefinementContext {
  readonly local: Doc;
  readonly parent: Doc;
  /** Compiled `eligible` conditions by `${kind}:${id}` with the environment they were checked in. */
  readonly eligibility: ReadonlyMap<string, { ast: Expr; env: Environment }>;
  /** The catalogue name of a material, to name it in messages. */
  materialName(id: string): string | undefined;
  report<E extends CatalogueEntry>(
    entry: E,
    pointer: string,
    args: EntryArgs<E>,
    parentPointer: string | undefined,
    item?: string,
  ): void;
}

const APPROVAL_PHASES = new Set(['审查', '决定']);

const required = (m: Matter) =>
  new Set((m.materials ?? []).filter((x) => x.necessity === '必要').map((x) => x.material));

export const REFINEMENT_LAW: readonly LawRow[] = [
  {
    element: 'materials',
    kinds: ['Matter'],
    relation: 'required(local) ⊆ required(parent)',
    entry: D.addedMaterial,
    check(ctx) {
      const local = ctx.local.value as unknown as Matter;
      const parent = ctx.parent.value as unknown as Matter;
      if (parent.materials === undefined) return;
      const allowed = required(parent);
      (local.materials ?? []).forEach((mat, i) => {
        if (mat.necessity !== '必要' || allowed.has(mat.material)) return;
        const j = parent.materials!.findIndex((p) => p.material === mat.material);
        const catalogue = ctx.materialName(mat.material);
        // At the entry (as waivers match entries), related to the parent's optional entry or its list.
        ctx.report(
          D.addedMaterial,
          `/materials/${i}`,
          { material: mat.name ?? catalogue ?? mat.material },
          j >= 0 ? `/materials/${j}/necessity` : '/materials',
          mat.id,
        );
      });
    },
  },
  {
    element: 'promisedLimit',
    kinds: ['Matter', 'Bundle'],
    relation: 'promisedLimit(local) ≤ promisedLimit(parent)',
    entry: D.longerPromise,
    check(ctx) {
      const local = (ctx.local.value as { promisedLimit?: string }).promisedLimit;
      const parent = (ctx.parent.value as { promisedLimit?: string }).promisedLimit;
      if (local === undefined || parent === undefined) return;
      const a = parseDuration(local);
      const b = parseDuration(parent);
      if (a && b && certainlyLonger(a, b))
        ctx.report(D.longerPromise, '/promisedLimit', { local, parent }, '/promisedLimit');
    },
  },
  {
    element: 'visits',
    kinds: ['Matter', 'Bundle'],
    relation: 'visits(local) ≤ visits(parent)',
    entry: D.moreVisits,
    check(ctx) {
      const local = (ctx.local.value as { visits?: number }).visits;
      const parent = (ctx.parent.value as { visits?: number }).visits;
      if (local !== undefined && parent !== undefined && local > parent)
        ctx.report(D.moreVisits, '/visits', { local, parent }, '/visits');
    },
  },
  {
    element: 'fee',
    kinds: ['Matter'],
    relation: 'fee items(local) ⊆ fee items(parent); free stays free',
    entry: D.addedFee,
    check(ctx) {
      const local = (ctx.local.value as unknown as Matter).fee;
      const parent = (ctx.parent.value as unknown as Matter).fee;
      if (!parent || !local?.charged) return;
      if (!parent.charged) {
        ctx.report(D.addedFee, '/fee/charged', { item: '' }, '/fee/charged');
        return;
      }
      const ids = new Set((parent.items ?? []).map((x) => x.id));
      (local.items ?? []).forEach((item, i) => {
        if (!ids.has(item.id))
          ctx.report(
            D.addedFee,
            `/fee/items/${i}`,
            { item: template(TERMS.feeItemSuffix, { name: item.name }) },
            '/fee',
            item.id,
          );
      });
    },
  },
  {
    element: 'onlineDepth',
    kinds: ['Matter'],
    relation: 'onlineDepth(local) ⊇ onlineDepth(parent); fullyOnline kept',
    entry: D.lowerOnlineDepth,
    check(ctx) {
      const local = ctx.local.value as unknown as Matter;
      const parent = ctx.parent.value as unknown as Matter;
      const missing = (parent.onlineDepth ?? []).filter((d) => !(local.onlineDepth ?? []).includes(d));
      if (missing.length > 0) {
        ctx.report(
          D.lowerOnlineDepth,
          local.onlineDepth !== undefined ? '/onlineDepth' : '/name',
          { missing },
          '/onlineDepth',
        );
      }
      if (parent.fullyOnline === true && local.fullyOnline !== true) {
        const at = local.fullyOnline !== undefined ? '/fullyOnline' : '/name';
        ctx.report(D.lowerOnlineDepth, at, { missing: ['全程网办（Ⅳ级）'] }, '/fullyOnline');
      }
    },
  },
  {
    element: 'steps',
    kinds: ['Matter'],
    relation: 'approval steps (审查, 决定) of local ⊆ those of parent, by step id',
    entry: D.addedApprovalStep,
    check(ctx) {
      const local = ctx.local.value as unknown as Matter;
      const parent = ctx.parent.value as unknown as Matter;
      if (parent.steps === undefined) return;
      const ids = new Set(parent.steps.map((s) => s.id));
      (local.steps ?? []).forEach((step, i) => {
        if (APPROVAL_PHASES.has(step.phase) && !ids.has(step.id)) {
          ctx.report(
            D.addedApprovalStep,
            `/steps/${i}`,
            { step: step.name, phase: step.phase },
            '/steps',
            step.id,
          );
        }
      });
    },
  },
  {
    element: 'eligible',
    kinds: ['Matter', 'Bundle'],
    relation: 'eligible(parent) ⇒ eligible(local) (no applicant admitted by the parent is refused)',
    entry: D.stricterEligibility,
    check(ctx) {
      const parent = ctx.eligibility.get(`${ctx.parent.kind}:${ctx.parent.id}`);
      const local = ctx.eligibility.get(`${ctx.local.kind}:${ctx.local.id}`);
      if (!parent || !local) return; // an absent local condition admits everyone: never stricter
      const span = local.ast.span;
      const env: Environment = {
        lookup: (p) => local.env.lookup(p) ?? parent.env.lookup(p),
        candidates: () => [],
      };
      const refused = satisfiable(
        { type: 'and', left: parent.ast, right: { type: 'not', arg: local.ast, span }, span },
        env,
      );
      if (refused?.satisfiable) {
        const witness = Object.entries(refused.witness).map(([k, v]) =>
          v === null ? template(TERMS.absentField, { path: k }) : `${k} = ${v}`,
        );
        ctx.report(D.stricterEligibility, '/eligible', { witness }, '/eligible');
      }
    },
  },
  {
    element: 'components',
    kinds: ['Bundle'],
    relation: 'components(local) ⊇ components(parent), by component id',
    entry: D.droppedComponent,
    check(ctx) {
      keepsParentItems(ctx, 'components', D.droppedComponent, (c: { id: string }) => ({ component: c.id }));
    },
  },
  {
    element: 'basis',
    kinds: ['Matter'],
    relation: 'basis(local) ⊇ basis(parent), by basis id',
    entry: D.droppedBasis,
    check(ctx) {
      keepsParentItems(ctx, 'basis', D.droppedBasis, (b: { id: string; citation: string }) => ({
        basis: b.citation,
      }));
    },
  },
];

/**
 * Every item of the parent's list `key` must still be in the local list (matched by id); each one
 * missing is reported at the local list (or the name when the list is absent), related to the parent's item.
 */
function keepsParentItems<T extends { id: string }, E extends CatalogueEntry>(
  ctx: RefinementContext,
  key: 'components' | 'basis',
  entry: E,
  args: (item: T) => EntryArgs<E>,
): void {
  const local = (ctx.local.value as Record<string, unknown>)[key] as T[] | undefined;
  const parent = ((ctx.parent.value as Record<string, unknown>)[key] as T[] | undefined) ?? [];
  const ids = new Set((local ?? []).map((x) => x.id));
  parent.forEach((item, j) => {
    if (!ids.has(item.id))
      ctx.report(entry, local ? `/${key}` : '/name', args(item), `/${key}/${j}`, item.id);
  });
}

/** Build the report function for one (local, parent) pair. */
export function reporter(local: Doc, parent: Doc, out: Violation[]): RefinementContext['report'] {
  return (entry, pointer, args, parentPointer, item) => {
    const related: Related[] =
      parentPointer === undefined
        ? []
        : [
            {
              source: parent.source,
              range: firstLineOf(parent, parentPointer),
              label: 'parentDefinitionHere',
            },
          ];
    out.push({
      entry,
      location: {
        source: local.source,
        range: firstLineOf(
          local,
          pointer,
          // Lists as a whole are pointed at by their key.
          ['/steps', '/components', '/basis', '/onlineDepth'].includes(pointer),
        ),
      },
      args: args as Args,
      related,
      subject: local.id!,
      ...(item !== undefined ? { item } : {}),
      path: `${local.kind}:${local.id}${pointer}`,
    });
  };
}

function firstLineOf(doc: Doc, pointer: string, key = false) {
  const range = key
    ? (doc.locator.keyRange(pointer) ?? doc.locator.nearest(pointer))
    : doc.locator.nearest(pointer);
  const nl = doc.source.text.indexOf('\n', range.start);
  return { start: range.start, end: nl >= 0 && nl < range.end ? nl : range.end };
}
