import { D } from '../../diagnostics/catalogue.js';
import type { Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';

const digits = (phone: string) =>
  phone.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');

/**
 * The first number of a phone entry that is a landline without its area code: 7–8 digits not starting
 * with 0. An entry may list several numbers (、，,) and extensions (转); service lines (12345) and mobiles
 * pass.
 */
function withoutAreaCode(phone: string): string | undefined {
  for (const part of phone.split(/[、，,]/)) {
    const number = part.split('转')[0]!;
    const d = digits(number);
    if (/^1\d{10}$/.test(d) || /^(1\d{4}|95\d{3,4}|400\d{7}|800\d{7})$/.test(d)) continue;
    if (/^[1-9]\d{6,7}$/.test(d)) return number.trim();
  }
  return undefined;
}

/** Valid: the consultation and complaint numbers differ and carry the area code (Wenzhou rule 7). */
export const contactNumbers: Rule<Matter> = {
  name: 'contact-numbers',
  kind: 'Matter',
  reads: ['contacts.consultation', 'contacts.complaint'],
  codes: [D.sameContactNumbers, D.areaCodeMissing],
  check(m, ctx) {
    const c = m.contacts;
    if (!c) return;
    if (c.consultation && c.complaint && digits(c.consultation) === digits(c.complaint)) {
      ctx.report(D.sameContactNumbers, '/contacts/complaint', { phone: c.complaint });
    }
    for (const key of ['consultation', 'complaint'] as const) {
      const phone = c[key];
      const bare = phone === undefined ? undefined : withoutAreaCode(phone);
      if (bare !== undefined) ctx.report(D.areaCodeMissing, `/contacts/${key}`, { phone: bare });
    }
  },
};
