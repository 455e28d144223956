/** Messages of the condition language, in Chinese and English, at exact positions in each scalar style. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/compile.js';
import { hintOf, messageOf } from '../../src/diagnostics/diagnostic.js';
import { ROOT } from '../helpers/run.js';

function diagnose(folder: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const dir = join(ROOT, 'test/cases/conditions', folder);
  return check({ paths: ['.'], cwd: dir }).diagnostics.map((d) => {
    const p = d.location!.source.position(d.location!.range.start);
    const end = d.location!.source.position(d.location!.range.end);
    return {
      code: d.entry.code,
      at: `${p.line}:${p.column}-${end.column}`,
      message: messageOf(d, lang),
      hint: hintOf(d, lang),
    };
  });
}

describe('condition messages', () => {
  it('plain scalar: a contradiction names both comparisons', () => {
    expect(diagnose('always-false-conjunction')).toEqual([
      {
        code: 'MC5030',
        at: '16:11-38',
        message: '没有申请人能满足这个条件：“申请人.年龄 > 60”、“申请人.年龄 < 18”不能同时成立',
        hint: '检查比较方向和取值，例如是否把 >= 写成了 <。',
      },
    ]);
  });

  it('double-quoted scalar: recovery reports two errors in one expression', () => {
    expect(diagnose('several-errors-recovered').map((d) => [d.code, d.at, d.message])).toEqual([
      ['MC5010', '16:22-25', '条件表达式中此处不应出现“and”'],
      ['MC5010', '16:37-38', '条件表达式中此处不应出现“)”'],
    ]);
  });

  it('single-quoted scalar: an incomplete comparison', () => {
    expect(diagnose('incomplete-comparison').map((d) => [d.code, d.at, d.message])).toEqual([
      ['MC5011', '16:20-21', '条件表达式不完整'],
    ]);
  });

  it('block scalar: a missing space around 且 is pointed out', () => {
    expect(diagnose('unknown-field-missing-space')).toEqual([
      {
        code: 'MC5014',
        at: '17:7-20',
        message: '找不到字段“申请人.已婚且申请人.年龄”',
        hint: '“且/或/非”前后需要空格：申请人.已婚 且 申请人.年龄',
      },
    ]);
  });

  it('folded scalar: a possibly absent field needs exists()', () => {
    expect(diagnose('possibly-absent-without-exists').map((d) => [d.code, d.at, d.message])).toEqual([
      ['MC5019', '17:7-15', '字段“申请人.父亲姓名”不一定填写，使用前须先判断 exists(申请人.父亲姓名)'],
    ]);
  });

  it('astral CJK identifiers are columns of one character each', () => {
    expect(diagnose('astral-identifier-unknown').map((d) => [d.code, d.at, d.message])).toEqual([
      ['MC5014', '16:11-15', '找不到字段“𠀋𠀀.姓”'],
    ]);
  });

  it('full-width operators and quotes are understood; the option is checked', () => {
    expect(diagnose('not-an-option-full-width')).toEqual([
      {
        code: 'MC5018',
        at: '16:22-26',
        message: '“外国”不是字段“申请人.户籍地”的可选值；可选值：本省、外省',
        hint: '是否指“外省”？',
      },
    ]);
  });

  it('unterminated strings are lexer errors', () => {
    expect(diagnose('unterminated-string-full-width-quote').map((d) => [d.code, d.at, d.message])).toEqual([
      ['MC5012', '16:22-23', '字符串缺少结束引号'],
    ]);
  });

  it('speaks English too', () => {
    expect(diagnose('type-mismatch-text-for-number', 'en').map((d) => d.message)).toEqual([
      'a number and text cannot be combined with "=="',
    ]);
  });
});
