/** “Did you mean” suggestions: edit distance with transpositions, Chinese titles, full-width brackets. */
import { describe, expect, it } from 'vitest';
import { editDistance, normalizeLoose, quoteAll, suggest } from '../../src/util/suggest.js';

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('nmae', 'name')).toBe(1);
    expect(editDistance('deparmtent', 'department')).toBe(1);
    expect(editDistance('promsiedLimit', 'promisedLimit')).toBe(1);
    expect(editDistance('承办诺', '承诺办')).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('承诺时限', '承诺办结时限')).toBe(2);
    expect(editDistance('即办', '即办件')).toBe(1);
  });

  it('counts code points, so a character outside the BMP is one edit', () => {
    expect(editDistance('𠀀名', '名')).toBe(1);
    expect(editDistance('𠀀', '𠀁')).toBe(1);
  });

  it('stops at the cap and returns cap + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abcdef', 'badcfe', 3)).toBe(3);
  });
});

describe('normalizeLoose', () => {
  it('unifies full-width and half-width brackets, letters and digits', () => {
    expect(normalizeLoose('镇（乡、街道）级')).toBe(normalizeLoose('镇(乡、街道)级'));
    expect(normalizeLoose('国发〔2024〕3号')).toBe('国发(2024)3号');
    expect(normalizeLoose('辽政发【2017】33号')).toBe('辽政发(2017)33号');
    expect(normalizeLoose('京政发[2020]1号')).toBe('京政发(2020)1号');
    expect(normalizeLoose('ＧＢ／Ｔ　３９５５４')).toBe('gb/t39554');
  });

  it('drops spaces and lower-cases', () => {
    expect(normalizeLoose(' Promised Limit ')).toBe('promisedlimit');
  });
});

describe('suggest', () => {
  const keys = [
    { value: 'promisedLimit', aliases: ['承诺办结时限'] },
    { value: 'promisedLimitNote', aliases: ['承诺办结时限说明'] },
    { value: 'statutoryLimit', aliases: ['法定办结时限'] },
    { value: 'department', aliases: ['实施主体'] },
    { value: 'name', aliases: ['事项名称'] },
  ];

  it('finds a misspelt or transposed key', () => {
    expect(suggest('promsiedLimit', keys)[0]).toBe('promisedLimit');
    expect(suggest('deparmtent', keys)).toEqual(['department']);
    expect(suggest('nmae', keys)).toEqual(['name']);
  });

  it('finds a key by its Chinese title, exact or shortened', () => {
    expect(suggest('承诺办结时限', keys)[0]).toBe('promisedLimit');
    expect(suggest('实施主体', keys)).toEqual(['department']);
    expect(suggest('承诺时限', keys)[0]).toBe('promisedLimit');
    expect(suggest('法定时限', keys)).toEqual(['statutoryLimit']);
  });

  it('matches enum values whatever the bracket width', () => {
    const levels = ['国家级', '省级', '市级', '县级', '镇（乡、街道）级', '分级管理', '村（社区）级'].map(
      (value) => ({ value }),
    );
    expect(suggest('镇(乡、街道)级', levels)[0]).toBe('镇（乡、街道）级');
    expect(suggest('村(社区)级', levels)[0]).toBe('村（社区）级');
    expect(suggest('即办', [{ value: '即办件' }, { value: '承诺件' }])).toEqual(['即办件']);
  });

  it('finds an id by an alias such as a department short name', () => {
    const depts = [
      { value: 'city-amr', aliases: ['某市市场监督管理局', '市市场监管局'] },
      { value: 'city-hrss', aliases: ['某市人力资源和社会保障局', '市人社局'] },
    ];
    expect(suggest('市市场监管局', depts)).toEqual(['city-amr']);
    expect(suggest('city-arm', depts)[0]).toBe('city-amr');
  });

  it('ranks exact loose matches first, then one-edit typos, then longer names containing the input, ties by value', () => {
    const c = [{ value: 'b-limit' }, { value: 'a-limit' }, { value: 'limit' }, { value: 'limt' }];
    expect(suggest('limit', c, 4)).toEqual(['limit', 'limt', 'a-limit', 'b-limit']);
    // Mater is one edit from Matter but only contained in Material.
    expect(suggest('Mater', [{ value: 'Material' }, { value: 'Matter' }])).toEqual(['Matter', 'Material']);
  });

  it('gives at most max distinct values', () => {
    const c = [
      { value: 'x1' },
      { value: 'x2' },
      { value: 'x3' },
      { value: 'x4' },
      { value: 'x1', aliases: ['x'] },
    ];
    expect(suggest('x', c)).toEqual(['x1', 'x2', 'x3']);
    expect(suggest('x', c, 1)).toEqual(['x1']);
  });

  it('suggests nothing for unrelated or empty input', () => {
    expect(suggest('zzzzzz', keys)).toEqual([]);
    expect(suggest('', keys)).toEqual([]);
    expect(suggest('  ', keys)).toEqual([]);
  });

  it('quotes candidates with Chinese quotation marks', () => {
    expect(quoteAll(['a', '即办件'])).toEqual(['“a”', '“即办件”']);
  });
});
