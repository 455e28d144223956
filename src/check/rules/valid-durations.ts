import { D } from '../../diagnostics/catalogue.js';
import { parseDuration } from '../../language/duration.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/** Valid: every time limit of a matter is a duration matterc understands. */
export const validDurations: Rule<Matter> = {
  name: 'valid-durations',
  kind: 'Matter',
  reads: ['statutoryLimit', 'promisedLimit', 'steps[].limit', 'specialProcedures[].limit'],
  codes: [D.invalidDuration],
  check(m, ctx) {
    const check = (text: string | undefined, pointer: string) => {
      if (text !== undefined && !parseDuration(text)) ctx.report(D.invalidDuration, pointer, { text });
    };
    check(m.statutoryLimit, '/statutoryLimit');
    check(m.promisedLimit, '/promisedLimit');
    for (const [i, s] of (m.steps ?? []).entries()) check(s.limit, `/steps/${i}/limit`);
    for (const [i, s] of (m.specialProcedures ?? []).entries())
      check(s.limit, `/specialProcedures/${i}/limit`);
  },
};
