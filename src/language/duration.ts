/**
 * Time limits: 即办 / 当场办结, N个工作日, N日 / N天 / N个自然日, N小时, and English equivalents;
 * full-width digits are accepted, and so is the wording of guides around a number of days
 * (自受理之日起20日内办结, 1个工作日内).
 *
 * Comparison rule, used everywhere a limit is compared: working days and calendar days are not
 * interchangeable, so each duration is an interval of calendar hours and one limit is "longer" than
 * another only when it is longer under every calendar: N working days last at least N calendar days
 * and at most N + 2·⌈N/5⌉ + 8 (weekends plus the longest public-holiday block); a day is 24 hours;
 * a working day holds at least 8 working hours, so against a limit in hours N working days are sure of
 * 8·N hours only (1个工作日 is not certainly longer than 10小时; 2个工作日 is certainly longer than 10小时).
 */
export type Duration =
  { readonly unit: 'instant' } | { readonly unit: 'workday' | 'day' | 'hour'; readonly amount: number };

const UNITS: readonly [RegExp, 'workday' | 'day' | 'hour'][] = [
  [/^(?:个)?(?:工作日|working\s*days?|business\s*days?)$/i, 'workday'],
  [/^(?:个)?(?:自然日|日历日|日|天|calendar\s*days?|days?)$/i, 'day'],
  [/^(?:个)?(?:小时|hours?|h)$/i, 'hour'],
];

export function parseDuration(text: string): Duration | undefined {
  const s = text.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (/^(即办|当场办结|即时办结|immediate(ly)?|on the spot)$/i.test(s)) return { unit: 'instant' };
  // The wording guides use around a limit: 自受理之日起20日内办结, 1个工作日内.
  const core = s.replace(/^自受理之日起\s*/, '').replace(/\s*内?办结$|\s*内$/, '');
  const m = /^(\d+(?:\.\d+)?)\s*(.+)$/.exec(core);
  if (!m) return undefined;
  const amount = Number(m[1]);
  for (const [re, unit] of UNITS) if (re.test(m[2]!.trim())) return { unit, amount };
  return undefined;
}

/** [shortest, longest] span in calendar hours. */
export function bounds(d: Duration): [number, number] {
  switch (d.unit) {
    case 'instant':
      return [0, 0];
    case 'hour':
      return [d.amount, d.amount];
    case 'day':
      return [24 * d.amount, 24 * d.amount];
    case 'workday':
      return [24 * d.amount, 24 * (d.amount + 2 * Math.ceil(d.amount / 5) + 8)];
  }
}

/** True when `a` is longer than `b` under every calendar. */
export function certainlyLonger(a: Duration, b: Duration): boolean {
  if (a.unit === b.unit && a.unit !== 'instant' && b.unit !== 'instant') return a.amount > b.amount;
  // Against hours, a working day counts only the 8 working hours it is sure to hold.
  const shortest = a.unit === 'workday' && b.unit === 'hour' ? 8 * a.amount : bounds(a)[0];
  return shortest > bounds(b)[1];
}

export function isInstant(d: Duration): boolean {
  return d.unit === 'instant';
}

/**
 * Addition follows the same rule: a sum of limits is an interval of calendar hours, the sum of the
 * parts' shortest and longest spans (same-unit parts add exactly: 2个工作日 + 3个工作日 = 5个工作日).
 */
export interface HoursInterval {
  readonly shortest: number;
  readonly longest: number;
}

export function toInterval(d: Duration): HoursInterval {
  const [shortest, longest] = bounds(d);
  return { shortest, longest };
}

export function addDurations(parts: readonly Duration[]): HoursInterval {
  const byUnit = new Map<Duration['unit'], number>();
  for (const d of parts) if (d.unit !== 'instant') byUnit.set(d.unit, (byUnit.get(d.unit) ?? 0) + d.amount);
  let shortest = 0;
  let longest = 0;
  for (const [unit, amount] of byUnit) {
    const i = toInterval({ unit, amount } as Duration);
    shortest += i.shortest;
    longest += i.longest;
  }
  return { shortest, longest };
}

/** True when a total is longer than a limit under every calendar. */
export function intervalExceeds(total: HoursInterval, limit: Duration): boolean {
  return total.shortest > bounds(limit)[1];
}

const UNIT_TEXT = { workday: '个工作日', day: '日', hour: '小时' } as const;

/** Canonical text: 即办, 5个工作日, 30日, 2小时. */
export function printDuration(d: Duration): string {
  return d.unit === 'instant' ? '即办' : `${d.amount}${UNIT_TEXT[d.unit]}`;
}
