import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/**
 * Valid: every required on-site visit comes with the reason it cannot be avoided (Wenzhou rule 3). “无”
 * is what the rule asks for when there is no visit, so with a visit it counts as no reason.
 */
export const visitReason: Rule<Matter> = {
  name: 'visit-reason',
  kind: 'Matter',
  reads: ['visits', 'visitReason'],
  codes: [D.visitReasonMissing],
  check(m, ctx) {
    const noReason = m.visitReason === undefined || /^\s*无[。.]?\s*$/.test(m.visitReason);
    if (m.visits !== undefined && m.visits > 0 && noReason) {
      ctx.report(D.visitReasonMissing, '/visits', { visits: m.visits });
    }
  },
};
