import { D } from '../../diagnostics/catalogue.js';
import { checkUscc } from '../../domain/codes.js';
import type { Department } from '../../model/types.js';
import type { Rule } from '../rule.js';

/** Valid: a department's 统一社会信用代码 has 18 valid characters and the right check character. */
export const departmentUscc: Rule<Department> = {
  name: 'department-uscc',
  kind: 'Department',
  reads: ['uscc'],
  codes: [
    D.usccCheckDigit,
    D.orgCodeInsteadOfUscc,
    D.usccOneShort,
    D.usccInvalidChar,
    D.placeholderCode,
    D.hyphenatedOrgCode,
    D.usccLength,
  ],
  check(dept, ctx) {
    if (dept.uscc === undefined) return;
    const p = checkUscc(dept.uscc);
    if (p) ctx.report(p.entry, '/uscc', p.args);
  },
};
