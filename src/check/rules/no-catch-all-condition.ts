import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/**
 * Valid: acceptance conditions spell out every condition; no catch-all clause such as
 * “法律、法规规定的其他条件” (Jiangsu guide-writing norm). 其它 is the common variant of 其他. A clause that
 * rules other conditions out (“不得附加其他条件”, “无其他条件”) is not a catch-all.
 */
const CATCH_ALL = new RegExp(
  [
    '(?:法律|法规|规章|国家|国务院|有关部门|主管部门)[^，。；]{0,12}(?:规定|要求)的其[他它](?:条件|情形|材料)',
    '(?<!(?:无|没有|无需|不需|不得|不再|不另)[^，。；]{0,4})其[他它](?:(?:法定|应当具备的)?条件|(?:相关)?材料)',
  ].join('|'),
);

export const noCatchAllCondition: Rule<Matter> = {
  name: 'no-catch-all-condition',
  kind: 'Matter',
  reads: ['conditions[].text'],
  codes: [D.catchAllCondition],
  check(m, ctx) {
    m.conditions?.forEach((c, i) => {
      const hit = CATCH_ALL.exec(c.text);
      if (hit) ctx.report(D.catchAllCondition, `/conditions/${i}/text`, { phrase: hit[0] });
    });
  },
};
