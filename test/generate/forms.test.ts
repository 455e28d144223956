/** Forms: the generated JSON Schema, `matterc validate-application`, and the standalone HTML form in Chromium. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/compile.js';
import { composeAll } from '../../src/compose/compose.js';
import type { Composition, FormEntry } from '../../src/compose/types.js';
import { usccCheckChar } from '../../src/domain/codes.js';
import { usccCheck } from '../../src/generate/forms/checks.js';
import {
  escapeHtml,
  formModel,
  formPage,
  formSchema,
  formsGenerator,
  idCheckChar,
  isIdNumber,
  registerFormats,
} from '../../src/generate/forms/index.js';
import { matterc, ROOT } from '../helpers/run.js';
import { launchChromium } from '../helpers/browser.js';
import { requireTool } from '../helpers/tools.js';

const newAjv = () => registerFormats(new Ajv2020({ strict: true, allErrors: true }));

/** A valid 公民身份号码 from 17 digits. */
const id = (first17: string) => `${first17}${idCheckChar(first17)!}`;
const wrongCheck = (valid: string) => `${valid.slice(0, 17)}${valid[17] === '1' ? '2' : '1'}`;

const FATHER = id('44200019900101001');
const MOTHER = id('44200019920202002');

function validApplication(): Record<string, unknown> {
  return {
    申请人: { 姓名: '张三', 公民身份号码: FATHER, 手机号码: '13800138000', 与新生儿关系: '父亲' },
    新生儿: { 姓名: '张小明', 性别: '男', 出生日期: '2024-05-01', 月龄: 2 },
    母亲: { 姓名: '李四', 公民身份号码: MOTHER, 参加生育保险: true },
    父亲: { 姓名: '张三', 公民身份号码: FATHER },
    申请: { 委托代办: false },
    户主: { 姓名: '张三' },
  };
}

const entry = (
  field: string,
  name: string,
  type: string,
  uses: FormEntry['uses'],
  format?: string,
): FormEntry => ({
  field,
  name,
  type,
  ...(format ? { format } : {}),
  required: uses.some((u) => u.required),
  always: uses.some((u) => !u.when && !u.componentWhen),
  components: uses.map((u) => u.component),
  uses,
});

/** A bundle whose agent fields are asked (and required) only when the applicant delegates. */
const DELEGATION = {
  bundle: 'delegation',
  name: '委托代办示例',
  form: [
    entry('申请人.姓名', '申请人姓名', '文本', [{ component: 'a', required: true }]),
    entry('申请.委托代办', '是否委托他人代办', '布尔', [{ component: 'a', required: true }]),
    entry('代办人.姓名', '代办人姓名', '文本', [{ component: 'a', required: true, when: '申请.委托代办' }]),
    entry(
      '代办人.公民身份号码',
      '代办人公民身份号码',
      '文本',
      [{ component: 'a', required: true, when: '申请.委托代办 == true' }],
      '公民身份号码',
    ),
  ],
} as unknown as Composition;

const noDictionary = () => undefined;

let files: Map<string, string>;

beforeAll(() => {
  const result = check({ paths: ['examples/guangdong'], cwd: ROOT });
  const compositions = composeAll(result.documents, result.table!, []);
  files = formsGenerator.generate({ result, compositions, reports: [], lang: 'zh-CN' });
});

describe('check digits', () => {
  it('GB 11643 and GB 32100', () => {
    expect(isIdNumber('11010519491231002X')).toBe(true);
    expect(isIdNumber('110105194912310021')).toBe(false);
    expect(isIdNumber(id('11010519490230001'))).toBe(false); // 30 February
    for (const first17 of ['91350100M000100Y4', '11100000000013127', '5211000050000000A'])
      expect(usccCheck(first17)).toBe(usccCheckChar(first17));
  });
});

describe('form schema', () => {
  it('compiles under strict Ajv2020 for every bundle', () => {
    const schemas = [...files].filter(([p]) => p.endsWith('.schema.json'));
    expect(schemas.map(([p]) => p)).toContain('forms/gd-newborn-zs.schema.json');
    for (const [, text] of schemas) expect(() => newAjv().compile(JSON.parse(text))).not.toThrow();
  });

  it('nests fields by path with Chinese titles and types', () => {
    const schema = JSON.parse(files.get('forms/gd-newborn-zs.schema.json')!);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.申请人.properties.姓名).toMatchObject({ title: '申请人姓名', type: 'string' });
    expect(schema.properties.新生儿.properties.月龄.type).toBe('integer');
    expect(schema.properties.新生儿.properties.出生日期).toMatchObject({ type: 'string', format: 'date' });
    expect(schema.properties.新生儿.properties.性别.enum).toEqual(['男', '女']);
    expect(schema.properties.申请.properties.委托代办.type).toBe('boolean');
    expect(schema.properties.申请人.required).toContain('公民身份号码');
  });

  it('accepts a valid application and rejects a wrong check digit', () => {
    const validate = newAjv().compile(JSON.parse(files.get('forms/gd-newborn-zs.schema.json')!));
    expect(validate(validApplication()), JSON.stringify(validate.errors)).toBe(true);
    const bad = validApplication();
    (bad['母亲'] as Record<string, unknown>)['公民身份号码'] = wrongCheck(MOTHER);
    expect(validate(bad)).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/母亲/公民身份号码', keyword: 'format' }),
    );
    const phone = validApplication();
    (phone['申请人'] as Record<string, unknown>)['手机号码'] = '12345';
    expect(validate(phone)).toBe(false);
  });

  it('requires a conditional field only when its condition holds', () => {
    const schema = formSchema(formModel(DELEGATION, noDictionary));
    expect(schema['allOf']).toHaveLength(2);
    const validate = newAjv().compile(schema);
    expect(validate({ 申请人: { 姓名: '张三' }, 申请: { 委托代办: false } })).toBe(true);
    expect(validate({ 申请人: { 姓名: '张三' }, 申请: { 委托代办: true } })).toBe(false);
    expect(validate.errors!.map((e) => e.params)).toEqual(
      expect.arrayContaining([{ missingProperty: '代办人' }]),
    );
    expect(
      validate({
        申请人: { 姓名: '张三' },
        申请: { 委托代办: true },
        代办人: { 姓名: '王五', 公民身份号码: id('44200019800101003') },
      }),
    ).toBe(true);
  });

  it('leaves a condition JSON Schema cannot express optional, with a $comment', () => {
    const c = {
      ...DELEGATION,
      form: [
        entry('申请.金额', '金额', '金额', [{ component: 'a', required: true }]),
        entry('申请.上限', '上限', '金额', [{ component: 'a', required: true }]),
        entry('申请.说明', '说明', '文本', [
          { component: 'a', required: true, when: '申请.金额 > 申请.上限' },
        ]),
      ],
    } as unknown as Composition;
    const schema = formSchema(formModel(c, noDictionary));
    expect(schema['allOf']).toBeUndefined();
    expect(String(schema['$comment'])).toContain('申请.说明');
    newAjv().compile(schema);
  });
});

describe('escaping', () => {
  it('escapes hostile field names in the page', () => {
    const name = '<script>alert(1)</script>"onerror=alert(1) {{x}}';
    const c = {
      ...DELEGATION,
      name,
      form: [entry(`申请.${name}`, name, '文本', [{ component: 'a', required: true }])],
    } as unknown as Composition;
    const html = formPage(formModel(c, noDictionary));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('"onerror=');
    expect(html).not.toContain('{{x');
    expect(html).toContain(escapeHtml(name));
    expect(escapeHtml(name)).toBe(
      '&#60;script&#62;alert(1)&#60;/script&#62;&#34;onerror=alert(1) &#123;&#123;x&#125;&#125;',
    );
    expect(html).not.toMatch(/\beval\s*\(/);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
  });
});

describe('matterc validate-application', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'matterc-app-'));
    const app = validApplication();
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(app, null, 2));
    (app['母亲'] as Record<string, unknown>)['公民身份号码'] = wrongCheck(MOTHER);
    const yaml = JSON.stringify(app, null, 2);
    writeFileSync(join(dir, 'bad.json'), yaml);
    writeFileSync(
      join(dir, 'bad.yaml'),
      [
        '申请人:',
        '  姓名: 张三',
        `  公民身份号码: "${FATHER}"`,
        '  手机号码: "13800138000"',
        '  与新生儿关系: 父亲',
        '新生儿: {姓名: 张小明, 性别: 男, 出生日期: 2024-05-01, 月龄: 2}',
        `母亲: {姓名: 李四, 公民身份号码: "${MOTHER}"}`,
        `父亲: {姓名: 张三, 公民身份号码: "${wrongCheck(FATHER)}"}`,
        '申请: {委托代办: 否}',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 for a valid application', () => {
    const r = matterc(['validate-application', 'gd-newborn-zs', join(dir, 'ok.json'), 'examples/guangdong']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints positioned errors and exits 1', () => {
    const json = matterc([
      'validate-application',
      'gd-newborn-zs',
      join(dir, 'bad.json'),
      'examples/guangdong',
    ]);
    expect(json.status).toBe(1);
    expect(json.stdout).toMatch(/bad\.json:16:\d+ 错误 MC2005 .*母亲公民身份号码/);
    const yaml = matterc([
      'validate-application',
      'gd-newborn-zs',
      join(dir, 'bad.yaml'),
      'examples/guangdong',
    ]);
    expect(yaml.status).toBe(1);
    expect(yaml.stdout).toMatch(/bad\.yaml:8:\d+ 错误 MC2005 .*父亲公民身份号码/);
    expect(yaml.stdout).toMatch(/bad\.yaml:9:\d+ 错误 \S+ .*是否委托他人代为领取/); // 否 is a string, not a boolean
    expect(yaml.stdout).toMatch(/MC2\d{3} .*户主/); // missing 户主
  });

  it('exits 2 for an unknown bundle or file', () => {
    const bundle = matterc([
      'validate-application',
      'no-such-bundle',
      join(dir, 'ok.json'),
      'examples/guangdong',
    ]);
    expect(bundle.status).toBe(2);
    expect(bundle.stderr).toContain('no-such-bundle');
    const file = matterc([
      'validate-application',
      'gd-newborn-zs',
      join(dir, 'missing.json'),
      'examples/guangdong',
    ]);
    expect(file.status).toBe(2);
    expect(file.stderr).toContain('MC9001');
  });
});

const browserTest = requireTool(
  'chromium',
  'test/generate/forms.test.ts › the HTML form in headless Chromium',
)
  ? describe
  : describe.skip;

browserTest('the HTML form in headless Chromium', () => {
  it('shows conditional fields, rejects a bad 公民身份号码, produces schema-valid JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'matterc-form-'));
    const delegation = formModel(DELEGATION, noDictionary);
    const delegationSchema = formSchema(delegation);
    writeFileSync(join(dir, 'delegation.html'), formPage(delegation));
    writeFileSync(join(dir, 'gd-newborn-zs.html'), files.get('forms/gd-newborn-zs.html')!);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('blob:')) requests.push(r.url());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });

      // Conditional fields follow the answer.
      await page.goto(pathToFileURL(join(dir, 'delegation.html')).href);
      const agent = page.getByLabel('代办人姓名');
      await expect.poll(() => agent.isVisible()).toBe(false);
      await page.getByLabel('是否委托他人代办').selectOption('true');
      await expect.poll(() => agent.isVisible()).toBe(true);
      await page.getByLabel('是否委托他人代办').selectOption('false');
      await expect.poll(() => agent.isVisible()).toBe(false);
      await page.getByLabel('是否委托他人代办').selectOption('true');

      // Required when shown; a wrong check digit is rejected.
      await page.getByLabel('申请人姓名').fill('张三');
      await page.getByRole('button', { name: '生成申请数据' }).click();
      await expect.poll(() => page.locator('#summary').isVisible()).toBe(true);
      expect(await page.locator('#summary').textContent()).toContain('请填写“代办人姓名”');
      await agent.fill('王五');
      const agentId = id('44200019800101003');
      await page.getByLabel('代办人公民身份号码').fill(wrongCheck(agentId));
      await page.getByRole('button', { name: '生成申请数据' }).click();
      expect(await page.locator('#summary').textContent()).toContain('代办人公民身份号码”格式不正确');
      expect(await page.getByLabel('代办人公民身份号码').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('代办人公民身份号码').fill(agentId);
      await page.getByRole('button', { name: '生成申请数据' }).click();
      await expect.poll(() => page.locator('#output').isVisible()).toBe(true);
      const produced = JSON.parse((await page.locator('#result').textContent())!);
      expect(produced).toEqual({
        申请人: { 姓名: '张三' },
        申请: { 委托代办: true },
        代办人: { 姓名: '王五', 公民身份号码: agentId },
      });
      const validateDelegation = newAjv().compile(delegationSchema);
      expect(validateDelegation(produced), JSON.stringify(validateDelegation.errors)).toBe(true);

      // The real bundle: fill it in, check the JSON against the generated schema.
      await page.goto(pathToFileURL(join(dir, 'gd-newborn-zs.html')).href);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      const app = validApplication();
      for (const [group, values] of Object.entries(app))
        for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
          const control = page.locator(`[name="${group}.${key}"]`);
          if ((await control.evaluate((e) => e.tagName)) === 'SELECT')
            await control.selectOption(String(value));
          else await control.fill(String(value));
        }
      // Every control has a label.
      const unlabelled = await page
        .locator('input, select')
        .evaluateAll((els) =>
          els
            .filter(
              (e) => ((e as unknown as { labels: ArrayLike<unknown> | null }).labels?.length ?? 0) === 0,
            )
            .map((e) => e.id),
        );
      expect(unlabelled).toEqual([]);
      await page.locator('[name="母亲.公民身份号码"]').fill(wrongCheck(MOTHER));
      await page.getByRole('button', { name: '生成申请数据' }).click();
      expect(await page.locator('#summary').textContent()).toContain('母亲公民身份号码”格式不正确');
      await page.locator('[name="母亲.公民身份号码"]').fill(MOTHER);
      await page.getByRole('button', { name: '生成申请数据' }).click();
      await expect.poll(() => page.locator('#output').isVisible()).toBe(true);
      const json = JSON.parse((await page.locator('#result').textContent())!);
      expect(json).toEqual(app);
      const validate = newAjv().compile(JSON.parse(files.get('forms/gd-newborn-zs.schema.json')!));
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(await page.locator('#download').getAttribute('href')).toMatch(/^blob:/);

      const shots = join(tmpdir(), 'matterc-test-artifacts');
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'form.png'), fullPage: true });
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
