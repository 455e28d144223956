import { addDurations, type Duration, type HoursInterval, toInterval } from '../language/duration.js';
import type {
  AggregateMetric,
  Composition,
  CountMetric,
  ListMetrics,
  MergedMaterial,
  MergedStep,
  MetricName,
  Metrics,
  TimeMetric,
  Workflow,
} from './types.js';

/**
 * What metrics need of one component; an element is undefined when the matter does not give it (the
 * key is absent, or the matter is missing or not schema-valid). An empty list is known to be empty.
 */
export interface ComponentFacts {
  readonly id: string;
  /** Distinct Field ids of its form. */
  readonly fields: number | undefined;
  /** Distinct catalogue materials it lists with necessity 必要 at least once. */
  readonly materials: number | undefined;
  readonly steps: number | undefined;
  readonly visits: number | undefined;
  readonly duration: Duration | undefined;
}

export interface BundleFacts {
  readonly components: readonly ComponentFacts[];
  /** Unique Field ids of the merged form. */
  readonly mergedFields: number;
  readonly materials: readonly MergedMaterial[];
  readonly steps: readonly MergedStep[];
  readonly workflow: Workflow;
  /** The bundle's own `visits` and parsed `promisedLimit`. */
  readonly visits: number | undefined;
  readonly promised: Duration | undefined;
}

/** Percent reduction, one decimal; null when there is no "before" to compare with. */
export function reduction(before: number, after: number): number | null {
  if (!(before > 0)) return null;
  return Math.round(((before - after) / before) * 1000) / 10;
}

function count(before: number, after: number, missing: readonly string[], known: boolean): CountMetric {
  const incomplete = missing.length > 0 || !known;
  return { before, after, reduction: incomplete ? null : reduction(before, after), incomplete, missing };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * The reform's metrics, "before" = the separate matters, "after" = the bundle:
 * - forms: components whose matter has fields → 1 (0 when none has);
 * - fields: the sum of each form's fields → the merged form's unique Field ids;
 * - materials: the sum of each matter's required materials (distinct catalogue ids listed 必要 at least
 *   once; alternatives with exclusive `when` count once) → merged materials some component lists as
 *   必要 and the applicant still submits (not removed);
 * - steps: the sum of steps → one 受理, one 送达 (一窗受理、统一出件) and every other step;
 * - visits: the sum of visits → the bundle's `visits`, else the largest component's;
 * - time: every limit added up one after another → the critical path's total or the bundle's promise,
 *   whichever has the smaller shortest bound (the critical path counts only when every limit is known).
 * Counts cover every component whatever its `when`: they describe the listing, not one applicant.
 * A bundle that lists no components has nothing to measure: every metric is incomplete.
 */
export function computeMetrics(facts: BundleFacts): Metrics {
  const comps = facts.components;
  const listed = comps.length > 0;
  const missingOf = (key: 'fields' | 'materials' | 'steps' | 'visits' | 'duration'): string[] =>
    comps.filter((c) => c[key] === undefined).map((c) => c.id);
  const known = (key: 'fields' | 'materials' | 'steps' | 'visits'): number[] =>
    comps.map((c) => c[key]).filter((n): n is number => n !== undefined);

  const fieldsMissing = missingOf('fields');
  const withForm = comps.filter((c) => (c.fields ?? 0) > 0).length;
  const forms = count(withForm, withForm > 0 ? 1 : 0, fieldsMissing, listed);
  const fields = count(sum(known('fields')), facts.mergedFields, fieldsMissing, listed);

  const materials = count(
    sum(known('materials')),
    facts.materials.filter((m) => m.submitted).length,
    missingOf('materials'),
    listed,
  );

  const merged = facts.steps.length;
  const steps = count(sum(known('steps')), merged, missingOf('steps'), listed);

  const visitsKnown = known('visits');
  const visitsMissing = missingOf('visits');
  const visitsAfter = facts.visits ?? (visitsKnown.length > 0 ? Math.max(...visitsKnown) : 0);
  const visits = count(sum(visitsKnown), visitsAfter, visitsMissing, listed);

  const time = timeMetric(facts, missingOf('duration'));
  const all = { forms, fields, materials, steps, visits, time };
  const missing: Metrics['missing'] = [
    ...(listed ? [] : [{ element: 'components' as const, components: [] }]),
    ...(Object.keys(all) as MetricName[])
      .filter((k) => all[k].missing.length > 0)
      .map((element) => ({ element, components: all[element].missing })),
  ];
  return { ...all, incomplete: Object.values(all).some((m) => m.incomplete), missing };
}

function timeMetric(facts: BundleFacts, missing: readonly string[]): TimeMetric {
  const durations = facts.components.map((c) => c.duration).filter((d): d is Duration => d !== undefined);
  const before = addDurations(durations);
  const wf = facts.workflow;
  const cp = wf.criticalPath;
  let after: HoursInterval | null = null;
  let afterFrom: TimeMetric['afterFrom'] = null;
  if (cp && wf.cycles.length === 0 && wf.unknownLimits.length === 0) {
    after = cp.total;
    afterFrom = 'criticalPath';
  }
  if (facts.promised) {
    const p = toInterval(facts.promised);
    if (
      !after ||
      p.shortest < after.shortest ||
      (p.shortest === after.shortest && p.longest < after.longest)
    ) {
      after = p;
      afterFrom = 'promisedLimit';
    }
  }
  const afterKnown = after !== null;
  if (!after && cp) {
    after = cp.total;
    afterFrom = 'criticalPath';
  }
  const cyclic = wf.cycles.flatMap((c) => c.slice(0, -1));
  const gaps = [...new Set([...missing, ...(afterKnown ? [] : cyclic)])];
  const incomplete = missing.length > 0 || !afterKnown || facts.components.length === 0;
  return {
    before,
    after,
    afterFrom,
    reduction: incomplete || !after ? null : reduction(before.shortest, after.shortest),
    incomplete,
    missing: gaps,
  };
}

/**
 * Metrics over a list's bundles (pass the compositions of the bundles the list's items name). Per
 * metric, only bundles where it is complete are counted; the others are named in `incomplete`.
 */
export function listMetrics(compositions: readonly Composition[]): ListMetrics {
  const aggregate = (name: MetricName): AggregateMetric => {
    const counted: string[] = [];
    const incomplete: string[] = [];
    let before = 0;
    let after = 0;
    const reductions: number[] = [];
    for (const c of compositions) {
      const m = c.metrics[name];
      if (m.incomplete) {
        incomplete.push(c.bundle);
        continue;
      }
      counted.push(c.bundle);
      const [b, a] =
        name === 'time'
          ? [c.metrics.time.before.shortest, c.metrics.time.after!.shortest]
          : [(m as CountMetric).before, (m as CountMetric).after];
      before += b;
      after += a;
      if (b > 0) reductions.push(((b - a) / b) * 100);
    }
    return {
      before,
      after,
      reduction: reduction(before, after),
      averageReduction:
        reductions.length > 0 ? Math.round((sum(reductions) / reductions.length) * 10) / 10 : null,
      counted,
      incomplete,
    };
  };
  return {
    bundles: compositions.length,
    forms: aggregate('forms'),
    fields: aggregate('fields'),
    materials: aggregate('materials'),
    steps: aggregate('steps'),
    visits: aggregate('visits'),
    time: aggregate('time'),
  };
}
