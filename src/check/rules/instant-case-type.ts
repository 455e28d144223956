import { D } from '../../diagnostics/catalogue.js';
import { parseDuration } from '../../language/duration.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/**
 * Valid: a matter promised 即办 is an 即办件 reviewed 即审即办; a matter promised in days or hours is a
 * 承诺件 reviewed 前审后批 (Wenzhou data-quality rule 1).
 */
export const instantCaseType: Rule<Matter> = {
  name: 'instant-case-type',
  kind: 'Matter',
  reads: ['promisedLimit', 'caseType', 'reviewType'],
  codes: [D.instantNotInstantCase, D.instantCaseNotInstant],
  check(m, ctx) {
    if (m.promisedLimit === undefined) return;
    const promised = parseDuration(m.promisedLimit);
    if (!promised) return;
    const instant = promised.unit === 'instant';
    // Case type and review type are separate elements: each one that disagrees is reported where it is.
    if (instant && m.caseType === '承诺件') {
      ctx.report(D.instantNotInstantCase, '/caseType', { limit: m.promisedLimit, caseType: m.caseType });
    } else if (!instant && m.caseType === '即办件') {
      ctx.report(D.instantCaseNotInstant, '/caseType', { limit: m.promisedLimit, caseType: m.caseType });
    }
    if (instant && m.reviewType === '前审后批') {
      ctx.report(D.instantNotInstantCase, '/reviewType', { limit: m.promisedLimit, caseType: m.reviewType });
    } else if (!instant && m.reviewType === '即审即办') {
      ctx.report(D.instantCaseNotInstant, '/reviewType', { limit: m.promisedLimit, caseType: m.reviewType });
    }
  },
};
