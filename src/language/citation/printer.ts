import type { Citation } from './ast.js';
import { chineseNumeral } from './numerals.js';

/**
 * Canonical text of a citation: 【rank】《title》（note）文号 第X条第X款第（X）项第X目, or
 * 附件N《title》第N项 for an annex item. Articles, paragraphs, items and sub-items in Chinese numerals;
 * annex numbers in Arabic, as the annexes themselves number their rows. A title is always in 《》.
 * Document numbers found in the note are printed by the note; the others follow it (or, without a
 * title, come first). Re-parses to the same citation (spans aside, and `quoted` becomes true).
 */
export function printCitation(c: Citation): string {
  let s = c.rank !== undefined ? `【${c.rank}】` : '';
  const note = c.note === undefined ? '' : /^[（(]/.test(c.note) ? c.note : `（${c.note}）`;
  const standalone = c.docNumbers
    .filter((d) => !note.includes(d.text))
    .map((d) => d.text)
    .join('');
  s += c.title !== undefined ? `《${c.title}》${note}${standalone}` : `${standalone}${note}`;
  if (c.article !== undefined) s += `第${chineseNumeral(c.article)}条`;
  if (c.paragraph !== undefined) s += `第${chineseNumeral(c.paragraph)}款`;
  if (c.item !== undefined) s += `第（${chineseNumeral(c.item)}）项`;
  if (c.subItem !== undefined) s += `第${chineseNumeral(c.subItem)}目`;
  if (c.annex) {
    const a = c.annex;
    s += `附件${a.annex ?? ''}${a.title !== undefined ? `《${a.title}》` : ''}第${a.item}项`;
  }
  return s;
}
