/**
 * The legal-citation sub-language (src/language/citation): the fifteen real forms of DOMAIN.md §6 with
 * their exact structure, the irregular forms and their normalization, errors as data with exact spans,
 * robustness on long and random input, and the print/parse round trip.
 */
import { describe, expect, it } from 'vitest';
import {
  type Citation,
  type CitationResult,
  chineseNumeral,
  type DocNumber,
  type Irregularity,
  parseCitation,
  parseNumeral,
  printCitation,
  resolveLaw,
  type Span,
} from '../../src/language/citation/index.js';
import { mulberry32 } from '../helpers/random.js';

/** The span of `part` in `text` (the first occurrence at or after `from`). */
function at(text: string, part: string, from = 0): Span {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`${part} not in ${text}`);
  return { start, end: start + part.length };
}

/** A document number as written in `text`; its canonical text defaults to what is written. */
function doc(
  text: string,
  written: string,
  d: Omit<DocNumber, 'span' | 'text'> & { text?: string },
): DocNumber {
  return { ...d, text: d.text ?? written, span: at(text, written) };
}

function parsed(text: string): Citation {
  const r = parseCitation(text);
  expect(r.problems).toEqual([]);
  if (!r.citation) throw new Error(`no citation for ${text}`);
  return r.citation;
}

interface Case {
  text: string;
  expected: (text: string) => Citation;
  irregularities?: (text: string) => Irregularity[];
}

// ── the fifteen real forms (DOMAIN.md §6) ───────────────────────────────────────────────────────

const REAL: readonly Case[] = [
  {
    text: '《中华人民共和国行政许可法》第三十二条第一款第（五）项',
    expected: (s) => ({
      title: '中华人民共和国行政许可法',
      titleSpan: at(s, '中华人民共和国行政许可法'),
      quoted: true,
      docNumbers: [],
      article: 32,
      paragraph: 1,
      item: 5,
    }),
  },
  {
    text: '《中华人民共和国行政许可法》第三十二条第一款第四项',
    expected: (s) => ({
      title: '中华人民共和国行政许可法',
      titleSpan: at(s, '中华人民共和国行政许可法'),
      quoted: true,
      docNumbers: [],
      article: 32,
      paragraph: 1,
      item: 4,
    }),
  },
  {
    text: '《中华人民共和国行政许可法》第十二条第（三）项',
    expected: (s) => ({
      title: '中华人民共和国行政许可法',
      titleSpan: at(s, '中华人民共和国行政许可法'),
      quoted: true,
      docNumbers: [],
      article: 12,
      item: 3,
    }),
  },
  {
    text: '《中华人民共和国食品安全法》第三十五条第一款',
    expected: (s) => ({
      title: '中华人民共和国食品安全法',
      titleSpan: at(s, '中华人民共和国食品安全法'),
      quoted: true,
      docNumbers: [],
      article: 35,
      paragraph: 1,
    }),
  },
  {
    text: '【法律】《中华人民共和国专利法》（根据2020年10月17日第十三届全国人民代表大会常务委员会第二十二次会议《关于修改〈中华人民共和国专利法〉的决定》第四次修正）第六十五条',
    expected: (s) => ({
      rank: '法律',
      title: '中华人民共和国专利法',
      titleSpan: at(s, '中华人民共和国专利法'),
      quoted: true,
      note: '（根据2020年10月17日第十三届全国人民代表大会常务委员会第二十二次会议《关于修改〈中华人民共和国专利法〉的决定》第四次修正）',
      docNumbers: [],
      article: 65,
    }),
  },
  {
    text: '【地方性法规】《辽宁省专利条例》(2013年辽宁省第十二届人民代表大会常务委员会第五次会议通过，自2014年3月1日起施行）第二十二条',
    expected: (s) => ({
      rank: '地方性法规',
      title: '辽宁省专利条例',
      titleSpan: at(s, '辽宁省专利条例'),
      quoted: true,
      note: '（2013年辽宁省第十二届人民代表大会常务委员会第五次会议通过，自2014年3月1日起施行）',
      docNumbers: [],
      article: 22,
    }),
    // The half-width opening parenthesis.
    irregularities: (s) => [{ kind: 'brackets', span: at(s, '(') }],
  },
  {
    text: '【行政法规】《麻醉药品和精神药品管理条例》（2005年8月3日国务院令第442号，2016年2月6日修正）第二十六条第一款',
    expected: (s) => ({
      rank: '行政法规',
      title: '麻醉药品和精神药品管理条例',
      titleSpan: at(s, '麻醉药品和精神药品管理条例'),
      quoted: true,
      note: '（2005年8月3日国务院令第442号，2016年2月6日修正）',
      docNumbers: [doc(s, '国务院令第442号', { issuer: '国务院', number: 442, kind: 'order' })],
      article: 26,
      paragraph: 1,
    }),
  },
  {
    text: '【行政法规】《军人抚恤优待条例》（国务院、中央军委令第788号）第四十四条',
    expected: (s) => ({
      rank: '行政法规',
      title: '军人抚恤优待条例',
      titleSpan: at(s, '军人抚恤优待条例'),
      quoted: true,
      note: '（国务院、中央军委令第788号）',
      docNumbers: [
        doc(s, '国务院、中央军委令第788号', { issuer: '国务院、中央军委', number: 788, kind: 'order' }),
      ],
      article: 44,
    }),
  },
  {
    text: '【规范性文件】《残疾退役军人医疗保障办法》退役军人部发〔2022〕3号',
    expected: (s) => ({
      rank: '规范性文件',
      title: '残疾退役军人医疗保障办法',
      titleSpan: at(s, '残疾退役军人医疗保障办法'),
      quoted: true,
      docNumbers: [
        doc(s, '退役军人部发〔2022〕3号', { issuer: '退役军人部发', year: 2022, number: 3, kind: 'bracket' }),
      ],
    }),
  },
  {
    text: '【规章】《商业银行柜台记账式国债交易管理办法》（中国人民银行令〔2002〕2号）第三十八条',
    expected: (s) => ({
      rank: '规章',
      title: '商业银行柜台记账式国债交易管理办法',
      titleSpan: at(s, '商业银行柜台记账式国债交易管理办法'),
      quoted: true,
      note: '（中国人民银行令〔2002〕2号）',
      docNumbers: [
        doc(s, '中国人民银行令〔2002〕2号', {
          issuer: '中国人民银行令',
          year: 2002,
          number: 2,
          kind: 'bracket',
        }),
      ],
      article: 38,
    }),
  },
  {
    text: '【规范性文件】《国务院关于第五批取消和下放管理层级行政审批项目的决定》（国发〔2010〕21号）附件2《国务院决定下放管理层级的行政审批项目目录》第37项',
    expected: (s) => ({
      rank: '规范性文件',
      title: '国务院关于第五批取消和下放管理层级行政审批项目的决定',
      titleSpan: at(s, '国务院关于第五批取消和下放管理层级行政审批项目的决定'),
      quoted: true,
      note: '（国发〔2010〕21号）',
      docNumbers: [doc(s, '国发〔2010〕21号', { issuer: '国发', year: 2010, number: 21, kind: 'bracket' })],
      annex: { annex: 2, title: '国务院决定下放管理层级的行政审批项目目录', item: 37 },
    }),
  },
  {
    text: '《国务院对确需保留的行政审批项目设定行政许可的决定》（2004年6月29日国务院令第412号，2009年1月29日予以修改）附件第193项',
    expected: (s) => ({
      title: '国务院对确需保留的行政审批项目设定行政许可的决定',
      titleSpan: at(s, '国务院对确需保留的行政审批项目设定行政许可的决定'),
      quoted: true,
      note: '（2004年6月29日国务院令第412号，2009年1月29日予以修改）',
      docNumbers: [doc(s, '国务院令第412号', { issuer: '国务院', number: 412, kind: 'order' })],
      annex: { item: 193 },
    }),
  },
  {
    text: '【规范性文件】《国家税务总局关于发布〈出口货物劳务增值税和消费税管理办法〉的公告》（国家税务总局公告2012年第24号）第五条第（一）项',
    expected: (s) => ({
      rank: '规范性文件',
      title: '国家税务总局关于发布〈出口货物劳务增值税和消费税管理办法〉的公告',
      titleSpan: at(s, '国家税务总局关于发布〈出口货物劳务增值税和消费税管理办法〉的公告'),
      quoted: true,
      note: '（国家税务总局公告2012年第24号）',
      docNumbers: [
        doc(s, '国家税务总局公告2012年第24号', {
          issuer: '国家税务总局',
          year: 2012,
          number: 24,
          kind: 'announcement',
        }),
      ],
      article: 5,
      item: 1,
    }),
  },
  {
    text: '《中共中央办公厅 国务院办公厅关于转发…〈…意见〉的通知》（中办发〔2003〕16号）',
    expected: (s) => ({
      title: '中共中央办公厅 国务院办公厅关于转发…〈…意见〉的通知',
      titleSpan: at(s, '中共中央办公厅 国务院办公厅关于转发…〈…意见〉的通知'),
      quoted: true,
      note: '（中办发〔2003〕16号）',
      docNumbers: [
        doc(s, '中办发〔2003〕16号', { issuer: '中办发', year: 2003, number: 16, kind: 'bracket' }),
      ],
    }),
  },
  {
    text: '《烟草专卖许可证管理办法》（国家发展和改革委员会令第51号）',
    expected: (s) => ({
      title: '烟草专卖许可证管理办法',
      titleSpan: at(s, '烟草专卖许可证管理办法'),
      quoted: true,
      note: '（国家发展和改革委员会令第51号）',
      docNumbers: [
        doc(s, '国家发展和改革委员会令第51号', { issuer: '国家发展和改革委员会', number: 51, kind: 'order' }),
      ],
    }),
  },
];

describe('the fifteen real forms of DOMAIN.md §6', () => {
  it('has all fifteen', () => expect(REAL).toHaveLength(15));

  it.each(REAL.map((c, i) => [i + 1, c] as const))('example %i', (_, c) => {
    const r = parseCitation(c.text);
    expect(r.problems).toEqual([]);
    expect(r.citation).toStrictEqual(c.expected(c.text));
    expect(r.irregularities).toEqual(c.irregularities?.(c.text) ?? []);
    expect(r.normalized).toBe(printCitation(r.citation!));
  });

  it('normalizes only what is irregular or non-canonical', () => {
    // 项 without brackets is printed with them (the 规范表述 of example 3); the half-width ( becomes （.
    expect(parseCitation(REAL[1]!.text).normalized).toBe(
      '《中华人民共和国行政许可法》第三十二条第一款第（四）项',
    );
    expect(parseCitation(REAL[5]!.text).normalized).toBe(
      '【地方性法规】《辽宁省专利条例》（2013年辽宁省第十二届人民代表大会常务委员会第五次会议通过，自2014年3月1日起施行）第二十二条',
    );
    for (const i of [0, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14])
      expect(parseCitation(REAL[i]!.text).normalized).toBe(REAL[i]!.text);
  });
});

// ── irregular forms ─────────────────────────────────────────────────────────────────────────────

interface IrregularCase extends Case {
  normalized: string;
}

const IRREGULAR: readonly IrregularCase[] = [
  {
    text: '《环境保护法》第二十四条',
    expected: (s) => ({
      title: '环境保护法',
      titleSpan: at(s, '环境保护法'),
      quoted: true,
      docNumbers: [],
      article: 24,
    }),
    // short-title is the caller's decision, through resolveLaw (below).
    irregularities: () => [],
    normalized: '《环境保护法》第二十四条',
  },
  {
    text: '《食品安全法》第35条第1款',
    expected: (s) => ({
      title: '食品安全法',
      titleSpan: at(s, '食品安全法'),
      quoted: true,
      docNumbers: [],
      article: 35,
      paragraph: 1,
    }),
    irregularities: (s) => [
      { kind: 'arabic-numerals', span: at(s, '35') },
      { kind: 'arabic-numerals', span: at(s, '1', s.indexOf('条')) },
    ],
    normalized: '《食品安全法》第三十五条第一款',
  },
  {
    text: '辽政发【2017】33号',
    expected: (s) => ({
      quoted: false,
      docNumbers: [
        doc(s, s, { issuer: '辽政发', year: 2017, number: 33, kind: 'bracket', text: '辽政发〔2017〕33号' }),
      ],
    }),
    irregularities: (s) => [{ kind: 'brackets', span: at(s, '【2017】') }],
    normalized: '辽政发〔2017〕33号',
  },
  {
    text: '财综【2017】35号',
    expected: (s) => ({
      quoted: false,
      docNumbers: [
        doc(s, s, { issuer: '财综', year: 2017, number: 35, kind: 'bracket', text: '财综〔2017〕35号' }),
      ],
    }),
    irregularities: (s) => [{ kind: 'brackets', span: at(s, '【2017】') }],
    normalized: '财综〔2017〕35号',
  },
  {
    text: '计价格(1998)2084号',
    expected: (s) => ({
      quoted: false,
      docNumbers: [
        doc(s, s, {
          issuer: '计价格',
          year: 1998,
          number: 2084,
          kind: 'bracket',
          text: '计价格〔1998〕2084号',
        }),
      ],
    }),
    irregularities: (s) => [{ kind: 'brackets', span: at(s, '(1998)') }],
    normalized: '计价格〔1998〕2084号',
  },
  {
    text: '京政发[2020]1号',
    expected: (s) => ({
      quoted: false,
      docNumbers: [
        doc(s, s, { issuer: '京政发', year: 2020, number: 1, kind: 'bracket', text: '京政发〔2020〕1号' }),
      ],
    }),
    irregularities: (s) => [{ kind: 'brackets', span: at(s, '[2020]') }],
    normalized: '京政发〔2020〕1号',
  },
  {
    text: '【规章】港口危险货物安全管理规定（中华人民共和国交通运输部令2017年第27号）第五十八条',
    expected: (s) => ({
      rank: '规章',
      title: '港口危险货物安全管理规定',
      titleSpan: at(s, '港口危险货物安全管理规定'),
      quoted: false,
      note: '（中华人民共和国交通运输部令2017年第27号）',
      docNumbers: [
        doc(s, '中华人民共和国交通运输部令2017年第27号', {
          issuer: '中华人民共和国交通运输部',
          year: 2017,
          number: 27,
          kind: 'order',
        }),
      ],
      article: 58,
    }),
    irregularities: (s) => [{ kind: 'missing-quotes', span: at(s, '港口危险货物安全管理规定') }],
    normalized: '【规章】《港口危险货物安全管理规定》（中华人民共和国交通运输部令2017年第27号）第五十八条',
  },
  {
    // Irregular forms together: Arabic, full-width digits, half-width item brackets, a title's inner 《》.
    text: '《关于修改《中华人民共和国专利法》的决定》第３条第(2)项',
    expected: (s) => ({
      title: '关于修改〈中华人民共和国专利法〉的决定',
      titleSpan: at(s, '关于修改《中华人民共和国专利法》的决定'),
      quoted: true,
      docNumbers: [],
      article: 3,
      item: 2,
    }),
    irregularities: (s) => [
      { kind: 'brackets', span: at(s, '《中华人民共和国专利法》') },
      { kind: 'arabic-numerals', span: at(s, '３') },
      { kind: 'brackets', span: at(s, '(2)') },
      { kind: 'arabic-numerals', span: at(s, '2') },
    ],
    normalized: '《关于修改〈中华人民共和国专利法〉的决定》第三条第（二）项',
  },
  {
    text: '《某条例》（2001年国务院令 第３１２号发布，根据2016年计价格(1998)2084号修改）第一条',
    expected: (s) => ({
      title: '某条例',
      titleSpan: at(s, '某条例'),
      quoted: true,
      note: '（2001年国务院令第312号发布，根据2016年计价格〔1998〕2084号修改）',
      docNumbers: [
        doc(s, '国务院令 第３１２号', {
          issuer: '国务院',
          number: 312,
          kind: 'order',
          text: '国务院令第312号',
        }),
        doc(s, '计价格(1998)2084号', {
          issuer: '计价格',
          year: 1998,
          number: 2084,
          kind: 'bracket',
          text: '计价格〔1998〕2084号',
        }),
      ],
      article: 1,
    }),
    irregularities: (s) => [{ kind: 'brackets', span: at(s, '(1998)') }],
    normalized: '《某条例》（2001年国务院令第312号发布，根据2016年计价格〔1998〕2084号修改）第一条',
  },
];

describe('irregular forms', () => {
  it.each(IRREGULAR.map((c) => [c.text, c] as const))('%s', (_, c) => {
    const r = parseCitation(c.text);
    expect(r.problems).toEqual([]);
    expect(r.citation).toStrictEqual(c.expected(c.text));
    expect(r.irregularities).toEqual(c.irregularities?.(c.text) ?? []);
    expect(r.normalized).toBe(c.normalized);
    // The normalized text is regular.
    expect(parseCitation(c.normalized).irregularities).toEqual([]);
  });

  it('reads every 令 and 公告 numbering of §6', () => {
    const cases: [string, Omit<DocNumber, 'span' | 'text'>][] = [
      ['国务院令第442号', { issuer: '国务院', number: 442, kind: 'order' }],
      ['主席令第十五号', { issuer: '主席', number: 15, kind: 'order' }],
      ['中华人民共和国主席令第23号', { issuer: '中华人民共和国主席', number: 23, kind: 'order' }],
      ['国务院、中央军委令第788号', { issuer: '国务院、中央军委', number: 788, kind: 'order' }],
      ['交通运输部令2017年第27号', { issuer: '交通运输部', year: 2017, number: 27, kind: 'order' }],
      ['国家卫生健康委令2018年第1号', { issuer: '国家卫生健康委', year: 2018, number: 1, kind: 'order' }],
      ['国家发展和改革委员会令第51号', { issuer: '国家发展和改革委员会', number: 51, kind: 'order' }],
      ['公安部令第112号', { issuer: '公安部', number: 112, kind: 'order' }],
      [
        '国家税务总局公告2012年第24号',
        { issuer: '国家税务总局', year: 2012, number: 24, kind: 'announcement' },
      ],
      [
        '财政部 税务总局公告2020年第2号',
        { issuer: '财政部 税务总局', year: 2020, number: 2, kind: 'announcement' },
      ],
      ['国发〔2024〕3号', { issuer: '国发', year: 2024, number: 3, kind: 'bracket' }],
      ['国办发〔2025〕24号', { issuer: '国办发', year: 2025, number: 24, kind: 'bracket' }],
      ['国办函〔2026〕2号', { issuer: '国办函', year: 2026, number: 2, kind: 'bracket' }],
      ['内政发〔2024〕15号', { issuer: '内政发', year: 2024, number: 15, kind: 'bracket' }],
      ['石政发〔2024〕11号', { issuer: '石政发', year: 2024, number: 11, kind: 'bracket' }],
      ['甘卫法监函〔2024〕183号', { issuer: '甘卫法监函', year: 2024, number: 183, kind: 'bracket' }],
      ['赣府厅字〔2022〕117号', { issuer: '赣府厅字', year: 2022, number: 117, kind: 'bracket' }],
      ['粤办函〔2015〕208号', { issuer: '粤办函', year: 2015, number: 208, kind: 'bracket' }],
      ['退役军人部发〔2022〕3号', { issuer: '退役军人部发', year: 2022, number: 3, kind: 'bracket' }],
      ['中国人民银行令〔2002〕2号', { issuer: '中国人民银行令', year: 2002, number: 2, kind: 'bracket' }],
    ];
    for (const [text, d] of cases) {
      const r = parseCitation(text);
      expect(r.problems, text).toEqual([]);
      expect(r.citation, text).toStrictEqual({ quoted: false, docNumbers: [doc(text, text, d)] });
      expect(r.irregularities, text).toEqual([]);
      expect(r.normalized, text).toBe(text);
    }
  });

  it('finds where the issuer starts in a note', () => {
    const c = parsed('《某办法》（根据国务院令第1号修改，经2019年3月2日国务院令第710号修订）');
    expect(c.docNumbers.map((d) => [d.issuer, d.number])).toEqual([
      ['国务院', 1],
      ['国务院', 710],
    ]);
    const joint = parsed('《某办法》（人力资源社会保障部 财政部令第5号）');
    expect(joint.docNumbers.map((d) => d.issuer)).toEqual(['人力资源社会保障部 财政部']);
  });

  it('keeps nested parentheses in a note, full-width', () => {
    const text = '《法》（根据(2019年)修改）第五条';
    const r = parseCitation(text);
    expect(r.citation?.note).toBe('（根据（2019年）修改）');
    expect(r.irregularities).toEqual([
      { kind: 'brackets', span: at(text, '(') },
      { kind: 'brackets', span: at(text, ')') },
    ]);
  });

  it('takes a title without 《》 up to a space before a document number', () => {
    const c = parsed('港口规定 国发〔2024〕3号');
    expect(c.title).toBe('港口规定');
    expect(c.docNumbers.map((d) => d.text)).toEqual(['国发〔2024〕3号']);
  });

  it('accepts spaces between the parts of a provision', () => {
    expect(parsed('《食品安全法》 第 三十五 条 第 一 款')).toMatchObject({ article: 35, paragraph: 1 });
  });
});

// ── resolveLaw and short titles ─────────────────────────────────────────────────────────────────

describe('resolveLaw', () => {
  const laws = [
    { id: 'env', title: '中华人民共和国环境保护法', aliases: ['环保法'] },
    { id: 'food', title: '中华人民共和国食品安全法', aliases: ['食品安全法'] },
    { id: 'licence', title: '中华人民共和国行政许可法' },
    { id: 'drugs', title: '麻醉药品和精神药品管理条例' },
  ];

  it('matches the exact title (loosely: spaces, widths, inner brackets)', () => {
    expect(resolveLaw(parsed('《中华人民共和国行政许可法》第十二条'), laws)).toEqual({
      id: 'licence',
      viaAlias: false,
      candidates: [],
    });
    expect(resolveLaw(parsed('《麻醉药品和精神药品 管理条例》第一条'), laws).id).toBe('drugs');
  });

  it('resolves a registered alias with viaAlias: true, which the caller reports as short-title', () => {
    const text = '《食品安全法》第35条第1款';
    const r = parseCitation(text);
    const law = resolveLaw(r.citation!, laws);
    expect(law).toEqual({ id: 'food', viaAlias: true, candidates: [] });
    // What the caller does with it:
    const shortTitle: Irregularity = { kind: 'short-title', span: r.citation!.titleSpan! };
    expect(shortTitle.span).toEqual(at(text, '食品安全法'));
    expect(resolveLaw(parsed('《环保法》第一条'), laws)).toEqual({
      id: 'env',
      viaAlias: true,
      candidates: [],
    });
  });

  it('tries 中华人民共和国 + title, also a short title', () => {
    expect(resolveLaw(parsed('《环境保护法》第二十四条'), laws)).toEqual({
      id: 'env',
      viaAlias: true,
      candidates: [],
    });
    expect(resolveLaw(parsed('《行政许可法》第十二条'), laws)).toEqual({
      id: 'licence',
      viaAlias: true,
      candidates: [],
    });
  });

  it('offers the closest titles when nothing matches', () => {
    const r = resolveLaw(parsed('《中华人民共和国行政许可条例》第一条'), laws);
    expect(r.id).toBeUndefined();
    expect(r.viaAlias).toBe(false);
    expect(r.candidates[0]).toBe('中华人民共和国行政许可法');
    expect(resolveLaw(parsed('《完全无关的文件》第一条'), laws).candidates).toEqual([]);
    expect(resolveLaw(parsed('国发〔2024〕3号'), laws)).toEqual({ viaAlias: false, candidates: [] });
  });
});

// ── numerals ────────────────────────────────────────────────────────────────────────────────────

describe('numerals', () => {
  it.each([
    ['零', 0],
    ['〇', 0],
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['一十五', 15],
    ['二十', 20],
    ['三十五', 35],
    ['九十九', 99],
    ['一百', 100],
    ['两百', 200],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百九十三', 193],
    ['一千零一十', 1010],
    ['两千零二十四', 2024],
    ['一万', 10000],
    ['一万零一十', 10010],
    ['十万', 100000],
    ['十一万二千', 112000],
    ['二〇二四', 2024],
    ['一九九八', 1998],
    ['35', 35],
    ['３５', 35],
    ['007', 7],
  ])('parseNumeral(%s) = %i', (s, n) => expect(parseNumeral(s)).toBe(n));

  it.each([
    '',
    '十十',
    '百',
    '一百零',
    '五零十',
    '五五十',
    '一十百',
    '一万一万',
    '三五十',
    'x',
    '1十',
    '-1',
    '1.5',
    '两两',
  ])('parseNumeral(%j) is undefined', (s) => expect(parseNumeral(s)).toBeUndefined());

  it.each([
    [0, '零'],
    [10, '十'],
    [15, '十五'],
    [35, '三十五'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [1010, '一千零一十'],
    [10010, '一万零一十'],
    [100000, '十万'],
  ])('chineseNumeral(%i) = %s', (n, s) => expect(chineseNumeral(n)).toBe(s));

  it('round-trips every number below 100000, and falls back to Arabic outside its range', () => {
    for (let n = 0; n < 100000; n++) if (parseNumeral(chineseNumeral(n)) !== n) expect(n).toBe(-1);
    expect(chineseNumeral(-1)).toBe('-1');
    expect(chineseNumeral(1.5)).toBe('1.5');
    expect(chineseNumeral(1e9)).toBe('1000000000');
  });
});

// ── errors ──────────────────────────────────────────────────────────────────────────────────────

function problems(text: string): [string, Span][] {
  const r = parseCitation(text);
  expect(r.citation).toBeUndefined();
  expect(r.normalized).toBeUndefined();
  expect(r.irregularities).toEqual([]);
  return r.problems.map((p) => [p.kind === 'syntax' ? p.detail : 'empty', p.span]);
}

describe('problems, as data with exact spans', () => {
  it('reports empty text', () => {
    expect(parseCitation('')).toEqual({
      irregularities: [],
      problems: [{ kind: 'empty', span: { start: 0, end: 0 } }],
    });
    expect(parseCitation(' \u3000\n').problems).toEqual([{ kind: 'empty', span: { start: 0, end: 3 } }]);
  });

  it('reports an unclosed 《 at the 《, and still reads the rest', () => {
    expect(problems('《中华人民共和国食品安全法')).toEqual([['“《”没有对应的“》”', { start: 0, end: 1 }]]);
    expect(problems('《食品安全法第三十五条第')).toEqual([
      ['“《”没有对应的“》”', { start: 0, end: 1 }],
      ['“第”后缺少序号', { start: 11, end: 12 }],
    ]);
  });

  it('reports an unclosed 《 inside a note', () => {
    expect(problems('《法》（根据《某决定修改）第五条')).toEqual([
      ['“《”没有对应的“》”', { start: 6, end: 7 }],
    ]);
  });

  it('reports 第 without a number at the 第', () => {
    expect(problems('《食品安全法》第条')).toEqual([['“第”后缺少序号', { start: 7, end: 8 }]]);
  });

  it('reports a number without 条/款/项/目 at 第 and the number', () => {
    expect(problems('《食品安全法》第三十五')).toEqual([
      ['“第三十五”后缺少“条”“款”“项”或“目”', { start: 7, end: 11 }],
    ]);
  });

  it('reports trailing garbage from where it starts to the end', () => {
    const text = '《食品安全法》第三十五条规定的情形 ';
    expect(problems(text)).toEqual([['多余的内容“规定的情形”', at(text, '规定的情形')]]);
    expect(problems('《法》第五条第（一）项、第（二）项')).toEqual([
      ['多余的内容“、第（二）项”', { start: 11, end: 17 }],
    ]);
  });

  it('reports several problems in one text', () => {
    const text = '《法》》第条第五';
    expect(problems(text)).toEqual([
      ['无法识别的“》”', { start: 3, end: 4 }],
      ['“第”后缺少序号', { start: 4, end: 5 }],
      ['“第五”后缺少“条”“款”“项”或“目”', { start: 6, end: 8 }],
    ]);
    expect(problems('《法》（国务院令第1号第五条')).toEqual([['“（”没有对应的“）”', { start: 3, end: 4 }]]);
    expect(problems('《法》第五条第五条 abc')).toEqual([
      ['“第五条”的位置不对：条、款、项、目须依次各写一次', { start: 6, end: 9 }],
      ['多余的内容“abc”', { start: 10, end: 13 }],
    ]);
  });

  it('checks the order of 条款项目 and the numbers themselves', () => {
    expect(problems('《法》第一款第二条')).toEqual([
      ['“第二条”的位置不对：条、款、项、目须依次各写一次', { start: 6, end: 9 }],
    ]);
    expect(problems('《法》第十十条')).toEqual([['“十十”不是有效的数字', { start: 4, end: 6 }]]);
    expect(problems('《法》附件第5条')).toEqual([['附件中的条目应写作“第N项”', { start: 5, end: 8 }]]);
    expect(problems('《》第一条')).toEqual([['书名号内没有法规名称', { start: 0, end: 2 }]]);
  });

  it('wants a title or a document number', () => {
    expect(problems('第三十五条')).toEqual([['缺少法规名称或文号', { start: 0, end: 1 }]]);
    expect(problems('【法律】')).toEqual([['缺少法规名称或文号', { start: 3, end: 4 }]]);
  });

  it('lists at most twenty problems, the last one summing up the rest', () => {
    const r = parseCitation('《'.repeat(50));
    expect(r.problems).toHaveLength(20);
    expect(r.problems.at(-1)).toMatchObject({
      kind: 'syntax',
      detail: expect.stringMatching(/^此后另有\d+处问题$/),
    });
  });
});

// ── robustness ──────────────────────────────────────────────────────────────────────────────────

function wellFormed(text: string, r: CitationResult): void {
  for (const p of [...r.problems, ...r.irregularities]) {
    expect(p.span.start).toBeGreaterThanOrEqual(0);
    expect(p.span.end).toBeLessThanOrEqual(text.length);
    expect(p.span.start).toBeLessThanOrEqual(p.span.end);
    if (p.kind === 'syntax') expect(p.detail).not.toMatch(/^内部错误/);
  }
  expect(r.problems.length).toBeLessThanOrEqual(20);
  expect(r.citation === undefined).toBe(r.problems.length > 0);
}

describe('robustness', () => {
  it('handles 10,000-character inputs quickly', () => {
    const inputs = [
      '《'.repeat(10000),
      '》'.repeat(10000),
      '（'.repeat(10000),
      '第'.repeat(10000),
      '第五'.repeat(5000),
      '《法》第五条'.repeat(1667),
      `《${'法'.repeat(9998)}》`,
      `《法》（${'根据2020年10月17日国务院令第1号修改'.repeat(450)}）`,
      '国'.repeat(10000),
      '国发〔2010〕21号'.repeat(900),
      `《法》${'（'.repeat(5000)}${'）'.repeat(5000)}`,
      `《法》第${'一'.repeat(9996)}条`,
    ];
    for (const text of inputs) {
      const t0 = performance.now();
      const r = parseCitation(text);
      const ms = performance.now() - t0;
      expect(ms, text.slice(0, 10)).toBeLessThan(2000);
      wellFormed(text, r);
    }
    expect(parseCitation(`《${'法'.repeat(9998)}》`).citation?.title).toHaveLength(9998);
  });

  it('never throws on random byte strings', () => {
    const next = mulberry32(1);
    const t0 = performance.now();
    for (let k = 0; k < 500; k++) {
      const len = Math.floor(next() * 200);
      const bytes = Array.from({ length: len }, () => Math.floor(next() * 256));
      for (const text of [String.fromCharCode(...bytes), new TextDecoder().decode(new Uint8Array(bytes))]) {
        wellFormed(text, parseCitation(text));
      }
      const units = String.fromCharCode(...Array.from({ length: len }, () => Math.floor(next() * 0x10000)));
      wellFormed(units, parseCitation(units));
    }
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('never throws on random soups of the citation alphabet, and what parses round-trips', () => {
    const alphabet = [
      ...'《》〈〉（）()【】〔〕[]第条款项目号令年附件一二三十百零两0123４５ 、，国务院发法规定关于根据修改',
      '公告',
      '附件',
      '【法律】',
      '国发〔2024〕3号',
      '国务院令第412号',
      '第三十二条',
      '第（五）项',
    ];
    const next = mulberry32(7);
    let parsedCount = 0;
    for (let k = 0; k < 2000; k++) {
      const len = 1 + Math.floor(next() * 16);
      const text = Array.from({ length: len }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const r = parseCitation(text);
      wellFormed(text, r);
      if (r.citation) {
        parsedCount++;
        expectRoundTrip(r.citation, text);
      }
    }
    expect(parsedCount).toBeGreaterThan(100);
  });
});

// ── round trip ──────────────────────────────────────────────────────────────────────────────────

function withoutSpans(c: Citation): unknown {
  const { titleSpan: _, ...rest } = c;
  return { ...rest, docNumbers: c.docNumbers.map(({ span: _s, ...d }) => d) };
}

/** parse(print(c)) is c, spans aside, with the title now quoted; printing is idempotent. */
function expectRoundTrip(c: Citation, source: string): void {
  const printed = printCitation(c);
  const again = parseCitation(printed);
  expect(again.problems, `${source} → ${printed}`).toEqual([]);
  expect(withoutSpans(again.citation!), `${source} → ${printed}`).toEqual(
    withoutSpans(c.title === undefined ? c : { ...c, quoted: true }),
  );
  expect(again.irregularities, printed).toEqual([]);
  expect(printCitation(again.citation!)).toBe(printed);
}

describe('print and parse', () => {
  it.each([...REAL, ...IRREGULAR].map((c) => [c.text] as const))('round-trips %s', (text) => {
    const c = parsed(text);
    expectRoundTrip(c, text);
    // Exactly c (spans aside) whenever the title was quoted.
    if (c.quoted || c.title === undefined)
      expect(withoutSpans(parsed(printCitation(c)))).toEqual(withoutSpans(c));
  });

  it('round-trips generated citations', () => {
    const next = mulberry32(42);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const titles = [
      '中华人民共和国行政许可法',
      '辽宁省专利条例',
      '关于修改〈中华人民共和国专利法〉的决定',
      '项目管理办法',
    ];
    const notes = [
      '（2005年8月3日国务院令第442号，2016年2月6日修正）',
      '（国务院、中央军委令第788号）',
      '（根据国家税务总局公告2012年第24号修改）',
      '（经《国务院关于修改部分行政法规的决定》修订）',
    ];
    const maybe = <T>(v: T): T | undefined => (next() < 0.5 ? v : undefined);
    for (let k = 0; k < 300; k++) {
      const c: Citation = { quoted: true, docNumbers: [] };
      const rank = maybe(pick(['法律', '行政法规', '规章']));
      if (rank) c.rank = rank;
      c.title = pick(titles);
      const note = maybe(pick(notes));
      if (note) {
        c.note = note;
        c.docNumbers.push(...parsed(`《某》${note}`).docNumbers);
      }
      const own = maybe(`国发〔${2000 + Math.floor(next() * 25)}〕${1 + Math.floor(next() * 200)}号`);
      if (own) c.docNumbers.push(...parsed(own).docNumbers);
      if (next() < 0.2) {
        c.annex = { item: 1 + Math.floor(next() * 300) };
        const n = maybe(1 + Math.floor(next() * 5));
        if (n) c.annex.annex = n;
      } else {
        const article = maybe(1 + Math.floor(next() * 300));
        if (article) c.article = article;
        const paragraph = maybe(1 + Math.floor(next() * 9));
        if (paragraph) c.paragraph = paragraph;
        const item = maybe(1 + Math.floor(next() * 20));
        if (item) c.item = item;
        const subItem = maybe(1 + Math.floor(next() * 5));
        if (subItem) c.subItem = subItem;
      }
      expectRoundTrip(c, JSON.stringify(c));
    }
  });

  it('prints a hand-built citation in canonical form', () => {
    expect(
      printCitation({
        rank: '规范性文件',
        title: '残疾退役军人医疗保障办法',
        quoted: false,
        docNumbers: [
          {
            issuer: '退役军人部发',
            year: 2022,
            number: 3,
            kind: 'bracket',
            text: '退役军人部发〔2022〕3号',
            span: { start: 0, end: 0 },
          },
        ],
        article: 110,
        paragraph: 2,
        item: 15,
        subItem: 1,
      }),
    ).toBe(
      '【规范性文件】《残疾退役军人医疗保障办法》退役军人部发〔2022〕3号第一百一十条第二款第（十五）项第一目',
    );
    expect(printCitation({ quoted: true, title: '某法', note: '2019年修正', docNumbers: [] })).toBe(
      '《某法》（2019年修正）',
    );
  });
});
