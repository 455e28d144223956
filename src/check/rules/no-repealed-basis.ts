import { D, TERMS } from '../../diagnostics/catalogue.js';
import type { Law, Matter } from '../../model/types.js';
import type { Rule } from '../rule.js';
import { template } from '../../diagnostics/diagnostic.js';

/** Valid: the legal basis cites laws in force, never a repealed one. */
export const noRepealedBasis: Rule<Matter> = {
  name: 'no-repealed-basis',
  kind: 'Matter',
  reads: ['basis[].law'],
  codes: [D.repealedLawCited],
  check(m, ctx) {
    m.basis?.forEach((b, i) => {
      const lawDoc = b.law === undefined ? undefined : ctx.table.get('Law', b.law);
      if (!lawDoc?.schemaValid) return;
      const law = lawDoc.value as unknown as Law;
      if (law.status !== '已废止') return;
      const successor = law.supersededBy ? ctx.table.get('Law', law.supersededBy) : undefined;
      const successorTitle = successor ? (successor.value as unknown as Law).title : undefined;
      ctx.report(
        D.repealedLawCited,
        `/basis/${i}/law`,
        {
          title: law.title,
          replacement: successorTitle ? template(TERMS.lawTitleQuoted, { title: successorTitle }) : '',
        },
        {
          related: [
            { source: lawDoc.source, range: lawDoc.locator.nearest('/status'), label: 'lawDefinedHere' },
          ],
        },
      );
    });
  },
};
