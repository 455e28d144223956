import { TERMS } from '../diagnostics/catalogue.js';
import { type Arg, type Lang, render, template } from '../diagnostics/diagnostic.js';
import type { HoursInterval } from '../language/duration.js';

const trim = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * A number of calendar hours as a localized message argument: whole days once there are 24 hours or
 * more (72 → 3日, 30 → 1日6小时), hours below a day (6 → 6小时), nothing as 即办.
 */
export function hoursArg(hours: number): Arg {
  if (hours <= 0) return TERMS.instant;
  if (hours < 24) return template(TERMS.hours, { n: trim(hours) });
  const days = Math.floor(hours / 24);
  const rest = hours - days * 24;
  return rest > 0 ? template(TERMS.daysHours, { d: days, h: trim(rest) }) : template(TERMS.days, { n: days });
}

/** An interval of calendar hours as a message argument: 3日 when both bounds agree, else 3日至13日. */
export function intervalArg(i: HoursInterval): Arg {
  return i.shortest === i.longest
    ? hoursArg(i.shortest)
    : template(TERMS.hoursRange, { from: hoursArg(i.shortest), to: hoursArg(i.longest) });
}

export function printHours(hours: number, lang: Lang = 'zh-CN'): string {
  return render(TERMS.plain, { x: hoursArg(hours) }, lang);
}

export function printInterval(i: HoursInterval, lang: Lang = 'zh-CN'): string {
  return render(TERMS.plain, { x: intervalArg(i) }, lang);
}

/** The shortest bound as a minimum: 至少 7日. */
export function printAtLeast(i: HoursInterval, lang: Lang = 'zh-CN'): string {
  return render(TERMS.atLeast, { x: hoursArg(i.shortest) }, lang);
}
