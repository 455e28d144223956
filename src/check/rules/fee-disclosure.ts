import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/**
 * Valid: a charged matter names its fee basis and fee items with amounts; a free matter does not claim
 * online payment (Wenzhou rule 6).
 */
export const feeDisclosure: Rule<Matter> = {
  name: 'fee-disclosure',
  kind: 'Matter',
  reads: ['fee.charged', 'fee.basis', 'fee.items', 'fee.onlinePayment'],
  codes: [D.feeBasisMissing, D.feeItemsMissing, D.freeWithOnlinePayment],
  check(m, ctx) {
    const fee = m.fee;
    if (!fee) return;
    if (fee.charged) {
      if (!fee.basis || fee.basis.length === 0) ctx.report(D.feeBasisMissing, '/fee/charged');
      if (!fee.items || fee.items.length === 0) ctx.report(D.feeItemsMissing, '/fee/charged');
    } else if (fee.onlinePayment === true) {
      ctx.report(D.freeWithOnlinePayment, '/fee/onlinePayment', {}, { key: true });
    }
  },
};
