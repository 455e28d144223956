import { memoByText } from '../util/memo.js';
import { D, TERMS, type Text } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import {
  type Citation,
  type Irregularity,
  parseCitation,
  printCitation,
  resolveLaw,
} from '../language/citation/index.js';
import type { Doc } from '../model/document.js';
import type { Bundle, Law, List, Matter } from '../model/types.js';
import { quoteAll } from '../util/suggest.js';
import type { SymbolTable } from './link.js';

/** Citations repeat across matters and across `--watch` runs: each text is parsed once. */
const parseCitationOnce = memoByText(parseCitation);

const IRREGULAR: Record<Irregularity['kind'] | 'short-title', Text> = {
  brackets: TERMS.irregularBrackets,
  'arabic-numerals': TERMS.irregularArabic,
  'missing-quotes': TERMS.irregularNoQuotes,
  'short-title': TERMS.irregularShortTitle,
};

const docKey = (s: string) =>
  s
    .replace(/[【[(（［]/g, '〔')
    .replace(/[】\])）］]/g, '〕')
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');

/**
 * Every legal basis: the citation parses; irregular forms are warned about with the normalized text;
 * the cited law is found in the registry by title, alias or document number (filling in `law` when it
 * is left out) and agrees with an explicit `law`.
 */
export function checkCitations(docs: readonly Doc[], table: SymbolTable, out: Diagnostic[]): void {
  const laws = table
    .all('Law')
    .filter((d) => d.schemaValid)
    .map((d) => d.value as unknown as Law);
  const entries = laws.map((l) => ({
    id: l.id,
    title: l.title,
    ...(l.aliases ? { aliases: l.aliases } : {}),
  }));
  for (const doc of docs) {
    if (!doc.schemaValid || doc.kind !== 'Matter') continue;
    const m = doc.value as unknown as Matter;
    (m.basis ?? []).forEach((b, i) => {
      const pointer = `/basis/${i}/citation`;
      const path = `Matter:${m.id}${pointer}`;
      const at = (span: { start: number; end: number }) => ({
        source: doc.source,
        range: doc.locator.insideValue(pointer, doc.source.text, b.citation, span.start, span.end),
      });
      const parsed = parseCitationOnce(b.citation);
      for (const p of parsed.problems) {
        out.push(
          diagnostic(
            D.citationSyntax,
            at(p.span),
            { detail: p.kind === 'syntax' ? p.message : b.citation },
            { path },
          ),
        );
      }
      const c = parsed.citation;
      if (!c) return;
      for (const irregular of parsed.irregularities) {
        out.push(
          diagnostic(
            D.citationIrregular,
            at(irregular.span),
            { what: IRREGULAR[irregular.kind], normalized: parsed.normalized ?? '' },
            { path },
          ),
        );
      }
      const resolved = resolve(c, entries, laws);
      if (resolved.viaAlias && resolved.id && c.titleSpan) {
        const full = laws.find((l) => l.id === resolved.id)!.title;
        out.push(
          diagnostic(
            D.citationIrregular,
            at(c.titleSpan),
            { what: IRREGULAR['short-title'], normalized: printCitation({ ...c, title: full }) },
            { path },
          ),
        );
      }
      const cited = c.title ?? c.docNumbers[0]?.text ?? b.citation;
      if (b.law === undefined) {
        if (resolved.id)
          (b as { law?: string }).law = resolved.id; // the link the author left implicit
        else {
          out.push(
            diagnostic(
              D.unknownLaw,
              at(c.titleSpan ?? { start: 0, end: b.citation.length }),
              { title: cited },
              {
                path,
                ...(resolved.candidates.length > 0
                  ? {
                      hint: {
                        label: 'didYouMean',
                        args: { candidates: quoteAll(resolved.candidates.map((t) => `《${t}》`)) },
                      },
                    }
                  : {}),
              },
            ),
          );
        }
      } else if (resolved.id !== b.law && table.get('Law', b.law)?.schemaValid) {
        const registered = (table.get('Law', b.law)!.value as unknown as Law).title;
        out.push(
          diagnostic(
            D.citationLawMismatch,
            at(c.titleSpan ?? { start: 0, end: b.citation.length }),
            { cited, registered },
            {
              path,
              related: [
                {
                  source: table.get('Law', b.law)!.source,
                  range: table.get('Law', b.law)!.locator.nearest('/title'),
                  label: 'lawDefinedHere',
                },
              ],
            },
          ),
        );
      }
    });
  }
  checkInForce(table, laws, out);
}

/** By title or alias; a citation of a document alone resolves by its document number. */
function resolve(c: Citation, entries: Parameters<typeof resolveLaw>[1], laws: readonly Law[]) {
  if (c.title !== undefined) return resolveLaw(c, entries);
  for (const n of c.docNumbers) {
    const hit = laws.find((l) => l.docNumber && docKey(l.docNumber) === docKey(n.text));
    if (hit) return { id: hit.id, viaAlias: false, candidates: [] as string[] };
  }
  return { viaAlias: false, candidates: [] as string[] };
}

/** A basis must be in force on the effective date of every list that includes its matter. */
function checkInForce(table: SymbolTable, laws: readonly Law[], out: Diagnostic[]): void {
  const reported = new Set<string>();
  for (const listDoc of table.all('List')) {
    if (!listDoc.schemaValid) continue;
    const list = listDoc.value as unknown as List;
    if (!list.effective) continue;
    for (const item of list.items ?? []) {
      const bundle = table.get('Bundle', item.bundle);
      if (!bundle?.schemaValid) continue;
      for (const comp of (bundle.value as unknown as Bundle).components ?? []) {
        const matterDoc = table.get('Matter', comp.matter);
        if (!matterDoc?.schemaValid) continue;
        const m = matterDoc.value as unknown as Matter;
        (m.basis ?? []).forEach((b, i) => {
          const law = laws.find((l) => l.id === b.law);
          if (!law) return;
          const notYet =
            law.status === '尚未生效' || (law.effective !== undefined && law.effective > list.effective!);
          const key = `${m.id}/${i}`;
          if (!notYet || reported.has(key)) return;
          reported.add(key);
          out.push(
            diagnostic(
              D.lawNotYetInForce,
              { source: matterDoc.source, range: matterDoc.locator.nearest(`/basis/${i}/citation`) },
              { title: law.title, effective: law.effective ?? '—' },
              {
                path: `Matter:${m.id}/basis/${i}/citation`,
                related: [
                  {
                    source: listDoc.source,
                    range: listDoc.locator.nearest('/effective'),
                    label: 'listEffectiveHere',
                  },
                ],
              },
            ),
          );
        });
      }
    }
  }
}
