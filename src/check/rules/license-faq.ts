import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/**
 * Valid: a fully described administrative licence (one with materials or steps) answers at least one
 * frequently asked question (Wenzhou rule 9).
 */
export const licenseFaq: Rule<Matter> = {
  name: 'license-faq',
  kind: 'Matter',
  reads: ['type', 'materials', 'steps', 'faq'],
  codes: [D.licenseWithoutFaq],
  check(m, ctx) {
    const described = (m.materials?.length ?? 0) > 0 || (m.steps?.length ?? 0) > 0;
    if (m.type === '行政许可' && described && (m.faq?.length ?? 0) === 0)
      ctx.report(D.licenseWithoutFaq, '/type');
  },
};
