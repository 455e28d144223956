import { D } from '../../diagnostics/catalogue.js';
import { certainlyLonger, parseDuration } from '../../language/duration.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/** Valid: the promised limit is not longer than the statutory limit (see language/duration.ts for the rule). */
export const promisedWithinStatutory: Rule<Matter> = {
  name: 'promised-within-statutory',
  kind: 'Matter',
  reads: ['promisedLimit', 'statutoryLimit'],
  codes: [D.promisedExceedsStatutory],
  check(m, ctx) {
    if (m.promisedLimit === undefined || m.statutoryLimit === undefined) return;
    const promised = parseDuration(m.promisedLimit);
    const statutory = parseDuration(m.statutoryLimit);
    if (promised && statutory && certainlyLonger(promised, statutory)) {
      ctx.report(
        D.promisedExceedsStatutory,
        '/promisedLimit',
        {
          promised: m.promisedLimit,
          statutory: m.statutoryLimit,
        },
        {
          related: [
            {
              source: ctx.doc.source,
              range: ctx.doc.locator.nearest('/statutoryLimit'),
              label: 'statutoryLimitHere',
            },
          ],
        },
      );
    }
  },
};
