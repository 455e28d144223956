import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/** Valid: a result named …证 (other than 凭证 and 证明) is of type 证照 (Wenzhou rule 2, refined version). */
export const resultType: Rule<Matter> = {
  name: 'result-type',
  kind: 'Matter',
  reads: ['result.name', 'result.type'],
  codes: [D.resultTypeMismatch],
  check(m, ctx) {
    const r = m.result;
    if (!r?.name || r.type === '证照') return;
    if (/证$/.test(r.name) && !/(凭证|证明)$/.test(r.name)) {
      ctx.report(D.resultTypeMismatch, '/result/type', { name: r.name, type: r.type });
    }
  },
};
