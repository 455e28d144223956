/** Time limits: every accepted form, and the comparison rule documented in src/language/duration.ts. */
import { describe, expect, it } from 'vitest';
import {
  bounds,
  certainlyLonger,
  type Duration,
  isInstant,
  parseDuration,
} from '../../src/language/duration.js';

const d = (text: string): Duration => {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`cannot parse ${text}`);
  return parsed;
};

describe('parseDuration', () => {
  it.each([
    ['即办', { unit: 'instant' }],
    ['当场办结', { unit: 'instant' }],
    ['即时办结', { unit: 'instant' }],
    ['immediately', { unit: 'instant' }],
    ['On the spot', { unit: 'instant' }],
    ['5个工作日', { unit: 'workday', amount: 5 }],
    ['20工作日', { unit: 'workday', amount: 20 }],
    ['5 个工作日', { unit: 'workday', amount: 5 }],
    ['0.5个工作日', { unit: 'workday', amount: 0.5 }],
    ['10 working days', { unit: 'workday', amount: 10 }],
    ['1 business day', { unit: 'workday', amount: 1 }],
    ['30日', { unit: 'day', amount: 30 }],
    ['30天', { unit: 'day', amount: 30 }],
    ['30个自然日', { unit: 'day', amount: 30 }],
    ['30 calendar days', { unit: 'day', amount: 30 }],
    ['3 days', { unit: 'day', amount: 3 }],
    ['2小时', { unit: 'hour', amount: 2 }],
    ['2个小时', { unit: 'hour', amount: 2 }],
    ['2 hours', { unit: 'hour', amount: 2 }],
    ['2h', { unit: 'hour', amount: 2 }],
  ])('reads %s', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it('reads full-width digits', () => {
    expect(parseDuration('５个工作日')).toEqual({ unit: 'workday', amount: 5 });
    expect(parseDuration('２０日')).toEqual({ unit: 'day', amount: 20 });
    expect(parseDuration('１２小时')).toEqual({ unit: 'hour', amount: 12 });
  });

  it('ignores surrounding spaces, including the ideographic space', () => {
    expect(parseDuration('  5个工作日 ')).toEqual({ unit: 'workday', amount: 5 });
    expect(parseDuration('\u30005个工作日\u3000')).toEqual({ unit: 'workday', amount: 5 });
  });

  it('reads the wording guides put around a limit (DOMAIN §2.4: 自受理之日起xx日办结; guide G1: 1个工作日内)', () => {
    expect(parseDuration('自受理之日起20日办结')).toEqual({ unit: 'day', amount: 20 });
    expect(parseDuration('自受理之日起20个工作日内办结')).toEqual({ unit: 'workday', amount: 20 });
    expect(parseDuration('1个工作日内')).toEqual({ unit: 'workday', amount: 1 });
    expect(parseDuration('20日内办结')).toEqual({ unit: 'day', amount: 20 });
  });

  it.each([
    '',
    '五个工作日',
    '视情况而定',
    '20',
    '工作日',
    '20周',
    '-5个工作日',
    '5个工作日（不含公示时间）',
    '即办件',
  ])('does not read %s', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('isInstant and bounds', () => {
  it('knows instant limits', () => {
    expect(isInstant(d('即办'))).toBe(true);
    expect(isInstant(d('当场办结'))).toBe(true);
    expect(isInstant(d('1小时'))).toBe(false);
  });

  it('gives calendar-hour spans: a day is 24 hours; N working days last N to N + 2·⌈N/5⌉ + 8 days', () => {
    expect(bounds(d('即办'))).toEqual([0, 0]);
    expect(bounds(d('2小时'))).toEqual([2, 2]);
    expect(bounds(d('30日'))).toEqual([720, 720]);
    expect(bounds(d('1个工作日'))).toEqual([24, 24 * 11]);
    expect(bounds(d('5个工作日'))).toEqual([120, 24 * 15]);
    expect(bounds(d('20个工作日'))).toEqual([480, 24 * 36]);
  });
});

describe('certainlyLonger (promised vs statutory)', () => {
  const longer = (a: string, b: string) => certainlyLonger(d(a), d(b));

  it('compares amounts in the same unit', () => {
    expect(longer('30个工作日', '20个工作日')).toBe(true);
    expect(longer('20个工作日', '20个工作日')).toBe(false);
    expect(longer('5个工作日', '20工作日')).toBe(false);
    expect(longer('31日', '30天')).toBe(true);
    expect(longer('30个自然日', '30日')).toBe(false);
    expect(longer('3小时', '2小时')).toBe(true);
  });

  it('never finds an instant limit longer, and finds any limit longer than an instant one', () => {
    expect(longer('即办', '当场办结')).toBe(false);
    expect(longer('即办', '1小时')).toBe(false);
    expect(longer('1小时', '即办')).toBe(true);
    expect(longer('1个工作日', '当场办结')).toBe(true);
  });

  it('working days against calendar days: N working days last at least N calendar days', () => {
    expect(longer('10个工作日', '7日')).toBe(true);
    expect(longer('8个工作日', '7日')).toBe(true);
    expect(longer('7个工作日', '7日')).toBe(false);
    expect(longer('5个工作日', '7日')).toBe(false);
    expect(longer('1个工作日', '1日')).toBe(false);
  });

  it('calendar days against working days: longer only beyond the longest span of the working days', () => {
    expect(longer('7日', '5个工作日')).toBe(false);
    expect(longer('15日', '5个工作日')).toBe(false);
    expect(longer('16日', '5个工作日')).toBe(true);
    expect(longer('30日', '20个工作日')).toBe(false);
    expect(longer('36日', '20个工作日')).toBe(false);
    expect(longer('37日', '20个工作日')).toBe(true);
    expect(longer('40天', '20工作日')).toBe(true);
  });

  it('working days against hours: a working day is sure of 8 working hours only', () => {
    expect(longer('1个工作日', '10小时')).toBe(false);
    expect(longer('1个工作日', '8小时')).toBe(false);
    expect(longer('1个工作日', '7小时')).toBe(true);
    expect(longer('2个工作日', '10小时')).toBe(true);
    expect(longer('2个工作日', '16小时')).toBe(false);
  });

  it('hours against working days: longer only beyond the longest calendar span', () => {
    expect(longer('10小时', '1个工作日')).toBe(false);
    expect(longer('264小时', '1个工作日')).toBe(false);
    expect(longer('265小时', '1个工作日')).toBe(true);
  });

  it('calendar days against hours, and back: a day is 24 hours', () => {
    expect(longer('1日', '23小时')).toBe(true);
    expect(longer('1日', '24小时')).toBe(false);
    expect(longer('25小时', '1日')).toBe(true);
    expect(longer('24小时', '1天')).toBe(false);
  });

  it('reads full-width and English limits the same way', () => {
    expect(longer('１０个工作日', '7日')).toBe(true);
    expect(longer('10 working days', '7 days')).toBe(true);
    expect(longer('５个工作日', '10 working days')).toBe(false);
  });
});

describe('addition and printing', () => {
  it('adds same units exactly and mixed units as an interval', async () => {
    const {
      addDurations,
      intervalExceeds,
      printDuration,
      parseDuration: p,
    } = await import('../../src/language/duration.js');
    const d = (s: string) => p(s)!;
    expect(addDurations([d('2个工作日'), d('3个工作日')])).toEqual(addDurations([d('5个工作日')]));
    const mixed = addDurations([d('5个工作日'), d('2日')]);
    expect(mixed.shortest).toBe(24 * 7);
    expect(mixed.longest).toBe(24 * (5 + 2 + 8) + 48);
    expect(intervalExceeds(mixed, d('6日'))).toBe(true);
    expect(intervalExceeds(mixed, d('7日'))).toBe(false);
    expect(intervalExceeds(addDurations([d('即办')]), d('即办'))).toBe(false);
    for (const s of ['即办', '5个工作日', '30日', '2小时']) expect(printDuration(d(s))).toBe(s);
    expect(printDuration(d('５工作日'))).toBe('5个工作日');
  });
});
