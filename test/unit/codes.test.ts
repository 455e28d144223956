/**
 * 统一社会信用代码 (GB 32100-2015), 基本编码 and 实施编码 checks, against real values from DOMAIN.md §3
 * and the malformed shapes found in a real county catalogue (§3.3).
 */
import { describe, expect, it } from 'vitest';
import {
  type CodeProblem,
  checkBasicCode,
  checkImplCode,
  checkLocalImplCode,
  checkUscc,
  usccCheckChar,
} from '../../src/domain/codes.js';

const code = (p: CodeProblem | undefined) => p?.entry.code;

/** The Guangxi 实施主体 of DOMAIN.md §3.2 and its 33-character 实施编码. */
const GUANGXI_USCC = '11450000007565194H';
const GUANGXI_IMPL = '11450000007565194H200011501500504';
/** The 广安区 实施主体 inside the Sichuan code of DOMAIN.md §3.3. */
const GUANG_AN_USCC = '115113010833722043';
const SICHUAN = (uscc: string) => `511A0138000000-511602000000-000-${uscc}-1-00`;

describe('usccCheckChar (GB 32100-2015)', () => {
  it.each([
    [GUANGXI_USCC, 'DOMAIN §3.2, Guangxi 实施主体'],
    [GUANG_AN_USCC, 'DOMAIN §3.3, 广安区 实施主体'],
    ['91350100M000100Y43', 'the worked example of GB 32100-2015'],
    ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
    ['914403001922038216', '华为技术有限公司'],
  ])('reproduces the check character of %s (%s)', (uscc) => {
    expect(usccCheckChar(uscc.slice(0, 17))).toBe(uscc[17]);
  });

  it('maps a remainder of 0 to "0" (31 − 0 would be out of range)', () => {
    // Every first-17 string whose weighted sum is a multiple of 31 has check character 0.
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('detects every single-character substitution in the first 17 characters', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const first17 = GUANGXI_USCC.slice(0, 17);
    for (let i = 0; i < 17; i++) {
      for (const c of chars) {
        if (c === first17[i]) continue;
        const changed = first17.slice(0, i) + c + first17.slice(i + 1);
        expect(usccCheckChar(changed), changed).not.toBe('H');
      }
    }
  });

  it.each(['I', 'O', 'Z', 'S', 'V', 'a', '-'])('rejects the character %s', (c) => {
    expect(usccCheckChar(`1145000000756519${c}`)).toBeUndefined();
  });
});

describe('checkUscc', () => {
  it.each([GUANGXI_USCC, GUANG_AN_USCC, '91350100M000100Y43'])('accepts %s', (uscc) => {
    expect(checkUscc(uscc)).toBeUndefined();
  });

  it('gives the expected check character for a mistyped one', () => {
    const p = checkUscc('11450000007565194A');
    expect(code(p)).toBe('MC4027');
    expect(p?.args).toMatchObject({ uscc: '11450000007565194A', expected: 'H', actual: 'A' });
  });

  it('names the 9-character organisation code 083372204 (the deptCode of the Sichuan catalogue)', () => {
    expect(code(checkUscc('083372204'))).toBe('MC4028');
    expect(code(checkUscc('00877868X'))).toBe('MC4028');
  });

  it('names the 17-character value 1151130000877869M', () => {
    const p = checkUscc('1151130000877869M');
    expect(code(p)).toBe('MC4029');
    expect(p?.args).toEqual({ value: '1151130000877869M' });
  });

  it('names the old hyphenated organisation code 00877868-5', () => {
    expect(code(checkUscc('00877868-5'))).toBe('MC4030');
  });

  it.each(['4444444444', '1111111111111111', '000000000', '111111111111111111'])(
    'names the placeholder %s',
    (v) => {
      expect(code(checkUscc(v))).toBe('MC4031');
    },
  );

  it('points at the first character outside the GB 32100 set (letter O for zero)', () => {
    const p = checkUscc('114500000O7565194H');
    expect(code(p)).toBe('MC4033');
    expect(p?.args).toMatchObject({ position: 10, char: 'O' });
    expect(checkUscc('11450000007565194h')?.args).toMatchObject({ position: 18, char: 'h' });
  });

  it.each([
    ['1145000000756519', 16],
    ['450000000012345', 15],
    ['114500000075651940H', 19],
    ['', 0],
  ])('gives the length of %s', (v, length) => {
    const p = checkUscc(v);
    expect(code(p)).toBe('MC4035');
    expect(p?.args).toEqual({ length });
  });

  it('does not treat letter prefixes as local codes: a USCC may start with a letter', () => {
    expect(code(checkUscc('Y1450000007565194H'))).not.toBe('MC4032');
  });
});

describe('checkBasicCode', () => {
  it.each([
    ['000123018000', '行政许可'],
    ['000524018000', '行政给付'],
    ['000616001000', '行政检查'],
    ['210973001000', '行政裁决'],
    ['211018079000', '其他行政权力'],
    ['212011084000', '公共服务'],
    ['001030051000', '其他行政权力'],
    ['000115015005', '行政许可'],
  ])('accepts the Liaoning/Guangxi code %s for %s', (basic, type) => {
    expect(checkBasicCode(basic, type)).toBeUndefined();
    expect(checkBasicCode(basic, undefined)).toBeUndefined();
  });

  it('compares characters 3–4 with the matter type', () => {
    const p = checkBasicCode('000123018000', '行政确认');
    expect(code(p)).toBe('MC4022');
    expect(p?.args).toMatchObject({ segment: '01', codeType: '行政许可', type: '行政确认', expected: '07' });
    expect(code(checkBasicCode('009923018000', '行政奖励'))).toBe('MC4022');
  });

  it.each([
    ['511A0138000000', 'Sichuan 14-character local code'],
    ['511F33033003', 'Sichuan 12-character local code'],
    ['511A09001023', 'Sichuan 犬类准养证'],
    ['512C00001000', 'Sichuan 2C public service'],
    ['XK00001000', 'Guizhou DB52/T 1264'],
    ['A-000001', 'A- prefix'],
    ['E-000001', 'E- prefix'],
    ['G-000007-001', 'G- prefix'],
    ['Z-000003', 'Z- prefix'],
    ['1J-000012', '1J- prefix (备案)'],
  ])('names the letter-prefixed local code %s (%s)', (v) => {
    const p = checkBasicCode(v, '行政许可');
    expect(code(p)).toBe('MC4032');
    expect(p?.args).toMatchObject({ localKey: 'localBasicCode' });
  });

  it('names placeholders before their length', () => {
    expect(code(checkBasicCode('4444444444', undefined))).toBe('MC4031');
    expect(code(checkBasicCode('000000000000', undefined))).toBe('MC4031');
  });

  it('checks length, digits and region in that order', () => {
    expect(checkBasicCode('00012301800', undefined)).toMatchObject({ args: { length: 11 } });
    expect(code(checkBasicCode('00012301800', undefined))).toBe('MC4020');
    expect(code(checkBasicCode('62052400MZ-XK-0001', undefined))).toBe('MC4020');
    const p = checkBasicCode('0001230180O0', undefined);
    expect(code(p)).toBe('MC4021');
    expect(p?.args).toEqual({ position: 11, char: 'O' });
    expect(code(checkBasicCode('990123018000', undefined))).toBe('MC4023');
    expect(checkBasicCode('990123018000', undefined)?.args).toEqual({ segment: '99' });
  });
});

describe('checkImplCode', () => {
  const matter = { basicCode: '000115015005', levels: ['省级'], type: '行政许可' };

  it('accepts the Guangxi 实施编码 with and without the matter elements', () => {
    expect(checkImplCode(GUANGXI_IMPL, matter)).toBeUndefined();
    expect(checkImplCode(GUANGXI_IMPL, {})).toBeUndefined();
  });

  it('checks the USCC in characters 1–18', () => {
    expect(code(checkImplCode('11450000007565194J200011501500504', matter))).toBe('MC4027');
    expect(code(checkImplCode('114500000O7565194H200011501500504', matter))).toBe('MC4033');
    expect(code(checkImplCode('111111111111111111200011501500504', matter))).toBe('MC4031');
  });

  it('checks the level digit against the levels', () => {
    const p = checkImplCode(GUANGXI_IMPL, { ...matter, levels: ['市级', '县级'] });
    expect(code(p)).toBe('MC4026');
    expect(p?.args).toMatchObject({ digit: '2', level: '省级', levels: ['市级', '县级'] });
    expect(checkImplCode(GUANGXI_IMPL, { ...matter, levels: ['省级', '市级'] })).toBeUndefined();
  });

  it('does not judge the level digit of a 村（社区）级 matter, whose digit is not known', () => {
    expect(checkImplCode(GUANGXI_IMPL, { levels: ['村（社区）级'] })).toBeUndefined();
  });

  it('compares the embedded basic code with basicCode', () => {
    const p = checkImplCode(GUANGXI_IMPL, { ...matter, basicCode: '000115015006' });
    expect(code(p)).toBe('MC4025');
    expect(p?.args).toEqual({ embedded: '000115015005', basic: '000115015006' });
  });

  it('checks the embedded basic code against the type only when there is no basicCode to report it', () => {
    expect(code(checkImplCode(GUANGXI_IMPL, { type: '行政给付' }))).toBe('MC4022');
    // With basicCode given, its type mismatch is reported once, at basicCode.
    expect(checkImplCode(GUANGXI_IMPL, { ...matter, type: '行政给付' })).toBeUndefined();
  });

  it('gives the length of a code that is not 33 characters', () => {
    expect(checkImplCode(`${GUANGXI_IMPL}1`, matter)).toMatchObject({ args: { length: 34 } });
    expect(code(checkImplCode(GUANGXI_IMPL.slice(0, 32), {}))).toBe('MC4024');
  });

  it.each([
    ['083372204', 'MC4028'],
    ['1151130000877869M', 'MC4029'],
    ['00877868-5', 'MC4030'],
    ['4444444444', 'MC4031'],
    ['1145000000756519', 'MC4035'],
  ])('names the malformed USCC %s a code was built from (%s)', (uscc, expected) => {
    expect(code(checkImplCode(`${uscc}4000115015005` + '00', { basicCode: '000115015005' }))).toBe(expected);
  });

  it('does not guess at a malformed USCC without the basic code to anchor it', () => {
    expect(code(checkImplCode('1151130000877869M400011501500500', {}))).toBe('MC4024');
  });

  it.each([
    SICHUAN(GUANG_AN_USCC),
    SICHUAN('00877868-5'),
    `G-000007-001-511602000000-000-${GUANG_AN_USCC}-1-00`,
    '511A0138000000-511602000000-000',
  ])('names the hyphen-segmented local code %s', (v) => {
    expect(code(checkImplCode(v, matter))).toBe('MC4034');
  });

  it('names a letter-prefixed local code with fewer segments', () => {
    expect(code(checkImplCode('1J-000012', {}))).toBe('MC4032');
    expect(checkImplCode('1J-000012', {})?.args).toMatchObject({ localKey: 'localImplCode' });
  });
});

describe('checkLocalImplCode (Sichuan basic-area-000-USCC-1-00)', () => {
  it('accepts the real code of DOMAIN §3.3', () => {
    expect(checkLocalImplCode(SICHUAN(GUANG_AN_USCC))).toBeUndefined();
  });

  it('accepts the 8-segment form with a letter-prefixed basic code, and checks its USCC', () => {
    expect(checkLocalImplCode(`G-000007-001-511602000000-000-${GUANG_AN_USCC}-1-00`)).toBeUndefined();
    const p = checkLocalImplCode('G-000007-001-511602000000-000-115113010833722049-1-00');
    expect(code(p)).toBe('MC4027');
    expect(p?.args).toMatchObject({ expected: '3', actual: '9' });
  });

  it.each([
    ['083372204', 'MC4028'],
    ['1151130000877869M', 'MC4029'],
    ['4444444444', 'MC4031'],
    ['1111111111111111', 'MC4031'],
    ['115113010833722049', 'MC4027'],
    ['11511301083372204O', 'MC4033'],
  ])('names the malformed USCC segment %s (%s)', (uscc, expected) => {
    expect(code(checkLocalImplCode(SICHUAN(uscc)))).toBe(expected);
  });

  it('names the old hyphenated organisation code that makes a 7-segment code', () => {
    const p = checkLocalImplCode(SICHUAN('00877868-5'));
    expect(code(p)).toBe('MC4030');
    expect(p?.args).toEqual({ value: '00877868-5' });
  });

  it('leaves alone codes of other shapes (4 segments, Hubei and Gansu schemes)', () => {
    expect(checkLocalImplCode('511A0138000000-511602000000-000-083372204')).toBeUndefined();
    expect(checkLocalImplCode('420100-001-01-001-01')).toBeUndefined();
    expect(checkLocalImplCode('62052400MZ-XK-0001')).toBeUndefined();
    expect(checkLocalImplCode('A-B-C-D-E-F')).toBeUndefined();
  });
});
