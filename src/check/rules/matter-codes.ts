import { D } from '../../diagnostics/catalogue.js';
import { checkBasicCode, checkImplCode, checkLocalImplCode } from '../../domain/codes.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

/**
 * Valid: the 基本编码 has 12 digits consistent with the matter type; the 实施编码 has 33 characters made
 * of a valid 统一社会信用代码 (GB 32100 check character), the level digit and the basic code; a local
 * segmented code carries a well-formed USCC. Malformed shapes seen in real catalogs get their own codes.
 */
export const matterCodes: Rule<Matter> = {
  name: 'matter-codes',
  kind: 'Matter',
  reads: ['basicCode', 'implCode', 'localImplCode', 'type', 'levels'],
  codes: [
    D.basicCodeLength,
    D.basicCodeNotDigits,
    D.basicCodeTypeMismatch,
    D.basicCodeRegion,
    D.implCodeLength,
    D.implCodeBasicMismatch,
    D.implCodeLevelMismatch,
    D.usccCheckDigit,
    D.orgCodeInsteadOfUscc,
    D.usccOneShort,
    D.hyphenatedOrgCode,
    D.placeholderCode,
    D.letterPrefixCode,
    D.usccInvalidChar,
    D.segmentedCode,
    D.usccLength,
  ],
  check(m, ctx) {
    if (m.basicCode !== undefined) {
      const p = checkBasicCode(m.basicCode, m.type);
      if (p) ctx.report(p.entry, '/basicCode', p.args);
    }
    if (m.implCode !== undefined) {
      const p = checkImplCode(m.implCode, m);
      if (p) ctx.report(p.entry, '/implCode', p.args);
    }
    if (m.localImplCode !== undefined) {
      const p = checkLocalImplCode(m.localImplCode);
      if (p) ctx.report(p.entry, '/localImplCode', p.args);
    }
  },
};
