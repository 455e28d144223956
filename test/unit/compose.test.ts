/**
 * Bundle composition: one form, one material list, one parallel workflow, and the reform's metrics.
 * The expected tables below were computed by hand from the YAML (the fixture's comments show the
 * arithmetic), not by running the code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/compile.js';
import {
  buildWorkflow,
  type Composition,
  listMetrics,
  MAX_ENUMERATED_CHAINS,
  printAtLeast,
  printHours,
  printInterval,
  type WorkflowNode,
} from '../../src/compose/index.js';
import { messageOf } from '../../src/diagnostics/diagnostic.js';
import { parseDuration } from '../../src/language/duration.js';
import { ROOT } from '../helpers/run.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'matterc-compose-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return check({ paths: ['.'], cwd: dir });
}

function composition(result: ReturnType<typeof check>, bundle: string): Composition {
  const c = result.compositions.find((x) => x.bundle === bundle);
  if (!c) throw new Error(`no composition for ${bundle}`);
  return c;
}

/** The metrics as a table: [before, after, reduction %, incomplete]; time as Chinese intervals. */
function table(c: Composition) {
  const m = c.metrics;
  const row = (k: 'forms' | 'fields' | 'materials' | 'steps' | 'visits') => [
    m[k].before,
    m[k].after,
    m[k].reduction,
    m[k].incomplete,
  ];
  return {
    forms: row('forms'),
    fields: row('fields'),
    materials: row('materials'),
    steps: row('steps'),
    visits: row('visits'),
    time: [
      printInterval(m.time.before),
      m.time.after ? printInterval(m.time.after) : null,
      m.time.reduction,
      m.time.incomplete,
    ],
  };
}

// ── the fixture: three components, one dependency, one e-licence material ────────────────────────

const REGISTRY = `
kind: Field
id: 申请人.姓名
name: 申请人姓名
type: 文本
---
kind: Field
id: 申请人.公民身份号码
name: 公民身份号码
type: 文本
format: 公民身份号码
---
kind: Field
id: 申请人.手机号码
name: 手机号码
type: 文本
format: 手机号码
---
kind: Field
id: 子女.姓名
name: 子女姓名
type: 文本
---
kind: Field
id: 申请人.银行账号
name: 银行账号
type: 文本
---
kind: Material
id: form-a
name: 甲申请表
---
kind: Material
id: id-card
name: 居民身份证
eLicense: true
---
kind: Material
id: birth-proof
name: 出生证明
---
kind: Material
id: cert-a
name: 甲证
---
kind: Material
id: form-b
name: 乙申请表
---
kind: Material
id: bank-card
name: 银行卡
`;

// 甲: 3 fields, required materials form-a + id-card (birth-proof is 非必要) = 2, 4 steps, 3个工作日, 1 visit.
// 乙: 3 fields, required materials cert-a (甲's output) + id-card + form-b = 3, 3 steps, 2个工作日, 1 visit.
// 丙: 2 fields, required materials bank-card + id-card = 2, 5 steps, statutory 3日 (no promise), 2 visits.
const MATTERS = `
kind: Matter
id: matter-a
name: 甲证核发
fields:
  - field: 申请人.姓名
  - field: 申请人.公民身份号码
  - field: 子女.姓名
materials:
  - id: a-form
    material: form-a
    necessity: 必要
  - id: a-id
    material: id-card
    channel: 申请人自备
    necessity: 必要
  - id: a-proof
    material: birth-proof
    necessity: 非必要
steps:
  - { id: accept, name: 受理, phase: 受理 }
  - { id: review, name: 审查, phase: 审查 }
  - { id: decide, name: 决定, phase: 决定 }
  - { id: deliver, name: 送达, phase: 送达 }
promisedLimit: 3个工作日
visits: 1
visitReason: 现场核验身份。
produces:
  - cert-a
---
kind: Matter
id: matter-b
name: 乙登记
fields:
  - field: 申请人.姓名
    required: false
  - field: 申请人.手机号码
  - field: 子女.姓名
    label: 孩子姓名
materials:
  - id: b-cert
    material: cert-a
    channel: 调取电子证照库
    necessity: 必要
  - id: b-id
    material: id-card
    necessity: 必要
  - id: b-form
    material: form-b
    necessity: 必要
steps:
  - { id: accept, name: 受理, phase: 受理 }
  - { id: review, name: 审核, phase: 审查 }
  - { id: deliver, name: 送达, phase: 送达 }
promisedLimit: 2个工作日
visits: 1
visitReason: 领取证件。
---
kind: Matter
id: matter-c
name: 丙补贴发放
fields:
  - field: 申请人.公民身份号码
  - field: 申请人.银行账号
materials:
  - id: c-bank
    material: bank-card
    necessity: 必要
  - id: c-id
    material: id-card
    necessity: 必要
steps:
  - { id: apply, name: 申请, phase: 申请 }
  - { id: accept, name: 受理, phase: 受理 }
  - { id: review, name: 审查, phase: 审查 }
  - { id: decide, name: 决定, phase: 决定 }
  - { id: deliver, name: 送达, phase: 送达 }
statutoryLimit: 3日
visits: 2
visitReason: 现场签约。
`;

const BUNDLE = `
kind: Bundle
id: abc
name: 甲乙丙一件事
source:
  document: 测试
components:
  - id: a
    matter: matter-a
  - id: b
    matter: matter-b
  - id: c
    matter: matter-c
promisedLimit: 10个工作日
`;

// A second fixture for the other removal reasons: 户口簿 is issued by gov-top and 乙 is handled by a
// subordinate office (issuedInBundle); 信用报告 is shareable.
const REMOVALS = {
  'registry.yaml': `
kind: Department
id: gov-top
name: 上级主管部门
level: 国家级
---
kind: Department
id: city-office
name: 市级办事机构
level: 市级
parent: gov-top
---
kind: Material
id: household
name: 户口簿
issuer: gov-top
---
kind: Material
id: credit-report
name: 信用报告
shareable: true
---
kind: Material
id: photo
name: 照片
`,
  'matters.yaml': `
kind: Matter
id: matter-x
name: 户籍证明开具
department: city-office
fields: []
materials:
  - { id: photo, material: photo, necessity: 必要 }
steps:
  - { id: accept, name: 受理, phase: 受理 }
  - { id: deliver, name: 送达, phase: 送达 }
promisedLimit: 1个工作日
visits: 1
visitReason: 现场拍照。
---
kind: Matter
id: matter-y
name: 补贴申请
fields: []
materials:
  - { id: household, material: household, channel: 政府部门核发, necessity: 必要 }
  - { id: credit, material: credit-report, necessity: 必要 }
  - { id: photo, material: photo, necessity: 必要 }
steps:
  - { id: accept, name: 受理, phase: 受理 }
  - { id: review, name: 审查, phase: 审查 }
  - { id: deliver, name: 送达, phase: 送达 }
promisedLimit: 5个工作日
visits: 1
visitReason: 现场签字。
`,
  'bundle.yaml': `
kind: Bundle
id: xy
name: 补贴一件事
source:
  document: 测试
components:
  - { id: x, matter: matter-x }
  - { id: y, matter: matter-y }
visits: 1
`,
};

describe('composition of the fixture bundle', () => {
  const result = project({ 'registry.yaml': REGISTRY, 'matters.yaml': MATTERS, 'bundle.yaml': BUNDLE });
  const c = composition(result, 'abc');

  it('checks clean', () => {
    expect(result.diagnostics.map((d) => `${d.entry.code} ${messageOf(d, 'zh-CN')}`)).toEqual([]);
  });

  it('has the hand-computed metrics table', () => {
    // forms: 3 components with fields → 1 form: 2/3 = 66.7 %
    // fields: 3 + 3 + 2 = 8 → unique 姓名, 公民身份号码, 子女姓名, 手机号码, 银行账号 = 5: 3/8 = 37.5 %
    // materials: 2 + 3 + 2 = 7 → form-a, form-b, bank-card (id-card e-licence, cert-a produced by 甲) = 3: 4/7
    // steps: 4 + 3 + 5 = 12 → 受理 + 送达 + 甲 审查 决定 + 乙 审核 + 丙 申请 审查 决定 = 8: 4/12
    // visits: 1 + 1 + 2 = 4 → no bundle visits, max = 2: 50 %
    // time: 3个工作日 + 2个工作日 + 3日 = 5个工作日 [120 h, 360 h] + 3日 72 h = [192 h, 432 h];
    //   critical path 甲 → 乙 = 5个工作日 [120 h, 360 h] (丙 alone 72 h); the promise 10个工作日 is
    //   [240 h, 528 h], so the critical path is smaller: (192 − 120) / 192 = 37.5 %
    expect(table(c)).toEqual({
      forms: [3, 1, 66.7, false],
      fields: [8, 5, 37.5, false],
      materials: [7, 3, 57.1, false],
      steps: [12, 8, 33.3, false],
      visits: [4, 2, 50, false],
      time: ['8日至18日', '5日至15日', 37.5, false],
    });
    expect(c.metrics.time.afterFrom).toBe('criticalPath');
    expect(c.metrics.incomplete).toBe(false);
    expect(c.metrics.missing).toEqual([]);
  });

  it('merges the form through the dictionary', () => {
    expect(c.form.map((e) => [e.field, e.name, e.required, e.components])).toEqual([
      ['申请人.姓名', '申请人姓名', true, ['a', 'b']],
      ['申请人.公民身份号码', '公民身份号码', true, ['a', 'c']],
      ['子女.姓名', '子女姓名', true, ['a', 'b']],
      ['申请人.手机号码', '手机号码', true, ['b']],
      ['申请人.银行账号', '银行账号', true, ['c']],
    ]);
    const child = c.form.find((e) => e.field === '子女.姓名')!;
    expect(child.uses.map((u) => u.label)).toEqual([undefined, '孩子姓名']);
    expect(c.form.find((e) => e.field === '申请人.手机号码')!.format).toBe('手机号码');
    expect(c.form.every((e) => e.always)).toBe(true);
  });

  it('merges materials and says why some are no longer submitted', () => {
    expect(
      c.materials.map((m) => [m.material, m.name, m.required, m.submitted, m.removed ?? null, m.components]),
    ).toEqual([
      ['form-a', '甲申请表', true, true, null, ['a']],
      ['id-card', '居民身份证', true, false, { reason: 'eLicense', by: [] }, ['a', 'b', 'c']],
      ['birth-proof', '出生证明', false, false, null, ['a']],
      ['cert-a', '甲证', true, false, { reason: 'produced', by: ['a'] }, ['b']],
      ['form-b', '乙申请表', true, true, null, ['b']],
      ['bank-card', '银行卡', true, true, null, ['c']],
    ]);
  });

  it('orders only what depends on data, and finds the critical path', () => {
    expect(c.workflow.edges).toEqual([{ from: 'a', to: 'b', materials: ['cert-a'] }]);
    expect(c.workflow.cycles).toEqual([]);
    expect(c.workflow.unknownLimits).toEqual([]);
    expect(c.workflow.criticalPath).toEqual({
      components: ['a', 'b'],
      names: ['甲证核发', '乙登记'],
      total: { shortest: 120, longest: 360 },
      complete: true,
      missing: [],
    });
    expect(c.workflow.longestCompleteChain).toEqual(c.workflow.criticalPath);
    expect(c.components.map((x) => [x.id, x.limit, x.limitFrom])).toEqual([
      ['a', '3个工作日', 'promisedLimit'],
      ['b', '2个工作日', 'promisedLimit'],
      ['c', '3日', 'statutoryLimit'],
    ]);
  });

  it('merges 受理 and 送达 into one each and keeps every other step', () => {
    expect(c.steps.map((s) => [s.phase, s.name, s.uses.map((u) => u.component)])).toEqual([
      ['受理', '受理', ['a', 'b', 'c']],
      ['审查', '审查', ['a']],
      ['决定', '决定', ['a']],
      ['送达', '送达', ['a', 'b', 'c']],
      ['审查', '审核', ['b']],
      ['申请', '申请', ['c']],
      ['审查', '审查', ['c']],
      ['决定', '决定', ['c']],
    ]);
  });

  it('reports MC6032 when the same chain cannot fit a tighter promise', () => {
    const tight = project({
      'registry.yaml': REGISTRY,
      'matters.yaml': MATTERS,
      'bundle.yaml': BUNDLE.replace('promisedLimit: 10个工作日', 'promisedLimit: 3日'),
    });
    // 甲 → 乙 needs at least 5 days; 3日 is exactly 72 h.
    expect(tight.diagnostics.map((d) => [d.entry.code, messageOf(d, 'zh-CN')])).toEqual([
      ['MC6032', '关键路径 甲证核发 → 乙登记 至少需要 5日，超过承诺的“3日”'],
    ]);
    expect(table(composition(tight, 'abc')).time).toEqual(['8日至18日', '3日', 62.5, false]);
  });
});

describe('the other removal reasons', () => {
  const result = project(REMOVALS);
  const c = composition(result, 'xy');

  it('removes materials issued inside the bundle and shareable ones', () => {
    expect(result.diagnostics.map((d) => d.entry.code)).toEqual([]);
    expect(c.materials.map((m) => [m.material, m.submitted, m.removed ?? null])).toEqual([
      ['photo', true, null],
      ['household', false, { reason: 'issuedInBundle', by: ['x'] }],
      ['credit-report', false, { reason: 'shareable', by: [] }],
    ]);
  });

  it('has the hand-computed metrics table', () => {
    // forms and fields: both forms are known to be empty → 0 → 0, no reduction;
    // materials: 1 + 3 = 4 → photo = 1: 75 %; steps: 2 + 3 = 5 → 受理 + 送达 + 审查 = 3: 40 %;
    // visits: 1 + 1 = 2 → the bundle's 1: 50 %;
    // time: 1个工作日 + 5个工作日 = 6个工作日 [144 h, 24·(6 + 4 + 8) = 432 h]; no dependency, so the
    //   critical path is the longer of the two, 乙 5个工作日 [120 h, 360 h]: (144 − 120) / 144 = 16.7 %
    expect(table(c)).toEqual({
      forms: [0, 0, null, false],
      fields: [0, 0, null, false],
      materials: [4, 1, 75, false],
      steps: [5, 3, 40, false],
      visits: [2, 1, 50, false],
      time: ['6日至18日', '5日至15日', 16.7, false],
    });
    expect(c.workflow.criticalPath?.components).toEqual(['y']);
  });

  it('aggregates over a list', () => {
    const abc = composition(
      project({ 'registry.yaml': REGISTRY, 'matters.yaml': MATTERS, 'bundle.yaml': BUNDLE }),
      'abc',
    );
    const newborn = composition(check({ paths: ['examples/guangdong'], cwd: ROOT }), 'gd-newborn-zs');
    const m = listMetrics([abc, c, newborn]);
    expect(m.bundles).toBe(3);
    // materials: 7 + 4 = 11 → 3 + 1 = 4: 63.6 %; mean of 57.14 % and 75 % = 66.1 %
    expect(m.materials).toEqual({
      before: 11,
      after: 4,
      reduction: 63.6,
      averageReduction: 66.1,
      counted: ['abc', 'xy'],
      incomplete: ['gd-newborn-zs'],
    });
    // forms: 3 + 0 → 1 + 0; 'xy' has no forms, so the mean is 'abc's alone
    expect([m.forms.before, m.forms.after, m.forms.reduction, m.forms.averageReduction]).toEqual([
      3, 1, 66.7, 66.7,
    ]);
    // time at the shortest bound: 192 h + 144 h = 336 h → 120 h + 120 h = 240 h: 28.6 %; mean of 37.5 and 16.67
    expect([m.time.before, m.time.after, m.time.reduction, m.time.averageReduction]).toEqual([
      336, 240, 28.6, 27.1,
    ]);
  });
});

describe('composition of the example gd-newborn-zs', () => {
  const result = check({ paths: ['examples/guangdong'], cwd: ROOT });
  const c = composition(result, 'gd-newborn-zs');
  const noData = [
    'fertility-registration-voucher',
    'vaccination-certificate',
    'medical-insurance-enrollment',
    'social-security-card',
    'newborn-medical-insurance-premium',
  ];

  it('raises no composition diagnostics', () => {
    expect(result.diagnostics.filter((d) => /^MC603/.test(d.entry.code))).toEqual([]);
  });

  it('has the hand-computed metrics table', () => {
    // Only 出生医学证明签发 (bmc) and 国（境）内出生登记 (br) give fields, materials, steps, visits and
    // limits; 生育医疗费用报销 gives one field; the other six components give none of these.
    // fields: bmc 13 + br 13 + 母亲.参加生育保险 1 = 27 → the 12 that bmc and br share (申请人 ×4,
    //   新生儿 ×4 with 月龄, 母亲 ×2, 父亲 ×2) + 申请.委托代办 + 户主.姓名 + 母亲.参加生育保险 = 15; forms: 3 → 1
    // materials: bmc 4 (申请表, 身份证, 单亲声明, 委托书; 身份证 listed twice as alternatives) + br 3 = 7
    //   → 身份证 and 结婚证 are e-licences, 出生医学证明 is produced by bmc: 申请表, 单亲声明, 委托书 = 3
    // steps: bmc 6 + br 4 = 10 → 受理 + 送达 + 申领 核验 签发 打印 + 审核 审批 = 8
    // visits: bmc 1 + br 0 = 1 → the bundle's 1
    // time: 即办 + 3个工作日 = [72 h, 312 h]; the critical path bmc → br is the same, but six components
    //   have no limit, so the bundle's 5个工作日 [120 h, 360 h] stands for "after".
    // Every metric lacks components, so no reduction is claimed.
    expect(table(c)).toEqual({
      forms: [3, 1, null, true],
      fields: [27, 15, null, true],
      materials: [7, 3, null, true],
      steps: [10, 8, null, true],
      visits: [1, 1, null, true],
      time: ['3日至13日', '5日至15日', null, true],
    });
    expect(c.metrics.fields.missing).toEqual([...noData, 'parenting-guidance']);
    expect(c.metrics.materials.missing).toEqual([
      ...noData,
      'maternity-medical-reimbursement',
      'parenting-guidance',
    ]);
    expect(c.metrics.time.afterFrom).toBe('promisedLimit');
    expect(c.metrics.missing.map((x) => x.element)).toEqual([
      'forms',
      'fields',
      'materials',
      'steps',
      'visits',
      'time',
    ]);
  });

  it('finds the one data dependency and the critical path', () => {
    expect(c.workflow.edges).toEqual([
      {
        from: 'birth-medical-certificate',
        to: 'birth-registration',
        materials: ['birth-medical-certificate'],
      },
    ]);
    expect(c.workflow.criticalPath).toEqual({
      components: ['birth-medical-certificate', 'birth-registration'],
      names: ['出生医学证明签发', '国（境）内出生登记'],
      total: { shortest: 72, longest: 312 },
      complete: true,
      missing: [],
    });
    expect(c.workflow.unknownLimits).toEqual([
      'fertility-registration-voucher',
      'vaccination-certificate',
      'medical-insurance-enrollment',
      'social-security-card',
      'newborn-medical-insurance-premium',
      'maternity-medical-reimbursement',
      'parenting-guidance',
    ]);
  });

  it('removes the e-licences and the certificate the bundle itself issues', () => {
    expect(c.materials.filter((m) => m.removed).map((m) => [m.material, m.removed])).toEqual([
      ['resident-id-card', { reason: 'eLicense', by: [] }],
      ['birth-medical-certificate', { reason: 'produced', by: ['birth-medical-certificate'] }],
      ['marriage-certificate', { reason: 'eLicense', by: [] }],
    ]);
    expect(c.materials.filter((m) => m.submitted).map((m) => m.name)).toEqual([
      '出生医学证明首次签发申请表',
      '单亲书面声明',
      '授权委托书',
    ]);
    const id = c.materials.find((m) => m.material === 'resident-id-card')!;
    expect(id.uses.map((u) => [u.component, u.item, u.when])).toEqual([
      ['birth-medical-certificate', 'parents-id-card', 'exists(父亲.姓名)'],
      ['birth-medical-certificate', 'mother-id-card', 'not exists(父亲.姓名)'],
      ['birth-registration', 'parents-id-card', undefined],
    ]);
  });

  it('keeps the conditions of conditional components on their fields', () => {
    const insured = c.form.find((e) => e.field === '母亲.参加生育保险')!;
    expect(insured.uses).toEqual([
      { component: 'maternity-medical-reimbursement', required: true, componentWhen: '母亲.参加生育保险' },
    ]);
    expect(insured.always).toBe(false);
    const father = c.form.find((e) => e.field === '父亲.姓名')!;
    expect([father.required, father.always, father.components]).toEqual([
      true,
      true,
      ['birth-medical-certificate', 'birth-registration'],
    ]);
  });
});

describe('composition diagnostics', () => {
  const caseDir = (name: string) => join(ROOT, 'test/cases/compose', name);
  const messages = (name: string) =>
    check({ paths: ['.'], cwd: caseDir(name) }).diagnostics.map((d) => [d.entry.code, messageOf(d, 'zh-CN')]);

  it('MC6030 names both definitions, and a different label alone is no conflict', () => {
    expect(messages('field-conflict')).toEqual([
      ['MC6030', '一表申请中字段“出生日期”有冲突的定义：申请人.出生日期（日期）、申请人.生日（文本）'],
    ]);
  });

  it('MC6031 lists the cycle, and a cycle leaves no critical path', () => {
    const r = check({ paths: ['.'], cwd: caseDir('workflow-cycle') });
    expect(r.diagnostics.map((d) => [d.entry.code, messageOf(d, 'zh-CN')])).toEqual([
      ['MC6031', '组成事项之间的材料依赖成环：甲许可证核发 → 乙许可证核发 → 甲许可证核发'],
    ]);
    const c = composition(r, 'opening');
    expect(c.workflow.cycles).toEqual([['a', 'b', 'a']]);
    expect(c.workflow.criticalPath).toBeUndefined();
    expect(c.metrics.time.after).toBeNull();
  });

  it('MC6032 names the path and the time it needs', () => {
    expect(messages('critical-path-too-long')).toEqual([
      ['MC6032', '关键路径 企业设立登记 → 食品经营许可 至少需要 23日，超过承诺的“5个工作日”'],
    ]);
  });
});

describe('critical path', () => {
  const node = (id: string, limit: string | undefined, produces: string[] = [], consumes: string[] = []) =>
    ({
      id,
      name: id,
      produces,
      consumes,
      duration: limit === undefined ? undefined : parseDuration(limit),
    }) satisfies WorkflowNode;

  it('breaks a tie on the shortest bound by the longest bound', () => {
    // 1个工作日 and 1日 both last at least 24 h; the working day may last up to 11 days.
    const wf = buildWorkflow([node('day', '1日'), node('workday', '1个工作日')]);
    expect(wf.criticalPath?.components).toEqual(['workday']);
  });

  it('does not check chains through a component without a limit', () => {
    // a (unknown) → b (2日); c (1日) alone. The longest chain counts b's 2日 but is incomplete; the longest
    // complete chain is b alone, since chains through a are unknown.
    const wf = buildWorkflow([node('a', undefined, ['m']), node('b', '2日', [], ['m']), node('c', '1日')]);
    expect(wf.criticalPath).toMatchObject({ components: ['a', 'b'], complete: false, missing: ['a'] });
    expect(wf.longestCompleteChain?.components).toEqual(['b']);
  });

  it('names each cycle once, round from its first component, and leaves independent components out', () => {
    // a → b → c → a, and b → d (d depends on the cycle but is not in it); e → f → e is a second cycle.
    const wf = buildWorkflow([
      node('a', '1日', ['ma'], ['mc']),
      node('b', '1日', ['mb'], ['ma']),
      node('c', '1日', ['mc'], ['mb']),
      node('d', '1日', [], ['mb']),
      node('e', '1日', ['me'], ['mf']),
      node('f', '1日', ['mf'], ['me']),
    ]);
    expect(wf.cycles).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'f', 'e'],
    ]);
    expect(wf.criticalPath).toBeUndefined();
  });

  it('finds the same path without enumerating when there are too many chains', () => {
    // 15 layers of two components each, every component of a layer feeding both of the next:
    // 2^15 chains. Taking the 2日 component of every layer gives 30日.
    const nodes: WorkflowNode[] = [];
    for (let layer = 0; layer < 15; layer++) {
      const needs = layer === 0 ? [] : [`m${layer - 1}`];
      nodes.push(node(`d${layer}`, '2日', [`m${layer}`], needs));
      nodes.push(node(`w${layer}`, '1个工作日', [`m${layer}`], needs));
    }
    expect(2 ** 15).toBeGreaterThan(MAX_ENUMERATED_CHAINS);
    const wf = buildWorkflow(nodes);
    expect(wf.criticalPath?.total).toEqual({ shortest: 720, longest: 720 });
    expect(wf.criticalPath?.components).toEqual(Array.from({ length: 15 }, (_, i) => `d${i}`));
  });
});

describe('printing hours', () => {
  it('writes days once there are 24 hours or more', () => {
    expect([0, 6, 24, 30, 552].map((h) => printHours(h))).toEqual([
      '即办',
      '6小时',
      '1日',
      '1日6小时',
      '23日',
    ]);
    expect(printHours(30, 'en')).toBe('1 day(s) 6 h');
    expect(printInterval({ shortest: 72, longest: 312 })).toBe('3日至13日');
    expect(printInterval({ shortest: 48, longest: 48 })).toBe('2日');
    expect(printAtLeast({ shortest: 168, longest: 360 })).toBe('至少 7日');
  });
});
