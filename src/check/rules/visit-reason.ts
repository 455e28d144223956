import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/** Valid: every required on-site visit comes with the reason it cannot be avoided (Wenzhou rule 3). */
export const visitReason: Rule<Matter> = {
  name: 'visit-reason',
  kind: 'Matter',
  codes: [D.visitReasonMissing],
  check(m, ctx) {
    if (m.visits !== undefined && m.visits > 0 && m.visitReason === undefined) {
      ctx.report(D.visitReasonMissing, '/visits', { visits: m.visits });
    }
  },
};
