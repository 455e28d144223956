/**
 * Values of the national element model as the documents write them. They are data, compared with what a
 * document holds, not wording shown to a reader, so they stay Chinese in every language (wording lives in
 * the catalogue).
 */

/** `level` of a list issued by the State Council. */
export const NATIONAL_LEVEL = '国家';
/** `source.confidence` of a fact inferred from sourced facts rather than stated by the source. */
export const INFERRED = '推断';
/** `necessity` of a material the applicant must submit. */
export const REQUIRED = '必要';
/** `type` of a field whose value is one of its `options`. */
export const ENUM_FIELD = '枚举';
/** Audiences of a bundle, in the order pages list them. */
export const AUDIENCES: readonly string[] = ['个人', '经营主体'];
/** Life-cycle stages (国办发〔2025〕24号), individuals' first, in the order pages list them. */
export const STAGES: readonly string[] = [
  '出生',
  '教育',
  '就业',
  '生活',
  '置业',
  '出行',
  '就医',
  '救助',
  '养老',
  '身后',
  '准入准营',
  '招聘用工',
  '纳税缴费',
  '经营发展',
  '工程建设',
  '注销退出',
];
/** `type` of a data element (Field), by what it holds. */
export const FIELD_TYPE = {
  text: '文本',
  enum: ENUM_FIELD,
  integer: '整数',
  decimal: '小数',
  money: '金额',
  boolean: '布尔',
  date: '日期',
} as const;
/** `format` of a text field whose shape matterc checks, by what it holds: the names the standards give. */
export const FIELD_FORMAT = {
  idNumber: '公民身份号码',
  uscc: '统一社会信用代码',
  mobile: '手机号码',
  landline: '固定电话',
  postcode: '邮政编码',
  division: '行政区划代码',
  email: '电子邮箱',
} as const;
