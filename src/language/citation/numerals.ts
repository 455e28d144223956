/**
 * Chinese numerals as they appear in legal citations: 第三十二条, 第一百零五条, 第（五）项, 主席令第十五号,
 * and years written digit by digit (二〇二四). Arabic and full-width digits are accepted everywhere.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const DIGIT_TEXT = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Characters that can make up a Chinese numeral (including 万 and the positional 〇). */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';

export function isNumeralChar(c: string): boolean {
  return c.length === 1 && NUMERAL_CHARS.includes(c);
}

/** ASCII or full-width decimal digit. */
export function isDigitChar(c: string): boolean {
  return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
}

/** Full-width digits → ASCII; other characters unchanged. */
export function halfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The value of a numeral: Arabic (`35`), full-width (`３５`), Chinese with units (`三十五`, `十五`,
 * `一百零五`, `两百`, `一万零一十`, `零`), or Chinese written digit by digit (`二〇二四`). Undefined for
 * anything else, including malformed Chinese numerals such as `十十` or `一百零`.
 */
export function parseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  if (/^[0-9０-９]+$/.test(s)) {
    const n = Number(halfWidthDigits(s));
    return Number.isSafeInteger(n) ? n : undefined;
  }
  const chars = [...s];
  if (!chars.every((c) => isNumeralChar(c))) return undefined;
  // Digit by digit: 二〇二四 (no units at all, more than one digit; 两 is never positional).
  if (chars.length > 1 && chars.every((c) => c in DIGITS && c !== '两')) {
    return Number(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = Number.POSITIVE_INFINITY;
  let zeroPending = false;
  let seenWan = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const d = DIGITS[c];
    if (d === 0) {
      // 零 only between a unit and a digit: 一百零五, 一千零一十, 一万零一; or alone.
      if (chars.length === 1) return 0;
      if (digit !== undefined || zeroPending || i === 0 || i === chars.length - 1) return undefined;
      zeroPending = true;
      continue;
    }
    if (d !== undefined) {
      if (digit !== undefined) return undefined;
      digit = d;
      zeroPending = false;
      continue;
    }
    if (zeroPending) return undefined;
    const u = UNITS[c];
    if (u !== undefined) {
      if (u >= lastUnit) return undefined;
      let m = digit;
      if (m === undefined) {
        // A bare leading 十 means 一十: 十五, 十万.
        if (u === 10 && i === 0) m = 1;
        else return undefined;
      }
      section += m * u;
      digit = undefined;
      lastUnit = u;
      continue;
    }
    // 万
    if (seenWan) return undefined;
    section += digit ?? 0;
    if (section === 0) return undefined;
    total += section * 10000;
    section = 0;
    digit = undefined;
    lastUnit = Number.POSITIVE_INFINITY;
    seenWan = true;
  }
  return total + section + (digit ?? 0);
}

function below10000(n: number, leading: boolean): string {
  let out = '';
  let zero = false;
  for (const [unit, name] of [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ] as const) {
    const d = Math.floor(n / unit) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += unit === 10 && d === 1 && out === '' && leading ? name : DIGIT_TEXT[d] + name;
  }
  return out;
}

/**
 * Chinese numeral for a non-negative integer below 10⁸: 十五, 三十五, 一百一十, 一百零五, 一万零一十.
 * Anything else (negative, fractional, too large) is returned in Arabic digits.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100_000_000) return String(n);
  if (n === 0) return '零';
  const hi = Math.floor(n / 10000);
  const lo = n % 10000;
  if (hi === 0) return below10000(lo, true);
  let s = `${below10000(hi, true)}万`;
  if (lo > 0) s += (lo < 1000 ? '零' : '') + below10000(lo, false);
  return s;
}
