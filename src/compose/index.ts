/**
 * Bundle composition (DESIGN.md §4): a bundle's components merged into one form (一表申请), one
 * material list (一套材料) and one parallel workflow (并联) whose critical path must fit the bundle's
 * promise, and the reform's metrics before (the separate matters) and after (the bundle).
 *
 * Runs after linking on schema-valid documents; pure functions over the symbol table that push
 * diagnostics (MC6030 fieldConflict, MC6031 workflowCycle, MC6032 criticalPathTooLong) to an array.
 *
 *   const compositions = composeAll(docs, table, diagnostics);
 *   const one = composeBundle(bundleDoc, table, diagnostics);
 *   const summary = listMetrics(compositions.filter((c) => listBundleIds.has(c.bundle)));
 *
 * Time arithmetic follows the one duration rule of language/duration.ts; `printHours` and
 * `printInterval` render its calendar-hour intervals in Chinese.
 */
export { composeAll, composeBundle } from './compose.js';
export { computeMetrics, listMetrics, reduction } from './metrics.js';
export { printAtLeast, printHours, printInterval } from './print.js';
export type {
  AggregateMetric,
  Chain,
  ComponentInfo,
  Composition,
  CountMetric,
  FieldUse,
  FormEntry,
  ListMetrics,
  MaterialUse,
  MergedMaterial,
  MergedStep,
  MetricName,
  Metrics,
  Removal,
  RemovalReason,
  TimeMetric,
  Workflow,
  WorkflowEdge,
} from './types.js';
export { buildWorkflow, longestChain, MAX_ENUMERATED_CHAINS, type WorkflowNode } from './workflow.js';
