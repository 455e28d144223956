import { D } from '../../diagnostics/catalogue.js';
import { parseDuration } from '../../language/duration.js';
import type { Bundle } from '../../model/types.js';
import type { Rule } from '../rule.js';

/** Valid: a bundle's promised limit is a duration matterc understands. */
export const bundleDurations: Rule<Bundle> = {
  name: 'bundle-durations',
  kind: 'Bundle',
  reads: ['promisedLimit'],
  codes: [D.invalidDuration],
  check(b, ctx) {
    if (b.promisedLimit !== undefined && !parseDuration(b.promisedLimit)) {
      ctx.report(D.invalidDuration, '/promisedLimit', { text: b.promisedLimit });
    }
  },
};
