/**
 * What composing a bundle produces: one form (一表申请), one material list (一套材料), one workflow
 * (并联流程) with its critical path, and the reform's metrics. Every value is plain data (no documents,
 * no source positions), so generators and reports can serialise it as it is.
 */
import type { HoursInterval } from '../language/duration.js';

/** A component of the bundle as composition sees it. */
export interface ComponentInfo {
  /** The component's id in the bundle. */
  readonly id: string;
  /** The Matter id it refers to. */
  readonly matter: string;
  /** The matter's name; the matter id when the matter is missing or not schema-valid. */
  readonly name: string;
  /** False when the matter is missing or not schema-valid: then every element of it is unknown. */
  readonly resolved: boolean;
  /** The component's own `when`: it is handled only when this holds. */
  readonly when?: string;
  readonly optional: boolean;
  /** The limit that counts for the component: its `promisedLimit`, else its `statutoryLimit` (as written). */
  readonly limit?: string;
  readonly limitFrom?: 'promisedLimit' | 'statutoryLimit';
  /** The limit as an interval of calendar hours (see language/duration.ts). */
  readonly hours?: HoursInterval;
}

/** One use of a form field by one component. */
export interface FieldUse {
  readonly component: string;
  readonly required: boolean;
  readonly label?: string;
  /** The field's own `when` in that component's form. */
  readonly when?: string;
  /** The component's `when` in the bundle. */
  readonly componentWhen?: string;
}

/** One entry of the merged form: one per Field id. */
export interface FormEntry {
  /** The Field id (data-element path). */
  readonly field: string;
  /** Dictionary name, type and format; absent when the Field is missing or not schema-valid. */
  readonly name?: string;
  readonly type?: string;
  readonly format?: string;
  /** Required when any component requires it. */
  readonly required: boolean;
  /** Shown in every case: some use has neither a field `when` nor a component `when`. */
  readonly always: boolean;
  /** The components that use it, in bundle order. */
  readonly components: readonly string[];
  readonly uses: readonly FieldUse[];
}

/**
 * Why the applicant no longer submits a material:
 * - `produced`: another component of the bundle produces it (`produces`), so it flows inside the bundle;
 * - `eLicense`: the Material catalogue marks it as an electronic licence (调取电子证照库);
 * - `shareable`: the catalogue marks it as obtainable through government data sharing;
 * - `issuedInBundle`: the component obtains it from the issuing authority (channel 调取电子证照库 or
 *   政府部门核发) and another component of the bundle is handled by that authority (its department is the
 *   Material's `issuer` or one of the issuer's subordinate departments).
 */
export type RemovalReason = 'produced' | 'eLicense' | 'shareable' | 'issuedInBundle';

export interface Removal {
  readonly reason: RemovalReason;
  /** The components that produce or issue it (`produced`, `issuedInBundle`); empty otherwise. */
  readonly by: readonly string[];
}

/** One listing of a material by one component. */
export interface MaterialUse {
  readonly component: string;
  /** The material item's id in the matter. */
  readonly item: string;
  /** The item's own name, when it has one. */
  readonly name?: string;
  readonly necessity: string;
  readonly channel?: string;
  readonly form?: string;
  readonly when?: string;
  readonly componentWhen?: string;
  /** Present when the applicant no longer submits it for this use. */
  readonly removed?: Removal;
}

/** One entry of the merged material list: one per catalogue Material id. */
export interface MergedMaterial {
  readonly material: string;
  /** The catalogue name, else the first item's name, else the id. */
  readonly name: string;
  /** Some component lists it as 必要. */
  readonly required: boolean;
  readonly components: readonly string[];
  readonly uses: readonly MaterialUse[];
  /** Present when every use is removed: the applicant does not submit it at all (first use's reason). */
  readonly removed?: Removal;
  /** The applicant still submits it as a required material: some use is 必要 and not removed. */
  readonly submitted: boolean;
}

/** One step of the merged workflow; 受理 and 送达 are merged into one each (一窗受理、统一出件). */
export interface MergedStep {
  readonly phase: string;
  /** The first merged step's name. */
  readonly name: string;
  readonly uses: readonly { component: string; step: string; name: string; limit?: string; when?: string }[];
}

/** A data dependency: `from` produces materials that `to` lists, so `to` waits for `from`. */
export interface WorkflowEdge {
  readonly from: string;
  readonly to: string;
  readonly materials: readonly string[];
}

/** A chain of components, each waiting for the one before. */
export interface Chain {
  /** Component ids in order. */
  readonly components: readonly string[];
  /** Their names (matter names), for display: joined with → they read as the path. */
  readonly names: readonly string[];
  /** The sum of the known limits along the chain (language/duration.ts `addDurations`). */
  readonly total: HoursInterval;
  /** Every component on the chain has a limit; otherwise `total` counts only the known ones. */
  readonly complete: boolean;
  /** Components on the chain without a limit. */
  readonly missing: readonly string[];
}

export interface Workflow {
  /** Component ids, in bundle order. */
  readonly nodes: readonly string[];
  readonly edges: readonly WorkflowEdge[];
  /** Dependency cycles (component ids, first repeated at the end); with cycles there is no critical path. */
  readonly cycles: readonly (readonly string[])[];
  /**
   * The longest chain, comparing the sums of known limits by shortest then longest bound. When some
   * component has no limit, `complete` on this chain says whether the chain itself is fully known,
   * and `unknownLimits` says that a chain through the unknown components might be longer.
   */
  readonly criticalPath?: Chain;
  /** The longest chain among components that all have limits: the one checked against the promise (MC6032). */
  readonly longestCompleteChain?: Chain;
  /** Components without a usable limit, in bundle order. */
  readonly unknownLimits: readonly string[];
}

/**
 * A before/after count. `before` sums over the separate matters, `after` counts the bundle. When
 * `incomplete`, some component lacks the element (`missing` names them): both numbers then cover only
 * the components that have the data, and `reduction` is null.
 */
export interface CountMetric {
  readonly before: number;
  readonly after: number;
  /** (before − after) / before in %, one decimal; null when `before` is 0 or the metric is incomplete. */
  readonly reduction: number | null;
  readonly incomplete: boolean;
  readonly missing: readonly string[];
}

/** Time in calendar hours (intervals, see language/duration.ts); the reduction compares shortest bounds. */
export interface TimeMetric {
  /** Sum of every component's limit as if handled one after another (known limits only when incomplete). */
  readonly before: HoursInterval;
  /** The critical path's total or the bundle's promise, whichever has the smaller shortest bound; null when unknown. */
  readonly after: HoursInterval | null;
  readonly afterFrom: 'criticalPath' | 'promisedLimit' | null;
  readonly reduction: number | null;
  readonly incomplete: boolean;
  readonly missing: readonly string[];
}

export type MetricName = 'forms' | 'fields' | 'materials' | 'steps' | 'visits' | 'time';

export interface Metrics {
  /** Application forms: components whose matter has fields → one form. */
  readonly forms: CountMetric;
  /** Form fields: their sum → the merged unique fields. */
  readonly fields: CountMetric;
  /** Required materials the applicant submits: their sum → the merged list minus removed materials. */
  readonly materials: CountMetric;
  /** Steps: their sum → one 受理, one 送达 and every other step. */
  readonly steps: CountMetric;
  /** On-site visits: their sum → the bundle's `visits`, else the components' maximum. */
  readonly visits: CountMetric;
  readonly time: TimeMetric;
  /** Some metric is incomplete. */
  readonly incomplete: boolean;
  /**
   * Per element, the components lacking it (only elements with gaps are listed); `components` with
   * no component ids when the bundle lists no components at all.
   */
  readonly missing: readonly { element: MetricName | 'components'; components: readonly string[] }[];
}

export interface Composition {
  /** The bundle's id and name. */
  readonly bundle: string;
  readonly name: string;
  readonly components: readonly ComponentInfo[];
  readonly form: readonly FormEntry[];
  readonly materials: readonly MergedMaterial[];
  readonly steps: readonly MergedStep[];
  readonly workflow: Workflow;
  readonly metrics: Metrics;
}

/** One metric aggregated over a list's bundles. */
export interface AggregateMetric {
  /** Sums over the bundles where the metric is complete (hours at the shortest bound for `time`). */
  readonly before: number;
  readonly after: number;
  /** (Σbefore − Σafter) / Σbefore in %, one decimal; null when Σbefore is 0. */
  readonly reduction: number | null;
  /**
   * The mean of the per-bundle reductions (as in published figures, 平均减少), over the counted bundles
   * with a non-zero "before", computed before rounding; one decimal.
   */
  readonly averageReduction: number | null;
  /** Bundles counted, and bundles left out because the metric is incomplete there. */
  readonly counted: readonly string[];
  readonly incomplete: readonly string[];
}

export interface ListMetrics {
  readonly bundles: number;
  readonly forms: AggregateMetric;
  readonly fields: AggregateMetric;
  readonly materials: AggregateMetric;
  readonly steps: AggregateMetric;
  readonly visits: AggregateMetric;
  readonly time: AggregateMetric;
}
