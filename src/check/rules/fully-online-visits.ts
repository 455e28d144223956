import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/** Valid: a matter handled fully online (全程网办, level IV) needs no on-site visit (Wenzhou rule 5). */
export const fullyOnlineVisits: Rule<Matter> = {
  name: 'fully-online-visits',
  kind: 'Matter',
  reads: ['fullyOnline', 'visits'],
  codes: [D.fullyOnlineVisits],
  check(m, ctx) {
    if (m.fullyOnline === true && m.visits !== undefined && m.visits > 0) {
      ctx.report(D.fullyOnlineVisits, '/visits', { visits: m.visits });
    }
  },
};
