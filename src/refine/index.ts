import { D } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Expr } from '../language/condition/ast.js';
import type { Environment } from '../language/condition/types.js';
import type { CompiledCondition } from '../link/conditions.js';
import type { SymbolTable } from '../link/link.js';
import type { Doc } from '../model/document.js';
import type { Bundle } from '../model/types.js';
import { REFINEMENT_LAW, reporter } from './law.js';
import { checkLists, refinement } from './lists.js';
import type { Violation } from './violation.js';
import { applyWaivers } from './waivers.js';

export { type EffectiveItem, effectiveList, implementsBundle, refinement, refinesChain } from './lists.js';
export { REFINEMENT_LAW } from './law.js';

/**
 * Refine phase: every matter and bundle that refines a parent keeps the refinement law; lists cover
 * the national lists they extend; waivers turn approved deviations into warnings. Documents with
 * schema or link errors are neither judged nor used to judge others (`table.sound`): they are left out.
 */
export function checkRefinements(
  docs: readonly Doc[],
  table: SymbolTable,
  conditions: readonly CompiledCondition[],
  today: string,
  out: Diagnostic[],
): void {
  const eligibility = new Map<string, { ast: Expr; env: Environment }>();
  for (const c of conditions)
    if (c.pointer === '/eligible') eligibility.set(`${c.doc.kind}:${c.doc.id}`, { ast: c.ast, env: c.env });
  const violations: Violation[] = [];
  for (const local of docs) {
    if (local.kind !== 'Matter' && local.kind !== 'Bundle') continue;
    const parentId = (local.value as { refines?: unknown }).refines;
    if (parentId === undefined) continue;
    if (!table.isSound(local)) {
      table.leaveOut(local);
      continue;
    }
    const parent = table.sound(local.kind, parentId as string);
    if (!parent) continue;
    const ctx = {
      local,
      parent,
      eligibility,
      materialName: (id: string) => {
        const m = table.get('Material', id);
        return m?.schemaValid ? (m.value as { name?: string }).name : undefined;
      },
      report: reporter(local, parent, violations),
    };
    for (const row of REFINEMENT_LAW) if (row.kinds.includes(local.kind)) row.check(ctx);
    if (local.kind === 'Bundle') checkComponentCorrespondence(local, parent, table, ctx.report);
  }
  checkLists(table, violations);
  applyWaivers(table, violations, today, out);
}

/** A component with the parent's component id must use the parent's matter or one refining it. */
function checkComponentCorrespondence(
  local: Doc,
  parent: Doc,
  table: SymbolTable,
  report: ReturnType<typeof reporter>,
): void {
  const parentComponents = new Map(
    ((parent.value as unknown as Bundle).components ?? []).map((c, j) => [c.id, { c, j }]),
  );
  ((local.value as unknown as Bundle).components ?? []).forEach((c, i) => {
    const p = parentComponents.get(c.id);
    if (!p || c.matter === p.c.matter) return;
    const { chain, complete } = refinement(table, 'Matter', c.matter);
    if (chain.includes(p.c.matter) || !complete) return;
    report(
      D.componentNotRefining,
      `/components/${i}/matter`,
      { component: c.id, parentMatter: p.c.matter, matter: c.matter },
      `/components/${p.j}/matter`,
      c.id,
    );
  });
}
