#!/usr/bin/env node
/**
 * Benchmark corpus generator.
 *
 *   node bench/corpus.mjs --matters N --out DIR [--seed S] [--force]
 *
 * Writes a synthetic provincial repository (示例省, region 990000, the region `matterc init` uses)
 * that extends the national baseline shipped in `matters/`: one Matter document per file under
 * `matters/<region>/<department>/`, one Bundle per file under `bundles/`, the provincial list in
 * `lists/`, and registries (departments, laws, materials, fields) in `registries/`. Every generated
 * document keeps the rules `matterc check` enforces, so the corpus checks clean: codes carry valid
 * check characters, references resolve, citations name registered laws, conditions are typed,
 * refinements only lighten the citizen's burden, bundle workflows are acyclic and fit their promise,
 * and the list covers every national item.
 *
 * The same N and seed give byte-identical files: all randomness comes from seeded generators, one per
 * document (keyed by the seed and the document's id), so no output depends on iteration order or time.
 * Imports nothing but Node built-ins and `yaml` (to read the national baseline).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseAllDocuments } from 'yaml';

const NATIONAL_DIR = fileURLToPath(new URL('../matters/', import.meta.url));
const DEFAULT_SEED = 'matterc-bench';
const PROVINCE = { name: '示例省', code: '990000' };
const SYNTHETIC = '合成数据（非官方）';
const MAX_MATTERS = 500_000;
/** Registries are split into files of at most this many documents (matterc's default size limit is 4 MB). */
const DOCS_PER_REGISTRY_FILE = 400;

// ── command line ─────────────────────────────────────────────────────────────────────────────────

function usage(message) {
  process.stderr.write(
    `${message ? `corpus: ${message}\n` : ''}usage: node bench/corpus.mjs --matters N --out DIR [--seed S] [--force]\n`,
  );
  process.exit(2);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        matters: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: DEFAULT_SEED },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    usage(error.message);
  }
  if (parsed.help) usage('');
  if (parsed.matters === undefined) usage('--matters N is required');
  if (parsed.out === undefined) usage('--out DIR is required');
  if (!/^\d+$/.test(parsed.matters) || Number(parsed.matters) < 1 || Number(parsed.matters) > MAX_MATTERS)
    usage(`--matters must be a whole number from 1 to ${MAX_MATTERS}, not "${parsed.matters}"`);
  if (parsed.seed === '') usage('--seed must not be empty');
  return {
    matters: Number(parsed.matters),
    out: resolve(parsed.out),
    seed: parsed.seed,
    force: parsed.force,
  };
}

// ── seeded randomness ────────────────────────────────────────────────────────────────────────────

/** cyrb128: four 32-bit words from a string. */
function hash128(str) {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A small, fast generator (sfc32) seeded from a string; one per document keeps documents independent. */
class Rng {
  constructor(key) {
    let [a, b, c, d] = hash128(key);
    this.next = () => {
      a |= 0;
      b |= 0;
      c |= 0;
      d |= 0;
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      return (t >>> 0) / 4294967296;
    };
    for (let i = 0; i < 12; i++) this.next();
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  chance(p) {
    return this.next() < p;
  }
  shuffle(list) {
    const a = [...list];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  /** k distinct elements in random order (partial Fisher–Yates, does not touch `list`). */
  sample(list, k) {
    const a = [...list];
    const n = Math.min(k, a.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (a.length - i));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, n);
  }
  digits(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

// ── codes with check characters ──────────────────────────────────────────────────────────────────

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const LEVEL_DIGITS = { 国家级: '1', 省级: '2', 市级: '3', 县级: '4' };
const TYPE_CODES = {
  行政许可: '01',
  行政处罚: '02',
  行政强制: '03',
  行政征收: '04',
  行政给付: '05',
  行政检查: '06',
  行政确认: '07',
  行政奖励: '08',
  行政裁决: '09',
  其他行政权力: '10',
  公共服务: '20',
};

/** GB 32100-2015 check character of the first 17 characters. */
function usccCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_CHARS[c === 31 ? 0 : c];
}

/** GB 11714 organisation code (8 characters + check character), inside the USCC. */
function orgCode(rng) {
  const body = `MB${Array.from({ length: 6 }, () => rng.pick('0123456789ABCDEFGHJKLMNPQRTUWXY')).join('')}`;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i];
    const v = ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/** 统一社会信用代码 of a government body (registration authority 1 = 机构编制, category 1 = 机关). */
function governmentUscc(region, rng) {
  const first17 = `11${region}${orgCode(rng)}`;
  return first17 + usccCheck(first17);
}

// ── vocabulary ───────────────────────────────────────────────────────────────────────────────────

const CITY_NAMES = [
  '青川 临江 安平 白河 东陵 西华 南塘 北固 长宁 永宁',
  '清源 新野 龙泉 凤翔 金川 石门 丰城 汉阳 泰宁 宁海',
]
  .join(' ')
  .split(' ');
const COUNTY_HEADS = '溪 松 桃 梅 竹 兰 柳 枫 桂 荷 樟 榕 杉 柏 槐 栖 云 霞'.split(' ');
const COUNTY_TAILS = '源 口 阳 山 水 川 林 江 湖 桥 台 洲 坪 岭 溪 塘'.split(' ');
const ROADS = '人民 解放 建设 文化 振兴 和平 中山 滨江 新华 朝阳 育才 府前'.split(' ');

/**
 * Laws the corpus cites: [id, title, short title, rank]. Titles of real laws; the article numbers the
 * corpus cites are synthetic. Titles the national baseline already registers use its ids instead.
 */
const LAWS = [
  ['administrative-licensing-law', '中华人民共和国行政许可法', '行政许可法', '法律'],
  ['food-safety-law', '中华人民共和国食品安全法', '食品安全法', '法律'],
  ['drug-administration-law', '中华人民共和国药品管理法', '药品管理法', '法律'],
  ['product-quality-law', '中华人民共和国产品质量法', '产品质量法', '法律'],
  ['special-equipment-safety-law', '中华人民共和国特种设备安全法', '特种设备安全法', '法律'],
  ['metrology-law', '中华人民共和国计量法', '计量法', '法律'],
  ['advertising-law', '中华人民共和国广告法', '广告法', '法律'],
  [
    'market-entity-registration-regulation',
    '中华人民共和国市场主体登记管理条例',
    '市场主体登记管理条例',
    '行政法规',
  ],
  ['resident-id-card-law', '中华人民共和国居民身份证法', '居民身份证法', '法律'],
  ['exit-entry-law', '中华人民共和国出境入境管理法', '出境入境管理法', '法律'],
  ['road-traffic-safety-law', '中华人民共和国道路交通安全法', '道路交通安全法', '法律'],
  ['household-registration-regulation', '中华人民共和国户口登记条例', '户口登记条例', '法律'],
  ['residence-permit-regulation', '居住证暂行条例', '', '行政法规'],
  ['security-services-regulation', '保安服务管理条例', '', '行政法规'],
  ['fireworks-regulation', '烟花爆竹安全管理条例', '', '行政法规'],
  ['basic-healthcare-law', '中华人民共和国基本医疗卫生与健康促进法', '基本医疗卫生与健康促进法', '法律'],
  ['physicians-law', '中华人民共和国医师法', '医师法', '法律'],
  ['maternal-infant-health-law', '中华人民共和国母婴保健法', '母婴保健法', '法律'],
  ['vaccine-administration-law', '中华人民共和国疫苗管理法', '疫苗管理法', '法律'],
  ['population-family-planning-law', '中华人民共和国人口与计划生育法', '人口与计划生育法', '法律'],
  ['medical-institutions-regulation', '医疗机构管理条例', '', '行政法规'],
  ['nurses-regulation', '护士条例', '', '行政法规'],
  ['public-places-hygiene-regulation', '公共场所卫生管理条例', '', '行政法规'],
  ['social-insurance-law', '中华人民共和国社会保险法', '社会保险法', '法律'],
  ['employment-promotion-law', '中华人民共和国就业促进法', '就业促进法', '法律'],
  ['labour-law', '中华人民共和国劳动法', '劳动法', '法律'],
  ['labour-contract-law', '中华人民共和国劳动合同法', '劳动合同法', '法律'],
  ['work-injury-insurance-regulation', '工伤保险条例', '', '行政法规'],
  ['unemployment-insurance-regulation', '失业保险条例', '', '行政法规'],
  ['human-resources-market-regulation', '人力资源市场暂行条例', '', '行政法规'],
  ['construction-law', '中华人民共和国建筑法', '建筑法', '法律'],
  ['urban-rural-planning-law', '中华人民共和国城乡规划法', '城乡规划法', '法律'],
  ['construction-quality-regulation', '建设工程质量管理条例', '', '行政法规'],
  ['urban-gas-regulation', '城镇燃气管理条例', '', '行政法规'],
  ['urban-real-estate-law', '中华人民共和国城市房地产管理法', '城市房地产管理法', '法律'],
  ['fire-protection-law', '中华人民共和国消防法', '消防法', '法律'],
  ['charity-law', '中华人民共和国慈善法', '慈善法', '法律'],
  ['elderly-rights-law', '中华人民共和国老年人权益保障法', '老年人权益保障法', '法律'],
  ['marriage-registration-regulation', '婚姻登记条例', '', '行政法规'],
  ['social-assistance-measures', '社会救助暂行办法', '', '行政法规'],
  ['social-organizations-regulation', '社会团体登记管理条例', '', '行政法规'],
  ['land-administration-law', '中华人民共和国土地管理法', '土地管理法', '法律'],
  ['surveying-mapping-law', '中华人民共和国测绘法', '测绘法', '法律'],
  ['real-estate-registration-regulation', '不动产登记暂行条例', '', '行政法规'],
  ['mineral-resources-law', '中华人民共和国矿产资源法', '矿产资源法', '法律'],
  ['road-transport-regulation', '中华人民共和国道路运输条例', '道路运输条例', '行政法规'],
  ['highway-law', '中华人民共和国公路法', '公路法', '法律'],
  ['seed-law', '中华人民共和国种子法', '种子法', '法律'],
  ['animal-epidemic-law', '中华人民共和国动物防疫法', '动物防疫法', '法律'],
  ['pesticide-regulation', '农药管理条例', '', '行政法规'],
  ['veterinary-drug-regulation', '兽药管理条例', '', '行政法规'],
  ['fisheries-law', '中华人民共和国渔业法', '渔业法', '法律'],
  ['agricultural-machinery-law', '中华人民共和国农业机械化促进法', '农业机械化促进法', '法律'],
  ['foreign-trade-law', '中华人民共和国对外贸易法', '对外贸易法', '法律'],
  ['end-of-life-vehicles-measures', '报废机动车回收管理办法', '', '行政法规'],
  ['tourism-law', '中华人民共和国旅游法', '旅游法', '法律'],
  ['performances-regulation', '营业性演出管理条例', '', '行政法规'],
  ['entertainment-venues-regulation', '娱乐场所管理条例', '', '行政法规'],
  ['internet-cafes-regulation', '互联网上网服务营业场所管理条例', '', '行政法规'],
  ['public-libraries-law', '中华人民共和国公共图书馆法', '公共图书馆法', '法律'],
  ['environmental-protection-law', '中华人民共和国环境保护法', '环境保护法', '法律'],
  ['environmental-impact-law', '中华人民共和国环境影响评价法', '环境影响评价法', '法律'],
  ['pollutant-permits-regulation', '排污许可管理条例', '', '行政法规'],
  ['solid-waste-law', '中华人民共和国固体废物污染环境防治法', '固体废物污染环境防治法', '法律'],
  ['water-law', '中华人民共和国水法', '水法', '法律'],
  ['flood-control-law', '中华人民共和国防洪法', '防洪法', '法律'],
  ['soil-water-conservation-law', '中华人民共和国水土保持法', '水土保持法', '法律'],
  ['river-regulation', '中华人民共和国河道管理条例', '河道管理条例', '行政法规'],
  ['work-safety-law', '中华人民共和国安全生产法', '安全生产法', '法律'],
  ['hazardous-chemicals-regulation', '危险化学品安全管理条例', '', '行政法规'],
  ['emergency-response-law', '中华人民共和国突发事件应对法', '突发事件应对法', '法律'],
  ['education-law', '中华人民共和国教育法', '教育法', '法律'],
  ['teachers-law', '中华人民共和国教师法', '教师法', '法律'],
  ['private-education-law', '中华人民共和国民办教育促进法', '民办教育促进法', '法律'],
  ['school-bus-regulation', '校车安全管理条例', '', '行政法规'],
  ['lawyers-law', '中华人民共和国律师法', '律师法', '法律'],
  ['notarization-law', '中华人民共和国公证法', '公证法', '法律'],
  ['legal-aid-law', '中华人民共和国法律援助法', '法律援助法', '法律'],
  ['people-mediation-law', '中华人民共和国人民调解法', '人民调解法', '法律'],
  ['veterans-protection-law', '中华人民共和国退役军人保障法', '退役军人保障法', '法律'],
  ['military-pensions-regulation', '军人抚恤优待条例', '', '行政法规'],
  ['forest-law', '中华人民共和国森林法', '森林法', '法律'],
  ['wildlife-protection-law', '中华人民共和国野生动物保护法', '野生动物保护法', '法律'],
  ['sports-law', '中华人民共和国体育法', '体育法', '法律'],
  ['national-fitness-regulation', '全民健身条例', '', '行政法规'],
  ['tobacco-monopoly-law', '中华人民共和国烟草专卖法', '烟草专卖法', '法律'],
  [
    'tobacco-monopoly-implementing-regulation',
    '中华人民共和国烟草专卖法实施条例',
    '烟草专卖法实施条例',
    '行政法规',
  ],
  ['tax-collection-law', '中华人民共和国税收征收管理法', '税收征收管理法', '法律'],
  ['invoice-measures', '中华人民共和国发票管理办法', '发票管理办法', '行政法规'],
  ['housing-provident-fund-regulation', '住房公积金管理条例', '', '行政法规'],
  ['urban-appearance-regulation', '城市市容和环境卫生管理条例', '', '行政法规'],
  ['urban-roads-regulation', '城市道路管理条例', '', '行政法规'],
  ['disabled-persons-law', '中华人民共和国残疾人保障法', '残疾人保障法', '法律'],
  ['disabled-employment-regulation', '残疾人就业条例', '', '行政法规'],
  ['archives-law', '中华人民共和国档案法', '档案法', '法律'],
  ['business-environment-regulation', '优化营商环境条例', '', '行政法规'],
  ['sl-business-environment-regulation', `${PROVINCE.name}优化营商环境条例`, '', '地方性法规'],
  ['sl-government-services-regulation', `${PROVINCE.name}政务服务条例`, '', '地方性法规'],
  ['sl-elderly-care-regulation', `${PROVINCE.name}养老服务条例`, '', '地方性法规'],
  ['sl-social-assistance-measures', `${PROVINCE.name}社会救助实施办法`, '', '地方政府规章'],
  ['sl-outdoor-advertising-measures', `${PROVINCE.name}户外广告设施和招牌设置管理办法`, '', '地方政府规章'],
  ['sl-elevator-safety-regulation', `${PROVINCE.name}电梯安全条例`, '', '地方性法规'],
];
const LOCAL_BASIS = ['sl-business-environment-regulation', 'sl-government-services-regulation'];

/** Materials every kind of matter may list: [id, name, eLicense, shareable]. */
const COMMON_MATERIALS = [
  ['sl-power-of-attorney', '授权委托书', false, false],
  ['sl-agent-id', '受托人身份证件', false, false],
  ['sl-residence-permit', '居住证', true, false],
  ['sl-foreign-investment-receipt', '外商投资信息报告回执', false, true],
  ['sl-lease-contract', '房屋租赁合同', false, false],
  ['sl-property-proof', '房屋产权证明', false, true],
  ['sl-safety-organisation', '安全生产管理机构设置及人员配备文件', false, false],
  ['sl-expert-opinion', '专家论证意见', false, false],
  ['sl-new-representative-id', '新任法定代表人身份证明', false, false],
  ['sl-loss-statement', '证件遗失声明', false, false],
  ['sl-guardianship-proof', '监护关系证明', false, false],
  ['sl-representative-id', '法定代表人身份证明', false, false],
  ['sl-articles-of-association', '章程', false, false],
  ['sl-commitment', '告知承诺书', false, false],
  ['sl-photo', '近期免冠彩色照片', false, false],
  ['sl-bank-card', '本人银行卡或存折', false, false],
  ['sl-site-plan', '经营场所平面布局图', false, false],
  ['sl-staff-list', '主要管理人员和专业技术人员名单', false, false],
  ['sl-rules', '管理制度文本', false, false],
  ['sl-change-proof', '变更事项证明文件', false, false],
  ['sl-cancellation-application', '注销申请及清算报告', false, false],
  ['sl-income-proof', '家庭收入情况说明', false, false],
  ['sl-location-map', '经营场所地理位置图', false, false],
];

/** Fields of the dictionary the corpus adds: [id, name, type, extra]. Names are unique in the dictionary. */
const FIELDS = [
  ['申请人.性别', '申请人性别', '枚举', { options: ['男', '女'] }],
  ['申请人.出生日期', '申请人出生日期', '日期', {}],
  [
    '申请人.年龄',
    '申请人年龄',
    '整数',
    { unit: '岁', description: '按公民身份号码记载的出生日期计算的周岁年龄。' },
  ],
  ['申请人.户籍类型', '申请人户籍类型', '枚举', { options: ['本省户籍', '外省户籍'] }],
  ['申请人.通讯地址', '申请人通讯地址', '文本', {}],
  ['申请人.电子邮箱', '申请人电子邮箱', '文本', { format: '电子邮箱' }],
  ['申请人.邮政编码', '申请人邮政编码', '文本', { format: '邮政编码' }],
  ['申请人.婚姻状况', '申请人婚姻状况', '枚举', { options: ['未婚', '已婚', '离婚', '丧偶'] }],
  [
    '申请人.学历',
    '申请人学历',
    '枚举',
    { options: ['初中及以下', '高中（中专）', '大专', '本科', '研究生'] },
  ],
  ['申请人.开户银行', '待遇发放开户银行', '文本', {}],
  ['申请人.银行账号', '待遇发放银行账号', '文本', {}],
  ['申请人.残疾等级', '申请人残疾等级', '枚举', { options: ['一级', '二级', '三级', '四级'] }],
  ['申请人.家庭人口数', '申请人家庭人口数', '整数', { unit: '人' }],
  ['申请.委托代理', '是否委托代理人办理', '布尔', {}],
  ['代理人.姓名', '代理人姓名', '文本', {}],
  ['代理人.公民身份号码', '代理人公民身份号码', '文本', { format: '公民身份号码' }],
  [
    '经营主体.企业类型',
    '企业类型',
    '枚举',
    {
      options: ['有限责任公司', '股份有限公司', '个人独资企业', '合伙企业', '外商投资企业', '农民专业合作社'],
    },
  ],
  ['经营主体.法定代表人姓名', '法定代表人姓名', '文本', {}],
  ['经营主体.法定代表人公民身份号码', '法定代表人公民身份号码', '文本', { format: '公民身份号码' }],
  ['经营主体.注册资本', '注册资本', '金额', { unit: '万元' }],
  ['经营主体.从业人员数', '从业人员数', '整数', { unit: '人' }],
  ['经营主体.联系电话', '经营主体联系电话', '文本', { format: '固定电话' }],
  ['经营主体.住所', '经营主体住所', '文本', {}],
  ['经营主体.经营范围', '经营范围', '文本', {}],
  ['经营主体.行政区划代码', '住所行政区划代码', '文本', { format: '行政区划代码' }],
  ['场所.名称', '场所名称', '文本', {}],
  ['场所.地址', '场所地址', '文本', {}],
  ['场所.面积', '场所面积', '小数', { unit: '平方米' }],
  ['场所.产权类型', '场所产权类型', '枚举', { options: ['自有', '租赁'] }],
  ['项目.名称', '项目名称', '文本', {}],
  ['项目.地址', '项目地址', '文本', {}],
  ['项目.总投资', '项目总投资', '金额', { unit: '万元' }],
  ['项目.建筑面积', '项目建筑面积', '小数', { unit: '平方米' }],
  ['项目.用地面积', '项目用地面积', '小数', { unit: '平方米' }],
  ['车辆.号牌号码', '车辆号牌号码', '文本', {}],
  ['车辆.车辆类型', '车辆类型', '枚举', { options: ['小型汽车', '大型汽车', '挂车', '摩托车'] }],
  ['车辆.核定载客人数', '核定载客人数', '整数', { unit: '人' }],
  ['设备.名称', '设备名称', '文本', {}],
  ['设备.数量', '设备数量', '整数', { unit: '台' }],
  ['人员.专业技术人员数', '专业技术人员数', '整数', { unit: '人' }],
  ['证照.证书编号', '原证书编号', '文本', {}],
  ['证照.有效期截止日期', '原证书有效期截止日期', '日期', {}],
  ['申请.变更事项', '变更事项', '枚举', { options: ['名称', '住所', '法定代表人', '经营范围', '经营场所'] }],
  ['申请.注销原因', '注销原因', '枚举', { options: ['主动申请注销', '有效期届满未延续', '主体资格终止'] }],
  ['申请.补换原因', '补领换领原因', '枚举', { options: ['有效期满', '证件损坏', '证件遗失', '信息变更'] }],
  ['申请.救助类别', '申请救助类别', '枚举', { options: ['最低生活保障', '特困人员供养', '临时救助'] }],
];

/** Fields national data already registers, reused with their ids. */
const PERSON_FIELDS = ['申请人.姓名', '申请人.公民身份号码', '申请人.手机号码'];
const BUSINESS_FIELDS = ['经营主体.名称', '经营主体.统一社会信用代码'];

/** Conditions on form fields: [field, expression, material (id) it calls for, acceptance condition text]. */
/** Facts about an applicant that decide whether a bundle's component applies to them. */
const COMPONENT_WHENS = new Set([
  '申请人.户籍类型',
  '经营主体.企业类型',
  '经营主体.从业人员数',
  '场所.产权类型',
  '项目.建筑面积',
]);

const WHENS = [
  [
    '申请.委托代理',
    '申请.委托代理 == true',
    'sl-power-of-attorney',
    '委托代理人办理的，代理人应当具有完全民事行为能力，并持有经申请人签字（盖章）的授权委托书。',
  ],
  [
    '申请人.户籍类型',
    '申请人.户籍类型 == "外省户籍"',
    'sl-residence-permit',
    '非本省户籍的申请人应当持有本省有效期内的居住证。',
  ],
  [
    '经营主体.企业类型',
    '经营主体.企业类型 == "外商投资企业"',
    'sl-foreign-investment-receipt',
    '外商投资企业应当已按规定报送外商投资信息。',
  ],
  [
    '场所.产权类型',
    '场所.产权类型 == "租赁"',
    'sl-lease-contract',
    '经营场所为租赁的，租赁期限应当覆盖申请的经营期限。',
  ],
  ['场所.产权类型', '场所.产权类型 == "自有"', 'sl-property-proof', ''],
  [
    '经营主体.从业人员数',
    '经营主体.从业人员数 >= 50',
    'sl-safety-organisation',
    '从业人员在五十人以上的，应当设置安全生产管理机构或者配备专职安全生产管理人员。',
  ],
  [
    '项目.建筑面积',
    '项目.建筑面积 > 20000',
    'sl-expert-opinion',
    '建筑面积超过两万平方米的项目，应当经专家论证。',
  ],
  ['申请.变更事项', '申请.变更事项 == "法定代表人"', 'sl-new-representative-id', ''],
  ['申请.补换原因', '申请.补换原因 == "证件遗失"', 'sl-loss-statement', ''],
  [
    '申请人.年龄',
    '申请人.年龄 < 18',
    'sl-guardianship-proof',
    '申请人未满十八周岁的，由其法定监护人代为申请。',
  ],
];

/**
 * Departments and what they do. names: [province, city, county] templates ({u} = unit name; null = no
 * such office at that level). items: "name|type|audience|scope|result|flags" where type is 许 确 给 服
 * 其 奖, audience P (自然人) E (企业) B (both) O (社会组织), scope P (province only) C (cities) X
 * (counties) A (every level); flags: s (licence sub-items 新办/变更/延续/注销), r (证件 sub-items
 * 首次申领/换领/补领), i (handled on the spot), p (produces its result as a material other matters
 * use), n=<national matter>, u=<material>;<material> (results of other matters it uses), e=<eligibility>,
 * f=<fee item>:<standard>.
 */
const THEMES = [
  {
    slug: 'samr',
    code: '11',
    national: 'samr',
    short: '市场监管',
    names: ['{u}市场监督管理局', '{u}市场监督管理局', '{u}市场监督管理局'],
    laws: [
      'food-safety-law',
      'product-quality-law',
      'special-equipment-safety-law',
      'metrology-law',
      'advertising-law',
      'market-entity-registration-regulation',
      'drug-administration-law',
    ],
    fields: ['场所.名称', '场所.地址', '场所.面积', '场所.产权类型', '经营主体.经营范围', '设备.数量'],
    materials: [
      '食品安全管理制度',
      '食品安全管理人员名单及培训证明',
      '主要设备设施清单',
      '工艺流程图',
      '食品原料采购查验制度',
      '特种设备安装监督检验证明',
      '特种设备产品合格证',
      '作业人员资格证书',
      '计量标准器具检定证书',
      '计量标准技术报告',
      '药品质量管理文件',
      '执业药师注册证',
      '广告样件',
      '场所卫生状况说明',
    ],
    conditions: [
      '具有与申请经营的品种、数量相适应的经营场所和设施设备。',
      '有专职或者兼职的食品安全管理人员和保证食品安全的规章制度。',
      '设备布局和工艺流程合理，防止待加工食品与直接入口食品、原料与成品交叉污染。',
      '有与所经营产品相适应的质量管理机构或者人员。',
    ],
    items: [
      '企业设立登记|许|E|A|营业执照|p',
      '企业变更登记|许|E|A|营业执照|u=营业执照',
      '企业注销登记|许|E|A||u=营业执照',
      '个体工商户登记|许|P|X|营业执照|s',
      '企业营业执照信息核验|服|E|A||i,n=business-license-verification',
      '食品经营许可|许|E|A|食品经营许可证|s,p,u=营业执照,n=food-business-license',
      '食品生产许可|许|E|C|食品生产许可证|s,p,u=营业执照',
      '小作坊登记|确|B|X|食品小作坊登记证|s,u=营业执照',
      '特种设备使用登记|许|E|A|特种设备使用登记证|s,u=营业执照',
      '特种设备安装改造修理告知|其|E|A||i',
      '计量标准器具核准|许|E|C|计量标准考核证书|s',
      '药品零售企业许可|许|E|X|药品经营许可证|s,p,u=营业执照',
      '第二类医疗器械经营备案|其|E|C|第二类医疗器械经营备案凭证|i,u=营业执照',
      '股权出质登记|确|E|A|股权出质登记通知书|',
      '广告发布登记|许|E|C|广告发布登记证|s,u=营业执照',
    ],
  },
  {
    slug: 'police',
    code: '12',
    national: 'mps',
    short: '公安',
    names: ['{u}公安厅', '{u}公安局', '{u}公安局'],
    laws: [
      'resident-id-card-law',
      'exit-entry-law',
      'road-traffic-safety-law',
      'household-registration-regulation',
      'residence-permit-regulation',
      'security-services-regulation',
      'fireworks-regulation',
    ],
    fields: ['申请人.性别', '申请人.出生日期', '申请人.年龄', '申请人.通讯地址', '申请人.婚姻状况'],
    materials: [
      '户口迁移证明',
      '准予迁入证明',
      '出入境证件申请表',
      '机动车所有人身份证明',
      '购车发票',
      '机动车整车出厂合格证明',
      '交通事故责任强制保险凭证',
      '驾驶人身体条件证明',
      '保安员证',
      '运输车辆安全技术检验合格证明',
      '居住登记凭证',
    ],
    conditions: [
      '申请人为本辖区常住户口或者持有本辖区居住证的居民。',
      '申请人不属于法律规定不准出境的情形。',
      '申请登记的机动车经安全技术检验合格。',
      '申请人身体条件符合驾驶许可条件。',
    ],
    items: [
      '出生登记（户口登记）|确|P|X|居民户口簿|p,u=出生医学证明,n=birth-registration',
      '居民身份证申领|服|P|X|居民身份证|r,u=居民户口簿,f=居民身份证工本费:每证20元',
      '居住证申领|服|P|X|居住证|r',
      '户口迁移（省内）|确|P|X|户口迁移证明|u=居民户口簿',
      '机动车注册登记|确|B|C|机动车登记证书|p',
      '机动车驾驶证换证|许|P|C|机动车驾驶证|i',
      '普通护照签发|许|P|C|普通护照|f=普通护照工本费:每本120元',
      '往来港澳通行证签发|许|P|C|往来港澳通行证|r',
      '烟花爆竹道路运输许可|许|E|X|烟花爆竹道路运输许可证|',
      '保安服务公司设立许可|许|E|P|保安服务许可证|',
      '无犯罪记录证明开具|服|P|X|无犯罪记录证明|i',
    ],
  },
  {
    slug: 'health',
    code: '13',
    national: 'nhc',
    short: '卫生健康',
    names: ['{u}卫生健康委员会', '{u}卫生健康委员会', '{u}卫生健康局'],
    laws: [
      'basic-healthcare-law',
      'physicians-law',
      'maternal-infant-health-law',
      'vaccine-administration-law',
      'population-family-planning-law',
      'medical-institutions-regulation',
      'nurses-regulation',
      'public-places-hygiene-regulation',
    ],
    fields: ['场所.名称', '场所.地址', '场所.面积', '人员.专业技术人员数', '申请人.性别'],
    materials: [
      '医疗机构设置批准书',
      '医疗机构执业登记申请书',
      '医疗机构用房产权证明',
      '医疗卫生技术人员名录及执业证书',
      '医师资格证书',
      '护士执业资格考试成绩合格证明',
      '体检证明',
      '公共场所卫生检测报告',
      '放射诊疗设备清单',
      '辐射防护评价报告',
      '母婴保健技术考核合格证书',
      '分娩记录',
      '接种记录',
    ],
    conditions: [
      '具有与执业范围相适应的医疗卫生技术人员。',
      '有符合规定的诊疗场所、设备和卫生条件。',
      '申请人取得相应的执业资格且身体健康状况适宜执业。',
      '公共场所的卫生状况经检测符合国家卫生标准。',
    ],
    items: [
      '出生医学证明签发|服|P|X|出生医学证明|p,n=birth-medical-certificate',
      '预防接种证办理|服|P|X|预防接种证|p,u=出生医学证明,n=vaccination-certificate',
      '医疗机构执业登记|许|E|A|医疗机构执业许可证|s',
      '医师执业注册|许|P|C|医师执业证书|s',
      '护士执业注册|许|P|C|护士执业证书|s',
      '生育登记服务|服|P|X|生育服务登记凭证|i',
      '公共场所卫生许可|许|E|X|公共场所卫生许可证|s,u=营业执照',
      '放射诊疗许可|许|E|C|放射诊疗许可证|s',
      '母婴保健技术服务执业许可|许|E|C|母婴保健技术服务执业许可证|s',
    ],
  },
  {
    slug: 'hrss',
    code: '14',
    national: 'mohrss',
    short: '人力资源社会保障',
    names: ['{u}人力资源和社会保障厅', '{u}人力资源和社会保障局', '{u}人力资源和社会保障局'],
    laws: [
      'social-insurance-law',
      'employment-promotion-law',
      'labour-law',
      'labour-contract-law',
      'work-injury-insurance-regulation',
      'unemployment-insurance-regulation',
      'human-resources-market-regulation',
    ],
    fields: ['申请人.出生日期', '申请人.学历', '申请人.开户银行', '申请人.银行账号', '经营主体.从业人员数'],
    materials: [
      '劳动合同',
      '解除或终止劳动关系证明',
      '职业技能等级证书',
      '培训合格证明',
      '工伤认定申请表',
      '医疗诊断证明',
      '事故调查报告',
      '劳务派遣管理制度',
      '人力资源服务场所使用证明',
      '工时制度实施方案',
      '职工名册',
    ],
    conditions: [
      '用人单位已依法参加社会保险并按时足额缴费。',
      '申请人处于法定劳动年龄内，具有劳动能力和就业要求。',
      '有与开展业务相适应的固定经营场所和设施。',
      '有符合规定的劳务派遣管理制度。',
    ],
    items: [
      '社会保障卡申领|服|P|X|社会保障卡|r,p,n=social-security-card',
      '职工参保登记|服|E|X|参保登记凭证|i,u=营业执照',
      '城乡居民养老保险参保登记|服|P|X||i',
      '失业保险金申领|给|P|X||u=社会保障卡',
      '工伤认定|确|B|C|工伤认定决定书|',
      '劳务派遣经营许可|许|E|C|劳务派遣经营许可证|s,u=营业执照',
      '人力资源服务许可|许|E|X|人力资源服务许可证|s,u=营业执照',
      '职业技能提升补贴申领|给|P|C||u=社会保障卡',
      '就业困难人员认定|确|P|X||',
      '灵活就业人员社会保险补贴申领|给|P|X||u=社会保障卡,e=申请人.年龄 >= 40',
      '企业实行不定时工作制和综合计算工时工作制审批|许|E|C|审批决定书|',
    ],
  },
  {
    slug: 'healthcare-security',
    code: '15',
    national: 'nhsa',
    short: '医疗保障',
    names: ['{u}医疗保障局', '{u}医疗保障局', '{u}医疗保障局'],
    laws: ['social-insurance-law', 'basic-healthcare-law'],
    fields: ['申请人.开户银行', '申请人.银行账号', '申请人.通讯地址'],
    materials: [
      '医疗费用发票',
      '费用明细清单',
      '出院记录',
      '门诊病历',
      '异地就医备案表',
      '慢特病诊断证明',
      '定点医药机构申请表',
    ],
    conditions: [
      '申请人已参加本统筹区基本医疗保险并处于待遇享受期。',
      '所发生的医疗费用属于基本医疗保险支付范围。',
    ],
    items: [
      '城乡居民基本医疗保险参保登记|服|P|X||i,n=medical-insurance-enrollment',
      '生育医疗费用报销|给|P|X||',
      '异地就医备案|服|P|C||i',
      '门诊慢特病待遇认定|确|P|X||',
      '医疗费用手工（零星）报销|给|P|X||',
      '定点医药机构申请受理|其|E|C||u=营业执照',
    ],
  },
  {
    slug: 'housing',
    code: '16',
    national: 'mohurd',
    short: '住房城乡建设',
    names: ['{u}住房和城乡建设厅', '{u}住房和城乡建设局', '{u}住房和城乡建设局'],
    laws: [
      'construction-law',
      'urban-rural-planning-law',
      'construction-quality-regulation',
      'urban-gas-regulation',
      'urban-real-estate-law',
      'sl-elevator-safety-regulation',
    ],
    fields: ['项目.名称', '项目.地址', '项目.总投资', '项目.建筑面积'],
    materials: [
      '施工图设计文件审查合格书',
      '中标通知书',
      '施工合同',
      '工程质量安全监督手续',
      '建设资金落实证明',
      '企业资质证书',
      '注册建造师证书',
      '燃气设施竣工验收报告',
      '商品房预售方案',
      '工程竣工验收报告',
      '消防设计文件',
      '安全生产许可证',
    ],
    conditions: [
      '已经办理该建筑工程用地批准手续。',
      '已经确定建筑施工企业，有满足施工需要的资金安排。',
      '有保证工程质量和安全的具体措施。',
      '有符合国家标准的燃气气源和燃气设施。',
    ],
    items: [
      '建筑工程施工许可证核发|许|E|A|建筑工程施工许可证|s,u=建设工程规划许可证',
      '建筑业企业资质核准|许|E|C|建筑业企业资质证书|s,p,u=营业执照',
      '商品房预售许可|许|E|X|商品房预售许可证|u=建设工程规划许可证',
      '燃气经营许可|许|E|C|燃气经营许可证|s,u=营业执照',
      '房屋建筑工程竣工验收备案|其|E|X|竣工验收备案证明|',
      '建设工程消防设计审查|许|E|X|建设工程消防设计审查意见书|u=建设工程规划许可证',
    ],
  },
  {
    slug: 'urban-management',
    code: '17',
    national: 'mohurd',
    short: '城市管理',
    names: [null, '{u}城市管理和综合执法局', '{u}城市管理和综合执法局'],
    laws: ['urban-appearance-regulation', 'urban-roads-regulation', 'sl-outdoor-advertising-measures'],
    fields: ['场所.地址', '项目.地址'],
    materials: ['招牌设置效果图', '招牌设置位置示意图', '设施安全检测报告', '占道施工方案', '交通疏解方案'],
    conditions: [
      '招牌设置符合城市容貌标准和户外招牌设置规范。',
      '设施结构安全，不影响通行和相邻权利人的合法权益。',
    ],
    items: [
      '户外招牌设施设置规范管理|其|E|X||n=outdoor-signboard',
      '城市道路挖掘许可|许|E|X|挖掘城市道路许可决定书|',
      '临时占用城市道路许可|许|B|X|临时占用城市道路许可决定书|',
      '城市建筑垃圾处置核准|许|E|X|城市建筑垃圾处置核准证|',
    ],
  },
  {
    slug: 'fire',
    code: '18',
    national: 'fire-rescue',
    short: '消防救援',
    names: ['{u}消防救援总队', '{u}消防救援支队', '{u}消防救援大队'],
    laws: ['fire-protection-law'],
    fields: ['场所.名称', '场所.地址', '场所.面积'],
    materials: [
      '消防安全制度',
      '灭火和应急疏散预案',
      '消防设施检测报告',
      '场所平面图',
      '消防安全管理人员名单',
    ],
    conditions: [
      '场所的消防设施、器材配置符合国家工程建设消防技术标准。',
      '有健全的消防安全制度和灭火、应急疏散预案。',
    ],
    items: [
      '公众聚集场所投入使用、营业前消防安全检查|许|E|X|公众聚集场所投入使用、营业前消防安全检查合格证|u=营业执照,n=fire-safety-inspection',
      '消防技术服务机构从业条件告知承诺|其|E|P||u=营业执照',
    ],
  },
  {
    slug: 'civil-affairs',
    code: '19',
    short: '民政',
    names: ['{u}民政厅', '{u}民政局', '{u}民政局'],
    laws: [
      'charity-law',
      'elderly-rights-law',
      'marriage-registration-regulation',
      'social-assistance-measures',
      'social-organizations-regulation',
      'sl-elderly-care-regulation',
      'sl-social-assistance-measures',
    ],
    fields: ['申请人.婚姻状况', '申请人.家庭人口数', '申请人.开户银行', '申请人.银行账号'],
    materials: [
      '家庭成员关系证明',
      '家庭财产状况说明',
      '残疾证明',
      '养老机构建筑消防验收证明',
      '社会团体章程草案',
      '发起人和拟任负责人基本情况',
      '验资报告',
      '婚姻状况声明',
      '困难情况说明',
    ],
    conditions: [
      '共同生活的家庭成员人均收入低于当地最低生活保障标准。',
      '家庭财产状况符合当地有关规定。',
      '有规范的名称、必要的组织机构和固定的住所。',
      '男女双方自愿结婚且均无配偶。',
    ],
    items: [
      '内地居民婚姻登记|确|P|X|结婚证|',
      '社会团体成立登记|许|O|A|社会团体法人登记证书|',
      '民办非企业单位成立登记|许|O|A|民办非企业单位登记证书|',
      '最低生活保障审核确认|给|P|X||u=居民户口簿',
      '特困人员救助供养审核确认|给|P|X||u=居民户口簿',
      '临时救助|给|P|X||',
      '高龄津贴发放|给|P|X||e=申请人.年龄 >= 80',
      '经济困难老年人养老服务补贴|给|P|X||e=申请人.年龄 >= 60',
      '养老机构备案|其|E|X|养老机构备案回执|i,u=营业执照',
      '慈善组织公开募捐资格审核|许|O|C|公开募捐资格证书|',
    ],
  },
  {
    slug: 'natural-resources',
    code: '20',
    short: '自然资源',
    names: ['{u}自然资源厅', '{u}自然资源和规划局', '{u}自然资源局'],
    laws: [
      'land-administration-law',
      'urban-rural-planning-law',
      'surveying-mapping-law',
      'real-estate-registration-regulation',
      'mineral-resources-law',
    ],
    fields: ['项目.名称', '项目.地址', '项目.用地面积', '项目.建筑面积'],
    materials: [
      '建设项目批准、核准或备案文件',
      '用地红线图',
      '建设工程设计方案',
      '国有土地使用权出让合同',
      '不动产登记申请书',
      '不动产权籍调查成果',
      '房屋买卖合同',
      '完税凭证',
      '测绘仪器检定证书',
      '矿产资源开发利用方案',
    ],
    conditions: [
      '建设项目符合国土空间规划和用途管制要求。',
      '申请登记的不动产权属清楚、界址清晰、面积准确。',
      '已经依法缴纳土地出让价款和有关税费。',
    ],
    items: [
      '建设项目用地预审与选址意见书核发|许|E|A|建设项目用地预审与选址意见书|',
      '建设用地规划许可证核发|许|E|A|建设用地规划许可证|p',
      '建设工程规划许可证核发|许|E|A|建设工程规划许可证|p,u=建设用地规划许可证',
      '不动产首次登记|确|B|X|不动产权证书|p',
      '不动产转移登记|确|B|X|不动产权证书|u=不动产权证书',
      '不动产抵押登记|确|B|X|不动产登记证明|u=不动产权证书',
      '乡村建设规划许可证核发|许|P|X|乡村建设规划许可证|',
      '测绘资质审批|许|E|P|测绘资质证书|',
      '采矿权新立登记|许|E|P|采矿许可证|',
    ],
  },
  {
    slug: 'transport',
    code: '21',
    short: '交通运输',
    names: ['{u}交通运输厅', '{u}交通运输局', '{u}交通运输局'],
    laws: ['road-transport-regulation', 'highway-law', 'road-traffic-safety-law'],
    fields: ['车辆.号牌号码', '车辆.车辆类型', '车辆.核定载客人数'],
    materials: [
      '车辆行驶证',
      '车辆技术等级评定证明',
      '驾驶人员从业资格证',
      '安全生产管理制度文本',
      '停车场地证明',
      '超限运输车辆行驶路线方案',
      '涉路工程设计图',
      '机动车维修设备清单',
    ],
    conditions: [
      '有与其经营业务相适应并经检测合格的车辆。',
      '有符合规定条件的驾驶人员。',
      '有健全的安全生产管理制度。',
    ],
    items: [
      '道路旅客运输经营许可|许|E|C|道路运输经营许可证|s,p,u=营业执照',
      '道路货物运输经营许可|许|E|X|道路运输经营许可证|s,u=营业执照',
      '道路运输从业人员从业资格证核发|许|P|C|道路运输从业人员从业资格证|r',
      '机动车维修经营备案|其|E|X|备案回执|i,u=营业执照',
      '公路超限运输许可|许|E|C|超限运输车辆通行证|',
      '涉路施工许可|许|E|X|涉路施工许可决定书|',
      '出租汽车车辆运营证核发|许|B|X|出租汽车车辆运营证|r,u=机动车登记证书',
    ],
  },
  {
    slug: 'agriculture',
    code: '22',
    short: '农业农村',
    names: ['{u}农业农村厅', '{u}农业农村局', '{u}农业农村局'],
    laws: [
      'seed-law',
      'animal-epidemic-law',
      'pesticide-regulation',
      'veterinary-drug-regulation',
      'fisheries-law',
      'agricultural-machinery-law',
    ],
    fields: ['场所.地址', '场所.面积', '设备.名称', '设备.数量'],
    materials: [
      '种子检验仪器设备清单',
      '种子加工储藏场所证明',
      '农药经营人员培训证明',
      '兽药质量管理制度',
      '动物防疫条件自查表',
      '渔船检验证书',
      '农机购置发票',
      '农业机械出厂合格证',
      '动物防疫专业技术人员资格证明',
    ],
    conditions: [
      '有与经营规模相适应的营业场所、仓储设施和设备。',
      '有熟悉相关法律法规和专业知识的技术人员。',
      '场所选址、布局符合动物防疫要求。',
    ],
    items: [
      '农作物种子生产经营许可|许|E|X|农作物种子生产经营许可证|s,u=营业执照',
      '农药经营许可|许|E|X|农药经营许可证|s,u=营业执照',
      '兽药经营许可|许|E|X|兽药经营许可证|s,u=营业执照',
      '动物防疫条件合格证核发|许|E|X|动物防疫条件合格证|',
      '渔业捕捞许可|许|B|X|渔业捕捞许可证|s',
      '农机购置与应用补贴|给|B|X||',
      '拖拉机和联合收割机登记|确|B|X|拖拉机和联合收割机登记证书|',
    ],
  },
  {
    slug: 'commerce',
    code: '23',
    short: '商务',
    names: ['{u}商务厅', '{u}商务局', '{u}商务局'],
    laws: ['foreign-trade-law', 'end-of-life-vehicles-measures', 'business-environment-regulation'],
    fields: ['经营主体.经营范围', '经营主体.注册资本'],
    materials: [
      '对外贸易经营者备案登记表',
      '预付卡发行备案表',
      '报废机动车回收拆解场地证明',
      '拆解设备清单',
      '环境影响评价批复文件',
    ],
    conditions: ['申请企业已依法办理市场主体登记。', '拆解场地、设备设施符合国家标准和技术规范。'],
    items: [
      '对外贸易经营者备案登记|其|E|C|对外贸易经营者备案登记表|i,u=营业执照',
      '单用途商业预付卡发卡企业备案|其|E|C||u=营业执照',
      '报废机动车回收拆解企业资质认定|许|E|P|资质认定书|u=营业执照',
      '成品油零售经营资格审批|许|E|C|成品油零售经营批准证书|u=营业执照',
    ],
  },
  {
    slug: 'culture-tourism',
    code: '24',
    short: '文化旅游',
    names: ['{u}文化和旅游厅', '{u}文化广电旅游局', '{u}文化广电旅游体育局'],
    laws: [
      'tourism-law',
      'performances-regulation',
      'entertainment-venues-regulation',
      'internet-cafes-regulation',
      'public-libraries-law',
    ],
    fields: ['场所.名称', '场所.地址', '场所.面积', '场所.产权类型'],
    materials: [
      '演出节目内容说明',
      '演员名单及身份证明',
      '娱乐场所设施设备清单',
      '上网服务计算机清单',
      '旅行社质量保证金存缴证明',
      '导游资格证书',
      '场所消防安全证明',
    ],
    conditions: [
      '有与其业务规模相适应的专职演员和器材设备。',
      '场所符合国家规定的消防安全条件和环境保护要求。',
      '有必要的经营设施和符合规定的营业场所。',
    ],
    items: [
      '营业性演出许可|许|E|C|营业性演出许可证|s,u=营业执照',
      '娱乐场所经营许可|许|E|X|娱乐经营许可证|s,u=营业执照',
      '互联网上网服务营业场所经营许可|许|E|X|网络文化经营许可证|s,u=营业执照',
      '旅行社设立许可|许|E|C|旅行社业务经营许可证|u=营业执照',
      '导游证核发|许|P|C|导游证|r',
      '公共图书馆读者证办理|服|P|X|读者证|i',
    ],
  },
  {
    slug: 'ecology',
    code: '25',
    short: '生态环境',
    names: ['{u}生态环境厅', '{u}生态环境局', '{u}生态环境分局'],
    laws: [
      'environmental-protection-law',
      'environmental-impact-law',
      'pollutant-permits-regulation',
      'solid-waste-law',
    ],
    fields: ['项目.名称', '项目.地址', '项目.总投资'],
    materials: [
      '环境影响报告书',
      '环境影响报告表',
      '排污许可申请表',
      '污染防治设施说明',
      '危险废物处置方案',
      '辐射安全管理制度',
      '监测方案',
      '公众参与说明',
    ],
    conditions: [
      '建设项目类型及选址、布局符合生态环境保护法律法规和相关规划。',
      '污染物排放符合国家和地方规定的排放标准。',
    ],
    items: [
      '建设项目环境影响报告书审批|许|E|C|环境影响报告书批复|',
      '建设项目环境影响报告表审批|许|E|X|环境影响报告表批复|',
      '排污许可证核发|许|E|C|排污许可证|s,u=营业执照',
      '危险废物经营许可|许|E|P|危险废物经营许可证|u=营业执照',
      '辐射安全许可|许|E|C|辐射安全许可证|s,u=营业执照',
    ],
  },
  {
    slug: 'water',
    code: '26',
    short: '水利',
    names: ['{u}水利厅', '{u}水利局', '{u}水利局'],
    laws: ['water-law', 'flood-control-law', 'soil-water-conservation-law', 'river-regulation'],
    fields: ['项目.名称', '项目.地址', '项目.用地面积'],
    materials: [
      '取水许可申请书',
      '建设项目水资源论证报告',
      '水土保持方案报告书',
      '河道管理范围内建设项目防洪评价报告',
      '取水计量设施说明',
      '与第三者利害关系的相关说明',
    ],
    conditions: ['取水符合流域综合规划、区域水资源规划和水功能区划。', '建设项目不影响河势稳定和防洪安全。'],
    items: [
      '取水许可|许|E|X|取水许可证|s',
      '生产建设项目水土保持方案审批|许|E|X|水土保持方案批复|',
      '河道管理范围内建设项目工程建设方案审批|许|E|X|工程建设方案审批决定书|',
      '洪水影响评价类审批|许|E|C|洪水影响评价审批决定书|',
    ],
  },
  {
    slug: 'emergency',
    code: '27',
    short: '应急管理',
    names: ['{u}应急管理厅', '{u}应急管理局', '{u}应急管理局'],
    laws: [
      'work-safety-law',
      'hazardous-chemicals-regulation',
      'fireworks-regulation',
      'emergency-response-law',
    ],
    fields: ['场所.地址', '场所.面积', '经营主体.从业人员数'],
    materials: [
      '安全评价报告',
      '安全生产责任制文件',
      '从业人员安全培训合格证明',
      '事故应急救援预案',
      '储存设施说明',
      '安全管理人员资格证书',
    ],
    conditions: [
      '有符合国家标准、行业标准的经营场所和储存设施。',
      '主要负责人和安全生产管理人员经考核合格。',
      '有健全的安全生产规章制度和岗位操作规程。',
    ],
    items: [
      '危险化学品经营许可|许|E|C|危险化学品经营许可证|s,u=营业执照',
      '烟花爆竹经营（零售）许可|许|E|X|烟花爆竹经营（零售）许可证|s,u=营业执照',
      '非煤矿山安全生产许可|许|E|P|安全生产许可证|',
      '生产安全事故应急预案备案|其|E|X|应急预案备案登记表|i',
    ],
  },
  {
    slug: 'education',
    code: '28',
    short: '教育',
    names: ['{u}教育厅', '{u}教育局', '{u}教育局'],
    laws: ['education-law', 'teachers-law', 'private-education-law', 'school-bus-regulation'],
    fields: ['申请人.学历', '申请人.出生日期', '申请人.年龄', '车辆.号牌号码'],
    materials: [
      '学历证书',
      '普通话水平测试等级证书',
      '教师资格考试合格证明',
      '办学章程',
      '校舍产权证明',
      '校车驾驶人资格证明',
      '校车安全技术检验合格证明',
      '学籍证明',
      '资助申请表',
    ],
    conditions: [
      '申请人具备国家规定的学历并具有教育教学能力。',
      '学校有组织机构、章程和符合标准的教学场所及设施。',
      '校车经检验合格，配备符合条件的驾驶人和随车照管人员。',
    ],
    items: [
      '教师资格认定|许|P|X|教师资格证书|',
      '民办学校办学许可|许|O|X|民办学校办学许可证|s',
      '校车使用许可|许|B|X|校车标牌|u=机动车登记证书',
      '学生资助申请|给|P|X||',
      '中小学生转学|服|P|X||',
    ],
  },
  {
    slug: 'justice',
    code: '29',
    short: '司法行政',
    names: ['{u}司法厅', '{u}司法局', '{u}司法局'],
    laws: ['lawyers-law', 'notarization-law', 'legal-aid-law', 'people-mediation-law'],
    fields: ['申请人.学历', '申请人.通讯地址'],
    materials: [
      '法律职业资格证书',
      '实习考核合格材料',
      '律师事务所聘用证明',
      '公证员任职推荐书',
      '经济困难状况说明',
      '案件相关材料',
      '调解申请书',
    ],
    conditions: [
      '申请人拥护中华人民共和国宪法，具有完全民事行为能力。',
      '申请人取得法律职业资格并在律师事务所实习满一年。',
      '申请人因经济困难没有委托代理人。',
    ],
    items: [
      '法律援助申请|服|P|X||',
      '律师执业许可|许|P|P|律师执业证|',
      '公证员执业审核|许|P|P|公证员执业证|',
      '基层法律服务工作者执业核准|许|P|C|基层法律服务工作者执业证|',
      '人民调解申请|服|B|X||i',
    ],
  },
  {
    slug: 'veterans',
    code: '30',
    short: '退役军人事务',
    names: ['{u}退役军人事务厅', '{u}退役军人事务局', '{u}退役军人事务局'],
    laws: ['veterans-protection-law', 'military-pensions-regulation'],
    fields: ['申请人.出生日期', '申请人.开户银行', '申请人.银行账号'],
    materials: ['退役证件', '入伍批准书', '伤残证件', '伤残抚恤关系转移证明', '立功受奖证书'],
    conditions: ['申请人为依法退出现役的退役军人。', '申请人户籍在本辖区。'],
    items: [
      '退役军人优待证申领|服|P|X|退役军人优待证|r',
      '伤残抚恤关系接收|给|P|X||',
      '自主就业退役士兵一次性经济补助金给付|给|P|X||',
    ],
  },
  {
    slug: 'forestry',
    code: '31',
    short: '林业',
    names: ['{u}林业局', '{u}林业局', '{u}林业局'],
    laws: ['forest-law', 'wildlife-protection-law', 'seed-law'],
    fields: ['项目.地址', '项目.用地面积'],
    materials: ['林权证明', '伐区调查设计文件', '使用林地可行性报告', '人工繁育场所证明', '种苗检验仪器清单'],
    conditions: [
      '采伐林木符合采伐限额和技术规程。',
      '有固定场所和必需的设施，具备与繁育物种相适应的技术人员。',
    ],
    items: [
      '林木采伐许可|许|B|X|林木采伐许可证|',
      '使用林地审核|许|E|C|使用林地审核同意书|',
      '野生动物人工繁育许可|许|E|C|人工繁育许可证|',
      '林草种子生产经营许可|许|E|X|林草种子生产经营许可证|s',
    ],
  },
  {
    slug: 'sports',
    code: '32',
    short: '体育',
    names: ['{u}体育局', '{u}体育局', null],
    laws: ['sports-law', 'national-fitness-regulation'],
    fields: ['场所.名称', '场所.地址', '场所.面积'],
    materials: [
      '体育场所设施说明',
      '社会体育指导人员资格证明',
      '救助人员名单',
      '安全保障制度',
      '赛事活动方案',
    ],
    conditions: [
      '有符合国家标准的体育设施和安全保障措施。',
      '有达到规定数量并取得国家职业资格证书的社会体育指导人员和救助人员。',
    ],
    items: [
      '高危险性体育项目经营许可|许|E|C|高危险性体育项目经营许可证|s,u=营业执照',
      '社会体育指导员技术等级认定|确|P|C|社会体育指导员证书|',
    ],
  },
  {
    slug: 'tobacco',
    code: '33',
    short: '烟草专卖',
    names: ['{u}烟草专卖局', '{u}烟草专卖局', '{u}烟草专卖局'],
    laws: ['tobacco-monopoly-law', 'tobacco-monopoly-implementing-regulation'],
    fields: ['场所.地址', '场所.产权类型'],
    materials: ['经营场所产权或使用权证明', '烟草专卖零售许可证申请表'],
    conditions: [
      '有与经营烟草制品零售业务相适应的资金。',
      '有与住所相独立的固定经营场所。',
      '符合烟草制品零售点合理布局的要求。',
    ],
    items: ['烟草专卖零售许可证核发|许|B|X|烟草专卖零售许可证|s,u=营业执照'],
  },
  {
    slug: 'tax',
    code: '34',
    national: 'sta',
    short: '税务',
    names: ['国家税务总局{u}税务局', '国家税务总局{u}税务局', '国家税务总局{u}税务局'],
    laws: ['tax-collection-law', 'invoice-measures'],
    fields: ['经营主体.住所', '经营主体.经营范围'],
    materials: ['财务会计制度', '银行账户证明', '发票领用簿', '涉税信息查询申请表'],
    conditions: ['纳税人已完成税务登记信息确认。', '纳税人不存在未办结的涉税事项。'],
    items: [
      '涉税信息查询|服|B|X||i',
      '发票领用|其|B|X||i,u=营业执照',
      '增值税一般纳税人登记|确|E|X||i,u=营业执照',
      '完税证明开具|服|B|X|完税证明|i',
    ],
  },
  {
    slug: 'housing-fund',
    code: '35',
    short: '住房公积金',
    names: [null, '{u}住房公积金管理中心', '{u}住房公积金管理中心管理部'],
    laws: ['housing-provident-fund-regulation'],
    fields: ['申请人.开户银行', '申请人.银行账号', '经营主体.从业人员数'],
    materials: ['住房公积金缴存登记表', '购房合同', '住房公积金提取申请书', '借款合同', '婚姻状况证明'],
    conditions: [
      '职工连续足额缴存住房公积金满六个月。',
      '申请提取的情形属于住房公积金管理条例规定的提取情形。',
    ],
    items: [
      '住房公积金单位缴存登记|服|E|C||i,u=营业执照',
      '住房公积金提取|服|P|C||u=不动产权证书',
      '住房公积金个人住房贷款|服|P|C||u=不动产权证书',
    ],
  },
  {
    slug: 'disabled-federation',
    code: '36',
    short: '残联',
    names: ['{u}残疾人联合会', '{u}残疾人联合会', '{u}残疾人联合会'],
    laws: ['disabled-persons-law', 'disabled-employment-regulation'],
    fields: ['申请人.残疾等级', '申请人.开户银行', '申请人.银行账号'],
    materials: ['残疾评定表', '残疾人证', '康复需求评估表', '辅助器具适配申请表'],
    conditions: ['申请人为符合残疾标准的残疾人。', '申请人户籍在本辖区。'],
    items: [
      '残疾人证办理|服|P|X|中华人民共和国残疾人证|r',
      '困难残疾人生活补贴和重度残疾人护理补贴|给|P|X||',
      '残疾人辅助器具适配补贴|给|P|X||',
    ],
  },
  {
    slug: 'archives',
    code: '37',
    short: '档案',
    names: ['{u}档案馆', '{u}档案馆', '{u}档案馆'],
    laws: ['archives-law'],
    fields: ['申请人.通讯地址'],
    materials: ['档案查询申请表', '查档用途说明'],
    conditions: ['查询的档案属于已向社会开放的档案或者与申请人本人相关的档案。'],
    items: ['档案查询利用|服|B|A||i', '婚姻登记档案查询|服|P|X||i'],
  },
];

const TYPE_OF = {
  许: '行政许可',
  确: '行政确认',
  给: '行政给付',
  服: '公共服务',
  其: '其他行政权力',
  奖: '行政奖励',
};
const AUDIENCE_OF = {
  P: ['自然人'],
  E: ['企业法人', '非法人企业'],
  B: ['自然人', '企业法人', '非法人企业'],
  O: ['社会组织法人', '事业法人'],
};
const SUB_ITEMS = {
  s: [
    ['新办', 1],
    ['变更', 2],
    ['延续', 3],
    ['注销', 4],
  ],
  r: [
    ['首次申领', 1],
    ['换领', 2],
    ['补领', 3],
  ],
};

/** Bundle themes: [name, stage, audience, departments it draws on]. */
const BUNDLE_THEMES = [
  ['开办药店', '准入准营', '经营主体', ['samr', 'health', 'healthcare-security']],
  ['开办旅行社', '准入准营', '经营主体', ['culture-tourism', 'samr', 'tax']],
  ['开办娱乐场所', '准入准营', '经营主体', ['culture-tourism', 'fire', 'samr']],
  ['开办运输企业', '准入准营', '经营主体', ['transport', 'samr', 'tax']],
  ['开办建筑企业', '准入准营', '经营主体', ['housing', 'samr', 'hrss']],
  ['开办农资店', '准入准营', '经营主体', ['agriculture', 'samr', 'emergency']],
  ['开办养老机构', '准入准营', '经营主体', ['civil-affairs', 'fire', 'health']],
  ['开办体育健身场所', '准入准营', '经营主体', ['sports', 'samr', 'fire']],
  ['员工录用', '招聘用工', '经营主体', ['hrss', 'healthcare-security', 'housing-fund']],
  ['企业用工参保', '招聘用工', '经营主体', ['hrss', 'healthcare-security', 'tax']],
  ['涉税事项综合办理', '纳税缴费', '经营主体', ['tax', 'samr']],
  ['企业信息变更', '经营发展', '经营主体', ['samr', 'tax', 'hrss']],
  ['企业技术改造', '经营发展', '经营主体', ['ecology', 'emergency', 'samr']],
  ['工业项目开工', '工程建设', '经营主体', ['natural-resources', 'housing', 'ecology', 'water']],
  ['建设项目竣工', '工程建设', '经营主体', ['housing', 'fire', 'natural-resources']],
  ['企业注销', '注销退出', '经营主体', ['samr', 'tax', 'hrss']],
  ['入学报名', '教育', '个人', ['education', 'police', 'health']],
  ['高校毕业生就业', '就业', '个人', ['hrss', 'education', 'police']],
  ['失业人员再就业', '就业', '个人', ['hrss', 'healthcare-security']],
  ['婚育登记', '生活', '个人', ['civil-affairs', 'health', 'police']],
  ['居住证办理', '生活', '个人', ['police', 'hrss', 'education']],
  ['二手房交易登记', '置业', '个人', ['natural-resources', 'tax', 'housing-fund']],
  ['公积金贷款购房', '置业', '个人', ['housing-fund', 'natural-resources']],
  ['机动车上牌', '出行', '个人', ['police', 'transport']],
  ['出入境证件办理', '出行', '个人', ['police']],
  ['异地就医', '就医', '个人', ['healthcare-security', 'health']],
  ['困难群众救助', '救助', '个人', ['civil-affairs', 'healthcare-security', 'disabled-federation']],
  ['残疾人服务', '救助', '个人', ['disabled-federation', 'civil-affairs']],
  ['退役军人服务', '就业', '个人', ['veterans', 'hrss']],
  ['老年人服务', '养老', '个人', ['civil-affairs', 'health', 'healthcare-security']],
  ['身后', '身后', '个人', ['civil-affairs', 'hrss', 'police', 'healthcare-security']],
];

/** How a province refines national bundles whose components the baseline leaves open. */
const NATIONAL_BUNDLE_HINTS = {
  'childcare-subsidy': ['出生', ['health', 'civil-affairs', 'healthcare-security']],
  'elderly-welfare-subsidy': ['养老', ['civil-affairs', 'health']],
  'flexible-employment-insurance': ['就业', ['hrss', 'healthcare-security']],
  'ip-protection': ['经营发展', ['samr', 'justice']],
  'sports-event-hosting': ['经营发展', ['sports', 'police', 'fire']],
  'tech-enterprise-innovation-support': ['经营发展', ['commerce', 'samr', 'tax']],
};

// ── text ─────────────────────────────────────────────────────────────────────────────────────────

const DIGITS = '零一二三四五六七八九';

/** 1–999 in Chinese numerals, as articles are numbered (第一百一十条). */
function chinese(n) {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  const rest = n % 100;
  const head = `${DIGITS[Math.floor(n / 100)]}百`;
  if (rest === 0) return head;
  if (rest < 10) return `${head}零${DIGITS[rest]}`;
  return `${head}${DIGITS[Math.floor(rest / 10)]}十${rest % 10 ? DIGITS[rest % 10] : ''}`;
}

const ACCEPTANCE = [
  '提交的{m}真实、有效，内容完整、清晰，与申请信息一致。',
  '{m}应在有效期内，复印件须注明“与原件一致”并由申请人签字（盖章）。',
  '{m}所载主体名称、证件号码与申请人信息一致，无涂改。',
  '{m}须加盖申请单位公章，自然人申请的由本人签字。',
  '{m}内容齐全、格式规范，相关签章清晰可辨。',
];
const ACCEPTANCE_ELECTRONIC = [
  '通过电子证照库调取{m}，证照状态正常且在有效期内，申请人无需提交纸质材料。',
  '{m}由系统共享获取，信息与申请信息一致的予以确认。',
];
const PHASE_TEXT = {
  申请: [
    [
      '申请人通过政务服务网或窗口提交申请，如实填写申请信息并上传申请材料。',
      '生成申请编号，申请人可凭编号查询办理进度。',
    ],
  ],
  受理: [
    [
      '申请事项属于本机关职权范围，申请材料齐全、符合法定形式。',
      '予以受理并出具受理通知书；材料不全的，一次性告知需要补正的全部内容。',
    ],
    [
      '核验申请人身份和申请材料，材料存在可以当场更正的错误的，允许申请人当场更正。',
      '符合受理条件的当场受理；不予受理的，出具不予受理通知书并说明理由。',
    ],
  ],
  审查: [
    [
      '对申请材料的实质内容进行审查，需要对申请材料的实质内容进行核实的，指派两名以上工作人员进行核查。',
      '形成审查意见，提出准予或者不予办理的建议。',
    ],
    [
      '审查申请人是否符合法定条件和标准，材料内容是否真实、一致。',
      '审查通过的报送决定；不符合条件的，形成不予办理的意见。',
    ],
  ],
  决定: [
    [
      '依据审查意见，按照法定条件和程序作出决定。',
      '作出准予决定的，制作审批结果；不予准予的，书面说明理由并告知申请人依法享有申请行政复议或者提起行政诉讼的权利。',
    ],
    ['负责人依据审查意见签署决定意见。', '准予办理的出具结果文书；不予办理的书面告知理由。'],
  ],
  制证: [['按照规定格式制作证照，证照信息与决定内容一致。', '同步生成电子证照并归集至电子证照库。']],
  送达: [
    ['按申请人选择的方式送达办理结果。', '窗口领取、邮政寄递或者在线推送电子证照，送达信息记入办件档案。'],
    ['通知申请人领取办理结果，申请人选择寄递的免费邮寄送达。', '办理结果送达申请人，办件归档。'],
  ],
  办结: [['核对办理结果并完成归档。', '办结后通过短信通知申请人，申请人可在线查询和评价。']],
  其他: [
    [
      '按照规定组织现场核查，核查人员不少于两人，并制作核查记录。',
      '现场核查结果作为审查决定的依据，核查时间不计入办理时限。',
    ],
  ],
};
const VISIT_REASONS = [
  '需申请人到场核验原件并现场签字确认。',
  '需现场采集申请人照片、指纹等生物特征信息。',
  '需对经营场所进行现场核查，申请人或其代理人应当到场配合。',
  '需当场核对纸质原件并收回旧证。',
];
const HOURS = [
  '工作日 上午9:00-12:00，下午13:30-17:00',
  '工作日 8:30-12:00，14:30-17:30（法定节假日除外）',
  '周一至周五 9:00-17:00；周六 9:00-12:00（仅受理）',
];

// ── YAML output ──────────────────────────────────────────────────────────────────────────────────

/**
 * Strings that must be double-quoted (JSON escaping is valid YAML): empty, YAML 1.1/1.2 keywords,
 * starting with an indicator, a digit or a sign (numbers, codes, phone numbers), or holding a line
 * break, a tab, a backslash, ": ", " #", or trailing blanks.
 */
const NEEDS_QUOTES =
  /^$|^(?:true|false|null|yes|no|on|off|y|n|~)$|^[\s\-?:,[\]{}#&*!|>'"%@`0-9.+]|[\n\t\r\\]|: |:$| #|\s$/i;

/** A value as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
function scalar(value) {
  if (typeof value !== 'string') return String(value);
  return NEEDS_QUOTES.test(value) ? JSON.stringify(value) : value;
}

const PADS = Array.from({ length: 16 }, (_, i) => ' '.repeat(i));

/**
 * Block-style YAML of a mapping (keys in insertion order, undefined values and empty lists left out).
 * `first` replaces the indentation of the first key (a sequence entry's "- ").
 */
function mapText(obj, indent, first) {
  const pad = PADS[indent];
  let out = '';
  let lead = first ?? pad;
  for (const key in obj) {
    const value = obj[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      out += `${lead}${key}:\n`;
      const dash = `${pad}  - `;
      for (const item of value) {
        if (item !== null && typeof item === 'object') out += mapText(item, indent + 4, dash);
        else out += `${dash}${scalar(item)}\n`;
      }
    } else if (value !== null && typeof value === 'object') {
      out += `${lead}${key}:\n${mapText(value, indent + 2)}`;
    } else out += `${lead}${key}: ${scalar(value)}\n`;
    lead = pad;
  }
  return out;
}

function yamlDoc(obj, comments = []) {
  let out = '';
  for (const c of comments) out += `# ${c}\n`;
  return out + mapText(obj, 0);
}

// ── national baseline ────────────────────────────────────────────────────────────────────────────

/** The documents of the shipped national baseline, by kind. */
function readNational() {
  const byKind = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) {
        for (const doc of parseAllDocuments(readFileSync(full, 'utf8'))) {
          const value = doc.toJS();
          if (value && typeof value === 'object' && typeof value.kind === 'string')
            (byKind[value.kind] ??= []).push(value);
        }
      }
    }
  };
  walk(NATIONAL_DIR);
  return {
    departments: new Map((byKind.Department ?? []).map((d) => [d.id, d])),
    laws: byKind.Law ?? [],
    materials: byKind.Material ?? [],
    fields: byKind.Field ?? [],
    matters: new Map((byKind.Matter ?? []).map((m) => [m.id, m])),
    bundles: new Map((byKind.Bundle ?? []).map((b) => [b.id, b])),
    lists: (byKind.List ?? []).filter((l) => l.level === '国家').sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

// ── the corpus ───────────────────────────────────────────────────────────────────────────────────

/**
 * The corpus as content: `files()` yields [relative path, text] one file at a time, so nothing but
 * compact summaries of what was generated stays in memory. Only `writeCorpus` touches the disk.
 */
class Corpus {
  constructor(opts, national) {
    this.opts = opts;
    this.seed = opts.seed;
    this.national = national;
    this.header = [
      `${SYNTHETIC}：matterc 基准测试语料（bench/corpus.mjs --seed ${JSON.stringify(this.seed)}），${PROVINCE.name}及其内容均为虚构。`,
    ];
  }

  rng(key) {
    return new Rng(`${this.seed}\u0000${key}`);
  }

  /** Several documents of one kind in files of at most DOCS_PER_REGISTRY_FILE documents. */
  *docFiles(relBase, docs, comment) {
    const parts = Math.max(1, Math.ceil(docs.length / DOCS_PER_REGISTRY_FILE));
    for (let p = 0; p < parts; p++) {
      const chunk = docs.slice(p * DOCS_PER_REGISTRY_FILE, (p + 1) * DOCS_PER_REGISTRY_FILE);
      const text = chunk
        .map((d, i) => yamlDoc(d, i === 0 ? [...this.header, ...(comment ? [comment] : [])] : []))
        .join('---\n');
      yield [parts === 1 ? `${relBase}.yaml` : `${relBase}-${String(p + 1).padStart(2, '0')}.yaml`, text];
    }
  }

  /** Every file of the corpus, in the order they are generated (later parts use earlier summaries). */
  *files() {
    this.buildItems();
    this.buildGeography();
    yield* this.registryFiles();
    yield* this.matterFiles();
    yield* this.bundleFiles();
    yield this.listFile();
    yield [
      'matterc.yaml',
      yamlDoc(
        {
          kind: 'Project',
          name: `${PROVINCE.name}“高效办成一件事”重点事项清单（合成数据）`,
          include: ['lists', 'bundles', 'matters', 'registries'],
          national: true,
        },
        this.header,
      ),
    ];
  }

  // ── items: what can be implemented ─────────────────────────────────────────────────────────────

  /** Every (main item, sub-item) of the vocabulary, ranked so that results flow only forwards. */
  buildItems() {
    const items = [];
    for (const theme of THEMES) {
      theme.items.forEach((spec, mainIndex) => {
        const [name, typeChar, aud, scope, result, flagText] = spec.split('|');
        const flags = {};
        for (const f of flagText ? flagText.split(',') : []) {
          const eq = f.indexOf('=');
          if (eq < 0) flags[f] = true;
          else flags[f.slice(0, eq)] = f.slice(eq + 1);
        }
        const subs = flags.s ? SUB_ITEMS.s : flags.r ? SUB_ITEMS.r : [[null, 0]];
        for (const [sub, subCode] of subs) {
          const first = subCode <= 1;
          const type = TYPE_OF[typeChar];
          const basicCode = `00${TYPE_CODES[type]}${theme.code}${String(mainIndex + 1).padStart(3, '0')}${String(subCode).padStart(3, '0')}`;
          const cancels = sub === '注销';
          items.push({
            theme,
            key: `${theme.slug}-${basicCode.slice(6)}`,
            main: name,
            name: sub ? `${name}（${sub}）` : name,
            sub,
            type,
            audience: AUDIENCE_OF[aud],
            audClass: aud,
            scope,
            result: cancels ? '' : result,
            instant: Boolean(flags.i) || (cancels && flags.s !== undefined),
            // Only the first sub-item produces the result others use (a 变更 that re-issued the licence
            // while also consuming it could order two matters both ways).
            produces: flags.p && first && result ? result : undefined,
            uses: [...(flags.u ? flags.u.split(';') : []), ...(!first && result && flags.p ? [result] : [])],
            national: first ? flags.n : undefined,
            eligible: flags.e,
            fee: flags.f && first ? flags.f.split(':') : undefined,
            basicCode,
            licence: type === '行政许可',
          });
        }
      });
    }
    // Rank items: a producer comes before every item that uses its result.
    const producers = new Map();
    items.forEach((it, i) => {
      if (it.produces) producers.set(it.produces, [...(producers.get(it.produces) ?? []), i]);
    });
    const indegree = items.map(() => 0);
    const after = items.map(() => []);
    items.forEach((it, i) => {
      for (const use of it.uses) {
        for (const p of producers.get(use) ?? []) {
          if (p === i) continue;
          after[p].push(i);
          indegree[i]++;
        }
      }
    });
    const ready = items.map((_, i) => i).filter((i) => indegree[i] === 0);
    const order = [];
    while (ready.length > 0) {
      ready.sort((a, b) => a - b);
      const i = ready.shift();
      order.push(i);
      for (const j of after[i]) if (--indegree[j] === 0) ready.push(j);
    }
    if (order.length !== items.length)
      throw new Error('vocabulary: items use each other’s results in a cycle');
    order.forEach((i, rank) => (items[i].rank = rank));
    this.items = items;
  }

  // ── geography and departments ──────────────────────────────────────────────────────────────────

  /** How many implementations the vocabulary allows with C cities of K counties each. */
  capacity(cities, counties) {
    let total = 0;
    for (const it of this.items) {
      const present = (level) => it.theme.names[level] !== null;
      if (it.scope === 'P' || it.scope === 'A') total += present(0) ? 1 : 0;
      if (it.scope === 'C' || it.scope === 'A') total += present(1) ? cities : 0;
      if (it.scope === 'X' || it.scope === 'A') total += present(2) ? cities * counties : 0;
    }
    return total;
  }

  /** Cities and counties, sized so that N matters fit with room to spare. */
  buildGeography() {
    const n = this.opts.matters;
    let cities = 2;
    let counties = 2;
    while (this.capacity(cities, counties) < Math.max(1.3 * n, 60)) {
      if (cities < 16 && cities <= counties + 2) cities++;
      else if (counties < 40) counties++;
      else if (cities < CITY_NAMES.length) cities++;
      else throw new Error(`--matters ${n} is more than this vocabulary can place`);
    }
    const rng = this.rng('geography');
    const countyNames = rng.shuffle(
      COUNTY_HEADS.flatMap((h) => COUNTY_TAILS.filter((t) => t !== h).map((t) => h + t)),
    );
    const province = { code: PROVINCE.code, name: PROVINCE.name, level: '省级', index: 0, area: '0000' };
    const units = [province];
    let taken = 0;
    for (let c = 1; c <= cities; c++) {
      const cc = String(c).padStart(2, '0');
      const city = {
        code: `99${cc}00`,
        name: `${CITY_NAMES[c - 1]}市`,
        level: '市级',
        index: 1,
        phone: `09${String(10 + c).padStart(2, '0')}`,
      };
      city.city = city;
      units.push(city);
      for (let k = 1; k <= counties; k++) {
        const stem = countyNames[taken++ % countyNames.length];
        units.push({
          code: `99${cc}${String(k).padStart(2, '0')}`,
          name: `${stem}${k === 1 ? '区' : '县'}`,
          level: '县级',
          index: 2,
          city,
          phone: city.phone,
        });
      }
    }
    province.phone = '0910';
    this.units = units;
    this.cities = units.filter((u) => u.index === 1);
  }

  deptId(theme, unit) {
    return unit.index === 0 ? `sl-${theme.slug}` : `sl-${unit.code}-${theme.slug}`;
  }

  /** The department of a theme in a unit, or undefined when the unit has no such office. */
  dept(theme, unit) {
    return this.departments.get(this.deptId(theme, unit));
  }

  *registryFiles() {
    const nationalDepartments = this.national.departments;
    // Departments, one file per unit.
    this.departments = new Map();
    for (const unit of this.units) {
      const docs = [];
      for (const theme of THEMES) {
        const template = theme.names[unit.index];
        if (template === null) continue;
        const id = this.deptId(theme, unit);
        const rng = this.rng(`department/${id}`);
        const parentUnit = unit.index === 2 ? unit.city : unit.index === 1 ? this.units[0] : undefined;
        let parent;
        if (parentUnit && theme.names[parentUnit.index] !== null) parent = this.deptId(theme, parentUnit);
        else if (parentUnit && theme.names[0] !== null) parent = this.deptId(theme, this.units[0]);
        else if (!parentUnit && theme.national && nationalDepartments.has(theme.national))
          parent = theme.national;
        const name = template.replace('{u}', unit.name);
        const doc = {
          kind: 'Department',
          id,
          name,
          shortName: unit.index === 0 ? `省${theme.short}` : undefined,
          level: unit.level,
          region: unit.code,
          uscc: governmentUscc(unit.code, rng),
          deptCode: unit.index === 0 ? theme.code : undefined,
          parent,
        };
        docs.push(doc);
        this.departments.set(id, { id, name, uscc: doc.uscc, unit, theme });
      }
      yield* this.docFiles(`registries/departments/${unit.code}`, docs, `${unit.name}各部门。`);
    }

    // Laws: the baseline's where it registers the title, ours otherwise.
    const nationalLawByTitle = new Map(this.national.laws.map((l) => [l.title, l.id]));
    this.laws = new Map();
    const lawDocs = [];
    for (const [id, title, short, rank] of LAWS) {
      const existing = nationalLawByTitle.get(title);
      if (existing) {
        this.laws.set(id, { id: existing, title });
        continue;
      }
      this.laws.set(id, { id, title });
      const local = rank === '地方性法规' || rank === '地方政府规章';
      lawDocs.push({
        kind: 'Law',
        id,
        title,
        aliases: short ? [short] : undefined,
        rank,
        status: '现行有效',
        issuer: local
          ? rank === '地方性法规'
            ? `${PROVINCE.name}人民代表大会常务委员会`
            : `${PROVINCE.name}人民政府`
          : rank === '法律'
            ? '全国人民代表大会常务委员会'
            : '国务院',
        note: local ? `${SYNTHETIC}：虚构的地方法规，仅供基准测试引用。` : undefined,
      });
    }
    yield* this.docFiles(
      'registries/laws',
      lawDocs,
      '法律法规登记表：名称取自现行法律法规，事项所引条款编号为随机生成。',
    );

    // Fields: ours, checked against the dictionary the baseline ships.
    const nationalFieldIds = new Set(this.national.fields.map((f) => f.id));
    const names = new Map(this.national.fields.map((f) => [f.name, f.id]));
    for (const id of [...PERSON_FIELDS, ...BUSINESS_FIELDS])
      if (!nationalFieldIds.has(id)) throw new Error(`national field ${id} is missing from the baseline`);
    const fieldDocs = [];
    this.fieldTypes = new Map(this.national.fields.map((f) => [f.id, f.type]));
    for (const [id, name, type, extra] of FIELDS) {
      if (nationalFieldIds.has(id)) throw new Error(`field ${id} is already in the national dictionary`);
      if (names.has(name)) throw new Error(`field name ${name} is used by ${names.get(name)}`);
      names.set(name, id);
      this.fieldTypes.set(id, type);
      fieldDocs.push({ kind: 'Field', id, name, type, ...extra });
    }
    yield* this.docFiles('registries/fields', fieldDocs, '数据元字典（补充国家基线）。');

    // Materials: common ones, each theme's, each item's application form and produced results.
    const nationalMaterialByName = new Map(this.national.materials.map((m) => [m.name, m.id]));
    this.materialByName = new Map(nationalMaterialByName);
    this.materialName = new Map(this.national.materials.map((m) => [m.id, m.name]));
    const common = [];
    for (const [id, name, eLicense, shareable] of COMMON_MATERIALS) {
      common.push({
        kind: 'Material',
        id,
        name,
        eLicense: eLicense || undefined,
        shareable: shareable || undefined,
      });
      this.materialByName.set(name, id);
      this.materialName.set(id, name);
    }
    yield* this.docFiles('registries/materials/common', common, '通用材料目录。');
    this.themeMaterials = new Map();
    for (const theme of THEMES) {
      const docs = [];
      const pool = [];
      theme.materials.forEach((name, i) => {
        const existing = this.materialByName.get(name);
        if (existing) {
          pool.push(existing);
          return;
        }
        const id = `sl-${theme.slug}-m${String(i + 1).padStart(2, '0')}`;
        docs.push({ kind: 'Material', id, name });
        this.materialByName.set(name, id);
        this.materialName.set(id, name);
        pool.push(id);
      });
      this.themeMaterials.set(theme.slug, pool);
      const mains = new Set();
      for (const it of this.items.filter((x) => x.theme === theme)) {
        if (!mains.has(it.main)) {
          mains.add(it.main);
          const id = `sl-form-${theme.code}${it.basicCode.slice(6, 9)}`;
          const name = `${it.main}申请书`;
          docs.push({
            kind: 'Material',
            id,
            name,
            description: `申请${it.main}时填写的申请书，可在线填报或下载空白表格。`,
          });
          this.materialByName.set(name, id);
          this.materialName.set(id, name);
        }
        it.form = this.materialByName.get(`${it.main}申请书`);
        if (it.produces && !this.materialByName.has(it.produces)) {
          const id = `sl-result-${theme.code}${it.basicCode.slice(6, 9)}`;
          const issuer = this.departments.has(`sl-${theme.slug}`) ? `sl-${theme.slug}` : undefined;
          docs.push({ kind: 'Material', id, name: it.produces, eLicense: true, issuer });
          this.materialByName.set(it.produces, id);
          this.materialName.set(id, it.produces);
        }
      }
      yield* this.docFiles(`registries/materials/${theme.slug}`, docs, `${theme.short}材料目录。`);
    }
    // Every material an item uses must be registered somewhere (a vocabulary error otherwise).
    for (const it of this.items) {
      for (const use of it.uses)
        if (!this.materialByName.has(use))
          throw new Error(`vocabulary: ${it.name} uses unknown material ${use}`);
    }
    // The lowest rank of an item producing each material: a matter may list it only from a later rank.
    this.producedAt = new Map();
    for (const it of this.items) {
      const id = it.produces ? this.materialByName.get(it.produces) : undefined;
      if (id !== undefined && !(this.producedAt.get(id) <= it.rank)) this.producedAt.set(id, it.rank);
    }
  }

  // ── matters ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Which matters exist: families of implementations of one item in several units. Some families
   * implement a national matter (refines it); some have a provincial standard that every
   * implementation refines; the rest are independent implementations.
   */
  planMatters() {
    const n = this.opts.matters;
    const rng = this.rng('plan');
    const states = rng
      .shuffle(this.items)
      .sort((a, b) => (a.national ? 0 : 1) - (b.national ? 0 : 1))
      .map((item) => {
        const units = this.units.filter((u) => {
          const inScope =
            (u.index === 0 && (item.scope === 'P' || item.scope === 'A')) ||
            (u.index === 1 && (item.scope === 'C' || item.scope === 'A')) ||
            (u.index === 2 && (item.scope === 'X' || item.scope === 'A'));
          return inScope && this.dept(item.theme, u) !== undefined;
        });
        return { item, units: rng.shuffle(units), next: 0, parent: undefined, visited: false };
      })
      .filter((s) => s.units.length > 0);
    const plans = [];
    while (plans.length < n) {
      let progress = false;
      for (const s of states) {
        if (plans.length >= n) break;
        if (s.next >= s.units.length) continue;
        progress = true;
        if (!s.visited) {
          s.visited = true;
          const nationalParent = s.item.national && this.national.matters.has(s.item.national);
          if (nationalParent) s.parent = { national: this.national.matters.get(s.item.national) };
          else if (s.units.length > 1 && this.dept(s.item.theme, this.units[0]) && rng.chance(0.35)) {
            const id = `sl-std-${s.item.basicCode}`;
            plans.push({ id, item: s.item, unit: this.units[0], standard: true });
            s.parent = { id };
            if (plans.length >= n) break;
          }
        }
        const k = rng.int(1, 4);
        for (let j = 0; j < k && s.next < s.units.length && plans.length < n; j++) {
          const unit = s.units[s.next++];
          plans.push({ id: `sl-${unit.code}-${s.item.basicCode}`, item: s.item, unit, parent: s.parent });
        }
      }
      if (!progress) throw new Error('ran out of places to implement matters');
    }
    return plans;
  }

  *matterFiles() {
    const plans = this.planMatters();
    this.matters = [];
    const built = new Map();
    for (const plan of plans) {
      const rng = this.rng(`matter/${plan.id}`);
      let m;
      if (plan.parent?.id) m = this.refineLocal(plan, built.get(plan.parent.id), rng);
      else m = this.buildMatter(plan, rng);
      if (plan.standard) built.set(plan.id, m);
      const dept = this.departments.get(m.department);
      yield [`matters/${plan.unit.code}/${plan.item.theme.slug}/${plan.id}.yaml`, yamlDoc(m, this.header)];
      const limit = m.promisedLimit === '即办' ? 0 : Number.parseInt(m.promisedLimit, 10);
      this.matters.push({
        id: plan.id,
        name: m.name,
        item: plan.item,
        unit: plan.unit,
        dept: dept.id,
        standard: Boolean(plan.standard),
        refinesNational: plan.parent?.national?.id,
        days: limit,
        produces: m.produces ?? [],
        consumes: new Set(m.materials.map((x) => x.material)),
        required: new Set(
          (m.fields ?? []).filter((f) => f.required !== false && !f.when).map((f) => f.field),
        ),
        visits: m.visits,
        lenient: m.materials.some((x) => x.necessity === '容缺后补'),
      });
    }
  }

  /** Durations in working days (or 即办): statutory, promised, and the step limits that add up to it. */
  limits(item, rng) {
    if (item.instant)
      return { statutory: rng.chance(0.5) ? '即办' : `${rng.pick([5, 10])}个工作日`, promised: 0 };
    let statutory;
    if (item.licence) statutory = rng.pick([20, 20, 20, 15, 30, 10]);
    else if (item.type === '行政给付') statutory = rng.pick([20, 30, 15]);
    else statutory = rng.pick([10, 15, 20, 7]);
    if (item.sub === '变更' || item.sub === '换领' || item.sub === '补领')
      statutory = Math.min(statutory, 10);
    const unit = rng.chance(0.2) ? '日' : '个工作日';
    const choices = [1, 2, 3, 5, 7, 10, 12, 15].filter((d) => d <= statutory && d < statutory * 0.8);
    return { statutory: `${statutory}${unit}`, promised: rng.pick(choices.length > 0 ? choices : [1]) };
  }

  /** Steps for an item, their limits summing to the promised days. */
  steps(item, promised, coDepartment, rng) {
    const phases = [];
    if (rng.chance(0.3)) phases.push(['apply', '网上申请', '申请']);
    phases.push(['accept', '受理', '受理']);
    if (item.type === '行政给付') {
      phases.push(['review', '审核', '审查'], ['decide', '审批', '决定'], ['pay', '待遇发放', '办结']);
    } else if (item.licence || item.type === '行政确认') {
      phases.push(['review', '审查', '审查'], ['decide', '决定', '决定']);
      if (item.result && rng.chance(0.5)) phases.push(['certify', '制证', '制证']);
      phases.push(['deliver', '送达', '送达']);
    } else {
      phases.push(['review', '审核', '审查'], ['finish', '办结', '办结']);
      if (item.result && rng.chance(0.4)) phases.push(['deliver', '送达', '送达']);
    }
    if (phases.length < 4) phases.unshift(['apply', '网上申请', '申请']);
    // Spread the promised days over the steps that take time.
    const timed = phases.filter(([, , p]) => p === '审查' || p === '决定' || p === '受理');
    const share = new Map(timed.map(([id]) => [id, 0]));
    for (let d = 0; d < promised; d++) {
      const [id] = timed[d === 0 && timed.length > 1 ? 1 : rng.int(0, timed.length - 1)];
      share.set(id, share.get(id) + 1);
    }
    return phases.map(([id, name, phase]) => {
      const [standard, result] = rng.pick(PHASE_TEXT[phase]);
      const days = share.get(id);
      return {
        id,
        name,
        phase,
        department: phase === '审查' && coDepartment && rng.chance(0.5) ? coDepartment : undefined,
        limit: days ? `${days}个工作日` : share.has(id) ? '即办' : undefined,
        standard: standard.replace('{n}', item.name),
        result: result.replace('{n}', item.name),
      };
    });
  }

  /** A matter from scratch (standards, independent implementations, refinements of national matters). */
  buildMatter(plan, rng) {
    const { item, unit } = plan;
    const dept = this.dept(item.theme, unit);
    const nationalParent = plan.parent?.national;
    const levels = plan.standard ? this.levelsOf(item) : [unit.level];
    const person = item.audClass === 'P' || item.audClass === 'B';
    const { statutory, promised } = this.limits(item, rng);
    const instant = promised === 0;

    // Form fields: the applicant, the theme's, the sub-item's; conditions need theirs required.
    const fields = [];
    const addField = (field, extra = {}) => {
      if (!fields.some((f) => f.field === field)) fields.push({ field, ...extra });
    };
    if (person) {
      for (const f of PERSON_FIELDS) addField(f);
      addField('申请人.户籍类型');
      if (item.audClass === 'B')
        addField('经营主体.名称', { required: false, label: '经营主体名称（经营主体申请时填写）' });
    } else {
      for (const f of BUSINESS_FIELDS) addField(f);
      addField('经营主体.法定代表人姓名');
      addField('经营主体.企业类型');
      addField('经营主体.联系电话');
    }
    addField('申请.委托代理');
    addField('代理人.姓名', { when: '申请.委托代理 == true' });
    addField('代理人.公民身份号码', { when: '申请.委托代理 == true' });
    for (const f of rng.sample(item.theme.fields, rng.int(1, Math.min(4, item.theme.fields.length))))
      addField(f);
    if (item.sub && item.sub !== '新办' && item.sub !== '首次申领') addField('证照.证书编号');
    if (item.sub === '变更') addField('申请.变更事项');
    if (item.sub === '延续') addField('证照.有效期截止日期');
    if (item.sub === '注销') addField('申请.注销原因');
    if (item.sub === '换领' || item.sub === '补领') addField('申请.补换原因');
    if (item.eligible) addField('申请人.年龄');
    if (person && rng.chance(0.3)) addField('申请人.电子邮箱', { required: false });
    const required = new Set(fields.filter((f) => f.required !== false && !f.when).map((f) => f.field));
    // (An eligibility on age is never about minors: no guardian's proof then.)
    const whens = WHENS.filter(
      ([field, expr]) => required.has(field) && !(item.eligible && expr.includes('< 18')),
    );

    // Materials: the application, identity, results of other matters, the theme's, conditional ones.
    const materials = [];
    const used = new Set();
    const add = (material, extra) => {
      if (used.has(material)) return;
      const produced = this.producedAt.get(material);
      if (produced !== undefined && produced >= item.rank) return; // would order matters both ways
      used.add(material);
      materials.push({ id: `m${String(materials.length + 1).padStart(2, '0')}`, material, ...extra });
    };
    const name = (id) => this.materialName.get(id);
    const paper = (material) => {
      const form = rng.pick(['原件', '复印件', '原件和复印件', '原件或复印件', '电子化']);
      const originals = form === '原件' || form === '原件和复印件' || form === '原件或复印件' ? 1 : 0;
      const copies = form === '复印件' || form === '原件和复印件' ? rng.int(1, 2) : 0;
      return {
        channel: '申请人自备',
        form,
        necessity: rng.chance(0.1) ? '非必要' : rng.chance(0.1) ? '容缺后补' : '必要',
        originals: form === '电子化' ? 0 : originals,
        copies: form === '电子化' ? 0 : copies,
        paperSpec: form === '电子化' || rng.chance(0.5) ? undefined : 'A4',
        acceptanceStandard: rng.pick(ACCEPTANCE).replace('{m}', name(material)),
      };
    };
    const electronic = (material) => ({
      channel: '调取电子证照库',
      form: '电子化',
      necessity: '必要',
      originals: 0,
      copies: 0,
      acceptanceStandard: rng.pick(ACCEPTANCE_ELECTRONIC).replace('{m}', name(material)),
    });
    add(item.form, {
      channel: rng.chance(0.6) ? '在线填报' : '申请人自备',
      form: '原件',
      necessity: '必要',
      originals: 1,
      copies: 0,
      paperSpec: 'A4',
      acceptanceStandard: '申请书填写完整、内容真实，由申请人签字（盖章）；在线填报的以电子签名确认。',
      blankForm: rng.chance(0.5) ? `https://zwfw.example.org/sl/forms/${item.basicCode}.docx` : undefined,
    });
    if (person) add(this.materialByName.get('居民身份证'), electronic(this.materialByName.get('居民身份证')));
    else {
      const licence = this.materialByName.get('营业执照');
      add(licence, electronic(licence));
      add('sl-representative-id', paper('sl-representative-id'));
    }
    for (const use of item.uses) {
      const id = this.materialByName.get(use);
      add(id, electronic(id));
    }
    // 5–15 materials, most matters near the lower end.
    const target = 5 + Math.floor(rng.next() ** 1.6 * 11);
    const pool = rng.shuffle([
      ...this.themeMaterials.get(item.theme.slug),
      ...(person ? ['sl-photo', 'sl-commitment', 'sl-bank-card', 'sl-income-proof'] : []),
      ...(!person
        ? [
            'sl-articles-of-association',
            'sl-site-plan',
            'sl-staff-list',
            'sl-rules',
            'sl-location-map',
            'sl-commitment',
          ]
        : []),
      ...(item.sub === '变更' ? ['sl-change-proof'] : []),
      ...(item.sub === '注销' ? ['sl-cancellation-application'] : []),
    ]);
    const conditional = rng.shuffle(whens).slice(0, rng.int(1, 3));
    for (const id of pool) {
      if (materials.length >= target - conditional.length) break;
      add(id, paper(id));
    }
    for (const [, expression, material] of conditional) {
      add(material, { ...paper(material), necessity: '必要', when: expression });
    }
    if (person && materials.length < 5) add('sl-photo', paper('sl-photo'));
    for (const id of rng.shuffle([
      'sl-commitment',
      'sl-rules',
      'sl-staff-list',
      'sl-photo',
      'sl-location-map',
    ])) {
      if (materials.length >= 5) break;
      add(id, paper(id));
    }

    // Acceptance conditions.
    const conditionTexts = rng.sample(
      item.theme.conditions,
      rng.int(1, Math.min(3, item.theme.conditions.length)),
    );
    const conditions = conditionTexts.map((text, i) => ({ id: `c${i + 1}`, text }));
    if (person)
      conditions.unshift({ id: 'c0', text: '申请人具有完全民事行为能力，或者由其法定监护人代为申请。' });
    else conditions.unshift({ id: 'c0', text: '申请人为依法设立的经营主体，申请事项在其登记的经营范围内。' });
    for (const [, expression, , text] of conditional) {
      if (text) conditions.push({ id: `c${conditions.length + 1}`, text, when: expression });
    }

    // Legal basis.
    const basis = [];
    const cite = (key) => {
      const law = this.laws.get(key);
      for (let attempt = 0; attempt < 4; attempt++) {
        const article = rng.int(2, 80);
        const id = `${law.id}-${article}`;
        if (basis.some((b) => b.id === id)) continue;
        const clause = rng.chance(0.3) ? `第${chinese(rng.int(1, 3))}款` : '';
        const point = clause && rng.chance(0.3) ? `第（${chinese(rng.int(1, 5))}）项` : '';
        basis.push({ id, law: law.id, citation: `《${law.title}》第${chinese(article)}条${clause}${point}` });
        return;
      }
    };
    if (nationalParent) for (const b of nationalParent.basis ?? []) basis.push({ ...b });
    const laws = this.lawsFor(item);
    cite(laws[0] ?? rng.pick(item.theme.laws));
    if (rng.chance(0.4)) cite(rng.pick(item.theme.laws));
    if (item.licence && rng.chance(0.4)) cite('administrative-licensing-law');
    if (rng.chance(0.15)) cite(rng.pick(LOCAL_BASIS));

    // Procedure, online service, fees.
    const coDepartment = this.coDepartment(item, unit, rng);
    const steps = this.steps(item, promised, coDepartment, rng);
    const online = rng.chance(0.85);
    const handlingForms = [
      '窗口办理',
      ...(online ? ['网上办理'] : []),
      ...(rng.chance(0.4) ? ['快递申请'] : []),
    ];
    const fullyOnline = online && rng.chance(0.35);
    const mayStayHome = handlingForms.length > 1;
    const visits = fullyOnline ? 0 : mayStayHome ? rng.pick([0, 0, 1]) : 1;
    const depth = online ? (fullyOnline ? 7 : rng.int(2, 6)) : 1;
    const onlineDepth = [
      '互联网咨询',
      '互联网收件',
      '互联网预审',
      '互联网受理',
      '互联网办理',
      '互联网办理结果信息反馈',
      ...(item.result ? ['互联网电子证照反馈'] : []),
    ].slice(0, depth);
    const fee = item.fee
      ? {
          charged: true,
          basis: [`《${PROVINCE.name}行政事业性收费目录清单》（合成数据）`],
          onlinePayment: online,
          items: [
            {
              id: 'fee1',
              name: item.fee[0],
              standard: item.fee[1],
              basis: `《${PROVINCE.name}行政事业性收费目录清单》（合成数据）`,
              reducible: true,
              reductionBasis: '符合最低生活保障条件的申请人免收。',
            },
          ],
        }
      : { charged: false };
    const result = item.result
      ? { type: this.resultType(item.result), name: item.result }
      : { type: '其他', name: item.type === '行政给付' ? '待遇核定结果通知书' : '办理结果告知书' };
    const produces = item.produces ? [this.materialByName.get(item.produces)] : undefined;

    const m = {
      kind: 'Matter',
      id: plan.id,
      name: item.name,
      refines: nationalParent?.id,
      source: {
        document: SYNTHETIC,
        note: plan.standard
          ? '省级标准化事项，各市县实施时细化（合成数据）。'
          : `${unit.name}实施（合成数据）。`,
      },
      status: '在用',
      basicCode: item.basicCode,
      implCode: `${dept.uscc}${LEVEL_DIGITS[unit.level]}${item.basicCode}${plan.standard ? '00' : '01'}`,
      type: item.type,
      levels,
      powerSource: unit.index === 2 && rng.chance(0.1) ? '上级下放' : '法定本级行使',
      department: dept.id,
      subjectNature: '法定机关',
      coDepartments: coDepartment ? [coDepartment] : undefined,
      audience: item.audience,
      eligible: item.eligible,
      basis,
      conditions,
      fields,
      materials,
      steps,
      stepsNote: undefined,
      specialProcedures:
        item.licence && !instant && rng.chance(0.3)
          ? [
              {
                id: 'site-check',
                name: '现场核查',
                limit: `${rng.pick([3, 5, 10])}个工作日`,
                note: '现场核查时间不计入办理时限。',
              },
            ]
          : undefined,
      statutoryLimit: statutory,
      statutoryLimitNote: rng.chance(0.3)
        ? '自受理之日起计算，不含现场核查、专家评审、听证等特别程序所需时间。'
        : undefined,
      promisedLimit: instant ? '即办' : `${promised}个工作日`,
      promisedLimitNote:
        !instant && rng.chance(0.3) ? '承诺时限自受理次日起计算，不含申请人补正材料的时间。' : undefined,
      caseType: instant ? '即办件' : '承诺件',
      reviewType: instant ? '即审即办' : '前审后批',
      handlingForms,
      visits,
      visitReason: visits > 0 ? rng.pick(VISIT_REASONS) : undefined,
      onlineDepth,
      fullyOnline,
      fee,
      result,
      produces,
      handleArea:
        unit.index === 0
          ? rng.pick(['全省', '全国'])
          : unit.index === 1
            ? rng.pick(['全市', '全省'])
            : rng.pick(['全县', '全市']),
      place: this.place(unit, dept, rng),
      hours: rng.pick(HOURS),
      quantityLimit: rng.chance(0.85) ? '无' : '同一申请人同一时间只能提交一件申请。',
      contacts: {
        consultation: `${unit.phone}-${rng.int(2, 8)}${rng.digits(7)}`,
        complaint: `${unit.phone}-12345`,
      },
      onlineUrl: online ? `https://zwfw.example.org/sl/${unit.code}/${item.basicCode}` : undefined,
      mobileUrl:
        online && rng.chance(0.6)
          ? `https://m.zwfw.example.org/sl/${unit.code}/${item.basicCode}`
          : undefined,
      faq: this.faq(item, { statutory, promised, visits, online, fee, fullyOnline }, rng),
      note: rng.chance(0.2) ? `${SYNTHETIC}。` : undefined,
    };
    return m;
  }

  /** The theme's laws whose titles share words with the item's name, best first. */
  lawsFor(item) {
    if (item.laws) return item.laws;
    const score = (key) => {
      const title = this.laws.get(key).title.replace(/^中华人民共和国/, '');
      let n = 0;
      for (let i = 0; i + 1 < item.main.length; i++) if (title.includes(item.main.slice(i, i + 2))) n++;
      return n;
    };
    const scored = item.theme.laws.map((key) => [key, score(key)]).filter(([, n]) => n > 0);
    item.laws = scored.sort((a, b) => b[1] - a[1]).map(([key]) => key);
    return item.laws;
  }

  levelsOf(item) {
    const levels = [];
    if (item.scope === 'P' || item.scope === 'A') levels.push('省级');
    if (item.scope === 'C' || item.scope === 'A') levels.push('市级');
    if (item.scope === 'X' || item.scope === 'A') levels.push('县级');
    if (!levels.includes('省级')) levels.unshift('省级');
    return levels;
  }

  resultType(name) {
    if (/(证|证书|执照|护照|通行证|标牌)$/.test(name) && !/(凭证|证明)$/.test(name)) return '证照';
    if (/(批复|决定书|意见书|同意书|选址意见书)$/.test(name)) return '批文';
    return '其他';
  }

  coDepartment(item, unit, rng) {
    if (!rng.chance(0.2)) return undefined;
    const others = THEMES.filter((t) => t !== item.theme && this.dept(t, unit));
    const theme = rng.pick(others);
    return theme ? this.deptId(theme, unit) : undefined;
  }

  place(unit, dept, rng) {
    const road = rng.pick(ROADS);
    return `${unit.name}政务服务中心${dept.theme.short}窗口（${unit.name}${road}路${rng.int(1, 399)}号）`;
  }

  faq(item, facts, rng) {
    const all = [
      [
        'time',
        `办理${item.name}需要多长时间？`,
        facts.promised === 0
          ? '材料齐全、符合法定形式的，当场办结。'
          : `法定办结时限为${facts.statutory}，本地承诺自受理之日起${facts.promised}个工作日内办结；需要现场核查、专家评审的，所需时间不计算在内。`,
      ],
      [
        'online',
        '可以在网上办理吗？',
        facts.online
          ? `可以。登录${PROVINCE.name}政务服务网或移动端，搜索“${item.name}”在线提交申请${facts.fullyOnline ? '，全程网上办理，无需到现场' : '，需要核验原件的按通知到窗口一次办结'}。`
          : '本事项暂不支持网上办理，请携带申请材料到办理窗口提交，也可先通过咨询电话预约。',
      ],
      [
        'visits',
        '需要到现场几次？',
        facts.visits === 0
          ? '材料齐全的，无需到现场，办理结果可邮寄送达或在线推送电子证照。'
          : `最多到现场${chinese(facts.visits)}次，现场核验原件后即可办理。`,
      ],
      [
        'fee',
        `办理${item.name}收费吗？`,
        facts.fee.charged
          ? `收费：${facts.fee.items[0].name}${facts.fee.items[0].standard}；符合减免条件的可申请减免。`
          : '不收费。',
      ],
      [
        'agent',
        '可以委托他人代为办理吗？',
        '可以。代理人应当携带本人有效身份证件和申请人签字（盖章）的授权委托书，并在申请表中填写代理人信息。',
      ],
    ];
    if (item.licence && item.result)
      all.push([
        'validity',
        `${item.result}的有效期是多久？`,
        `${item.result}有效期为${chinese(rng.pick([3, 5]))}年。有效期届满需要继续从事相关活动的，应当在有效期届满三十日前向原发证机关申请延续。`,
      ]);
    return rng.sample(all, rng.int(1, 4)).map(([id, question, answer]) => ({ id, question, answer }));
  }

  /**
   * A local implementation of a provincial standard: the parent's content, only ever lighter for the
   * applicant (the refinement law): fewer or relaxed materials, shorter promises, no added approval
   * step, no new fee, at least the parent's online depth, eligibility no stricter, basis kept.
   */
  refineLocal(plan, parent, rng) {
    const { unit } = plan;
    const dept = this.dept(plan.item.theme, unit);
    // A copy of what changes (materials, steps, basis); what stays is shared with the parent.
    const m = {
      ...parent,
      materials: parent.materials.map((x) => ({ ...x })),
      steps: parent.steps.map((x) => ({ ...x })),
      basis: [...parent.basis],
    };
    m.id = plan.id;
    m.refines = parent.id;
    m.source = { ...m.source, note: `${unit.name}实施，细化省级标准化事项 ${parent.id}（合成数据）。` };
    m.levels = [unit.level];
    m.department = dept.id;
    m.implCode = `${dept.uscc}${LEVEL_DIGITS[unit.level]}${plan.item.basicCode}01`;
    m.coDepartments = undefined;
    for (const s of m.steps) s.department = undefined;
    // Optional materials may go (the application form stays, and at least five materials remain).
    let droppable = m.materials.length - 5;
    m.materials = m.materials.filter((x, i) => {
      const drop = i > 0 && droppable > 0 && x.necessity !== '必要' && rng.chance(0.3);
      if (drop) droppable--;
      return !drop;
    });
    for (const x of m.materials) {
      if (x.necessity === '必要' && !x.when && x.channel === '申请人自备' && rng.chance(0.15)) {
        x.necessity = rng.pick(['容缺后补', '信息免交、信用后补']);
      }
      if (x.copies > 0 && rng.chance(0.3)) x.copies = 0;
    }
    const promised = parent.promisedLimit === '即办' ? 0 : Number.parseInt(parent.promisedLimit, 10);
    if (promised > 1 && rng.chance(0.5)) {
      const shorter = rng.int(Math.max(1, Math.ceil(promised / 2)), promised);
      m.promisedLimit = `${shorter}个工作日`;
      let excess = promised - shorter;
      for (const s of [...m.steps].reverse()) {
        const days = s.limit && s.limit !== '即办' ? Number.parseInt(s.limit, 10) : 0;
        const cut = Math.min(days, excess);
        if (cut > 0) {
          s.limit = days - cut > 0 ? `${days - cut}个工作日` : '即办';
          excess -= cut;
        }
      }
    }
    const depths = [
      '互联网咨询',
      '互联网收件',
      '互联网预审',
      '互联网受理',
      '互联网办理',
      '互联网办理结果信息反馈',
      '互联网电子证照反馈',
    ];
    if (!m.fullyOnline && m.handlingForms.includes('网上办理') && rng.chance(0.3)) {
      m.fullyOnline = true;
      m.visits = 0;
      m.visitReason = undefined;
      m.onlineDepth = depths.filter(
        (d) => d !== '互联网电子证照反馈' || parent.onlineDepth.includes(d) || parent.result?.type === '证照',
      );
    }
    if (m.fee.charged && rng.chance(0.3)) m.fee = { charged: false };
    if (m.eligible && rng.chance(0.4)) {
      const match = /^(.*>=\s*)(\d+)$/.exec(m.eligible);
      if (match) m.eligible = `${match[1]}${Number(match[2]) - 5}`;
    }
    if (rng.chance(0.2)) {
      const law = this.laws.get(rng.pick(LOCAL_BASIS));
      const article = rng.int(2, 60);
      const id = `${law.id}-${article}`;
      if (!m.basis.some((b) => b.id === id))
        m.basis.push({ id, law: law.id, citation: `《${law.title}》第${chinese(article)}条` });
    }
    m.place = this.place(unit, dept, rng);
    m.handleArea = unit.index === 1 ? rng.pick(['全市', '全省']) : rng.pick(['全县', '全市']);
    m.contacts = {
      consultation: `${unit.phone}-${rng.int(2, 8)}${rng.digits(7)}`,
      complaint: `${unit.phone}-12345`,
    };
    if (m.onlineUrl) m.onlineUrl = `https://zwfw.example.org/sl/${unit.code}/${plan.item.basicCode}`;
    if (m.mobileUrl) m.mobileUrl = `https://m.zwfw.example.org/sl/${unit.code}/${plan.item.basicCode}`;
    const facts = {
      statutory: m.statutoryLimit,
      promised: m.promisedLimit === '即办' ? 0 : Number.parseInt(m.promisedLimit, 10),
      visits: m.visits,
      online: m.handlingForms.includes('网上办理'),
      fee: m.fee,
      fullyOnline: m.fullyOnline,
    };
    m.faq = this.faq(plan.item, facts, rng);
    return m;
  }

  // ── bundles ────────────────────────────────────────────────────────────────────────────────────

  /** The longest chain of working days through the components' data dependencies. */
  criticalDays(components) {
    const n = components.length;
    const best = components.map((c) => c.days);
    // Components are in rank order, so every dependency points forwards.
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < j; i++) {
        if (components[i].produces.some((p) => components[j].consumes.has(p)))
          best[j] = Math.max(best[j], best[i] + components[j].days);
      }
    }
    return Math.max(0, ...best);
  }

  /** Matters that can be components (implementations, not standards), by city area and audience class. */
  candidates() {
    const byArea = new Map();
    for (const m of this.matters) {
      if (m.standard) continue;
      const area = m.unit.index === 0 ? 'province' : m.unit.city.code;
      const classes =
        m.item.audClass === 'B'
          ? ['个人', '经营主体']
          : m.item.audClass === 'P'
            ? ['个人']
            : m.item.audClass === 'E'
              ? ['经营主体']
              : [];
      for (const cls of classes) {
        const key = `${area}/${cls}`;
        if (!byArea.has(key)) byArea.set(key, []);
        byArea.get(key).push(m);
      }
    }
    return byArea;
  }

  /** Pick k components from the pool: distinct items, preferring the theme's departments. */
  chooseComponents(pool, themes, k, stage, rng) {
    // What fits the stage: closing down is made of 注销; starting out of new licences, not changes.
    const fits = (m) => {
      const closing = m.item.sub === '注销' || m.item.main.includes('注销');
      if (stage === '注销退出') return closing;
      if (closing) return false;
      if (stage === '准入准营' || stage === '工程建设' || stage === '出生')
        return !['变更', '延续', '换领', '补领'].includes(m.item.sub) && !m.item.main.includes('变更');
      return true;
    };
    const suitable = pool.filter(fits);
    const preferred = rng.shuffle(suitable.filter((m) => themes.includes(m.item.theme.slug)));
    const rest = rng.sample(
      suitable.filter((m) => !themes.includes(m.item.theme.slug)),
      40,
    );
    const chosen = [];
    const mains = new Set();
    for (const m of [...preferred, ...rest]) {
      if (chosen.length >= k) break;
      const main = `${m.item.theme.slug}/${m.item.main}`;
      if (mains.has(main)) continue;
      mains.add(main);
      chosen.push(m);
    }
    return chosen.sort((a, b) => a.item.rank - b.item.rank || (a.id < b.id ? -1 : 1));
  }

  bundleDoc({ id, name, label, refines, audience, stage, components, rng, source }) {
    // Components that are national matters have no limits: chains through them are not checked.
    const local = components.filter((c) => c.matter);
    const days = Math.max(1, this.criticalDays([...local].sort((a, b) => a.item.rank - b.item.rank)));
    const promised = days + rng.int(0, 2);
    const lead = local[0]?.dept;
    const co = [...new Set(local.slice(1).map((c) => c.dept))].filter((d) => d !== lead).slice(0, 6);
    const whenFields = [];
    for (const c of local)
      for (const [field, expr] of WHENS)
        if (COMPONENT_WHENS.has(field) && c.required.has(field)) whenFields.push(expr);
    const parts = components.map((c, i) => {
      const entry = { id: c.componentId, matter: c.matterId };
      if (i > 1 && !c.kept && rng.chance(0.25)) {
        if (whenFields.length > 0 && rng.chance(0.4)) entry.when = rng.pick(whenFields);
        else entry.optional = true;
      }
      entry.note = c.note;
      return entry;
    });
    const modes = ['集成办'];
    if (local.some((c) => c.lenient)) modes.push('承诺办');
    if (rng.chance(0.15)) modes.push('跨域办');
    const names = local.map((c) => c.name);
    return {
      kind: 'Bundle',
      id,
      name,
      refines,
      audience,
      stage,
      description: `${label}：申请人通过一次申请、一套材料，即可同步办理${names.slice(0, 3).join('、')}${names.length > 3 ? `等${chinese(names.length)}个事项` : ''}，各部门并联审批、结果统一送达。`,
      eligibility: audience === '个人' ? '在本地办理相关事项的自然人。' : '在本地依法登记的经营主体。',
      leadDepartment: lead,
      coDepartments: co.length > 0 ? co : undefined,
      components: parts,
      promisedLimit: `${promised}个工作日`,
      promisedLimitNote: '各组成事项并联办理；存在前后依赖的事项按依赖顺序衔接，承诺时限按最长办理链计算。',
      visits: local.every((c) => c.visits === 0) ? 0 : 1,
      modes,
      source,
      note: `${SYNTHETIC}。`,
    };
  }

  *bundleFiles() {
    const byArea = this.candidates();
    const areas = [...this.cities.map((c) => c.code)];
    this.localItems = [];
    this.nationalItems = new Map();
    const source = {
      document: SYNTHETIC,
      title: `${PROVINCE.name}“高效办成一件事”重点事项清单（基准测试语料）`,
      note: `${SYNTHETIC}：组成事项由生成器按部门职能组合。`,
    };

    // National bundles: refine those the province can implement, adopt the others as they are.
    const refined = new Map();
    for (const nb of this.national.bundles.values()) {
      if (!nb.audience) continue;
      const rng = this.rng(`bundle/national/${nb.id}`);
      const city = rng.pick(this.cities);
      const pool = [
        ...(byArea.get(`${city.code}/${nb.audience}`) ?? []),
        ...(byArea.get(`province/${nb.audience}`) ?? []),
      ];
      const components = [];
      for (const c of nb.components ?? []) {
        const local = pool.filter((m) => m.refinesNational === c.matter);
        const matter = local.length > 0 ? rng.pick(local) : undefined;
        if (matter)
          components.push({
            ...matter,
            matter,
            componentId: c.id,
            matterId: matter.id,
            kept: true,
            note: `细化国家组成事项 ${c.matter}。`,
          });
        else {
          components.push({ componentId: c.id, matterId: c.matter, kept: true, note: '沿用国家事项。' });
        }
      }
      const hint = NATIONAL_BUNDLE_HINTS[nb.id];
      const themes = hint ? hint[1] : [];
      const stage = nb.stage ?? (hint ? hint[0] : nb.audience === '个人' ? '生活' : '经营发展');
      const taken = new Set(components.map((c) => c.matter?.item.key));
      const extra = this.chooseComponents(
        pool.filter((m) => !taken.has(m.item.key) && !m.refinesNational),
        themes,
        rng.int(1, 3),
        stage,
        rng,
      );
      for (const m of extra)
        components.push({
          ...m,
          matter: m,
          componentId: m.item.key,
          matterId: m.id,
          note: '地方增加的组成事项。',
        });
      if (components.length === 0) continue;
      const id = `sl-${nb.id}`;
      const doc = this.bundleDoc({
        id,
        name: `${nb.name}（${PROVINCE.name}）`,
        refines: nb.id,
        audience: nb.audience,
        stage,
        label: `${city.name}${nb.name.replace(/一件事$/, '')}`,
        components,
        rng,
        source,
      });
      yield [`bundles/national/${id}.yaml`, yamlDoc(doc, this.header)];
      refined.set(nb.id, { id, lead: doc.leadDepartment });
    }
    this.refinedNational = refined;

    // Local bundles, about one per twenty matters.
    const count = Math.max(1, Math.round(this.opts.matters / 20));
    const nationalNames = [...this.national.bundles.values()].map((b) => nameKey(b.name));
    const weights = areas.map(
      (code) => (byArea.get(`${code}/个人`)?.length ?? 0) + (byArea.get(`${code}/经营主体`)?.length ?? 0),
    );
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    for (let b = 1; b <= count; b++) {
      const rng = this.rng(`bundle/local/${b}`);
      let r = rng.next() * totalWeight;
      let areaIndex = 0;
      while (areaIndex < areas.length - 1 && r >= weights[areaIndex]) r -= weights[areaIndex++];
      const city = this.cities[areaIndex];
      const [theme, stage, audience, themes] = rng.pick(BUNDLE_THEMES);
      let pool = [
        ...(byArea.get(`${city.code}/${audience}`) ?? []),
        ...(byArea.get(`province/${audience}`) ?? []),
      ];
      if (pool.length < 3)
        pool = [...byArea.entries()].filter(([k]) => k.endsWith(`/${audience}`)).flatMap(([, v]) => v);
      const chosen = this.chooseComponents(pool, themes, rng.int(3, 8), stage, rng);
      if (chosen.length === 0) continue;
      const id = `sl-b-${city.code}-${String(b).padStart(5, '0')}`;
      let name = `${city.name}${theme}一件事`;
      if (nationalNames.some((n) => editDistance(nameKey(name), n) <= 1))
        name = `${city.name}${theme}（本地）一件事`;
      const components = chosen.map((m) => ({ ...m, matter: m, componentId: m.item.key, matterId: m.id }));
      const label = `${city.name}${theme}`;
      const doc = this.bundleDoc({ id, name, label, audience, stage, components, rng, source });
      yield [`bundles/${city.code}/${id}.yaml`, yamlDoc(doc, this.header)];
      this.localItems.push({
        id: `sl-item-${String(b).padStart(5, '0')}`,
        bundle: id,
        lead: doc.leadDepartment,
      });
    }
  }

  listFile() {
    const items = [];
    const seen = new Set();
    for (const list of this.national.lists) {
      for (const item of list.items ?? []) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        const refined = this.refinedNational.get(item.bundle);
        items.push({
          id: item.id,
          bundle: refined ? refined.id : item.bundle,
          note: refined
            ? `细化国家清单 ${list.id} 的 ${item.bundle}。`
            : `直接采用国家清单 ${list.id} 的 ${item.bundle}。`,
        });
      }
    }
    for (const item of this.localItems)
      items.push({ id: item.id, bundle: item.bundle, leadDepartment: item.lead });
    items.forEach((item, i) => (item.serial = i + 1));
    const doc = {
      kind: 'List',
      id: 'sl-key-list-2025',
      name: `${PROVINCE.name}“高效办成一件事”重点事项清单（合成数据）`,
      issuer: `${PROVINCE.name}人民政府办公厅（虚构）`,
      level: '省级',
      region: PROVINCE.code,
      year: 2025,
      publishedCount: items.length,
      source: {
        document: SYNTHETIC,
        title: `${PROVINCE.name}“高效办成一件事”重点事项清单（基准测试语料）`,
        note: '覆盖国家各批次重点事项清单，另列本省新增的一件事。',
      },
      extends: this.national.lists.map((l) => l.id),
      items: items.map(({ id, bundle, serial, leadDepartment, note }) => ({
        id,
        bundle,
        serial,
        leadDepartment,
        note,
      })),
    };
    return ['lists/sl-key-list-2025.yaml', yamlDoc(doc, this.header)];
  }
}

/** Bundle names compared as matterc compares them for duplicates of national items. */
function nameKey(s) {
  return s.replace(/一件事|“|”|"/g, '').replace(/\s+/g, '');
}

function editDistance(a, b) {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

function prepare(out, force) {
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) usage(`--out ${out} is not a directory`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !force)
      usage(`--out ${out} is not empty (use --force to replace the corpus in it)`);
    // Only what a previous run wrote is removed; anything else in the directory is left alone.
    for (const name of ['matterc.yaml', 'lists', 'bundles', 'matters', 'registries'])
      rmSync(join(out, name), { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
}

/** Write each file as it is generated; returns how many files and bytes. */
function writeCorpus(out, files) {
  const dirs = new Set();
  let count = 0;
  let bytes = 0;
  for (const [rel, text] of files) {
    const path = join(out, rel);
    const dir = dirname(path);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(path, text);
    count++;
    bytes += Buffer.byteLength(text);
  }
  return { count, bytes };
}

function main() {
  const opts = options();
  const started = process.hrtime.bigint();
  prepare(opts.out, opts.force);
  const corpus = new Corpus(opts, readNational());
  const { count, bytes } = writeCorpus(opts.out, corpus.files());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const shown = relative(process.cwd(), opts.out) || '.';
  process.stdout.write(
    `corpus: ${opts.matters} matters, ${count} files, ${(bytes / 1e6).toFixed(1)} MB in ${shown} (seed ${JSON.stringify(opts.seed)}, ${seconds.toFixed(2)} s)\n`,
  );
}

main();
