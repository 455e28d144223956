import type { HoursInterval } from '../language/duration.js';

/**
 * A number of calendar hours in Chinese: whole days as 日 once there are 24 hours or more
 * (72 → 3日, 30 → 1日6小时), hours below a day (6 → 6小时), nothing as 即办.
 */
export function printHours(hours: number): string {
  if (hours <= 0) return '即办';
  if (hours < 24) return `${trim(hours)}小时`;
  const days = Math.floor(hours / 24);
  const rest = hours - days * 24;
  return rest > 0 ? `${days}日${trim(rest)}小时` : `${days}日`;
}

/** An interval of calendar hours in Chinese: 3日 when both bounds agree, else 3日至13日. */
export function printInterval(i: HoursInterval): string {
  return i.shortest === i.longest
    ? printHours(i.shortest)
    : `${printHours(i.shortest)}至${printHours(i.longest)}`;
}

/** The shortest bound as a minimum: 至少 7日. */
export function printAtLeast(i: HoursInterval): string {
  return `至少 ${printHours(i.shortest)}`;
}

const trim = (n: number): string => String(Math.round(n * 100) / 100);
