import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

const REQUIRED_PHASES = ['受理', '审查', '决定', '送达'] as const;

/**
 * Valid: an administrative licence with a procedure has the 受理, 审查, 决定 and 送达 steps required by
 * the Administrative Licensing Law, or a stepsNote explaining the difference.
 */
export const licenseSteps: Rule<Matter> = {
  name: 'license-steps',
  kind: 'Matter',
  reads: ['type', 'steps', 'steps[].phase', 'stepsNote'],
  codes: [D.licenseStepsMissing],
  check(m, ctx) {
    if (m.type !== '行政许可' || !m.steps || m.steps.length === 0 || m.stepsNote !== undefined) return;
    const phases = new Set(m.steps.map((s) => s.phase));
    const missing = REQUIRED_PHASES.filter((p) => !phases.has(p));
    if (missing.length > 0) ctx.report(D.licenseStepsMissing, '/steps', { phases: missing }, { key: true });
  },
};
