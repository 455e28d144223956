import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/** Valid: a matter with no on-site visit that cannot be handled online can be applied for by post (Wenzhou rule 4). */
export const mailApplication: Rule<Matter> = {
  name: 'mail-application',
  kind: 'Matter',
  reads: ['visits', 'handlingForms'],
  codes: [D.mailApplicationMissing],
  check(m, ctx) {
    if (m.visits !== 0 || !m.handlingForms) return;
    if (!m.handlingForms.includes('网上办理') && !m.handlingForms.includes('快递申请')) {
      ctx.report(D.mailApplicationMissing, '/handlingForms', {}, { key: true });
    }
  },
};
