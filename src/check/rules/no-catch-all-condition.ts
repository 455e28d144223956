import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/**
 * Valid: acceptance conditions spell out every condition; no catch-all clause such as
 * “法律、法规规定的其他条件” (Jiangsu guide-writing norm).
 */
const CATCH_ALL = /(?:法律|法规|规章|法律法规|法律、法规|法律、行政法规|法律、法规、规章|国家|有关部门|主管部门)[^，。；]{0,12}(?:规定|要求)的其他(?:条件|情形|材料)|其他(?:法定|应当具备的)?条件|其他(?:相关)?材料/;

export const noCatchAllCondition: Rule<Matter> = {
  name: 'no-catch-all-condition',
  kind: 'Matter',
  codes: [D.catchAllCondition],
  check(m, ctx) {
    m.conditions?.forEach((c, i) => {
      const hit = CATCH_ALL.exec(c.text);
      if (hit) ctx.report(D.catchAllCondition, `/conditions/${i}/text`, { phrase: hit[0] });
    });
  },
};
