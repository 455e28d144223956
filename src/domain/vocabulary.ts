/**
 * Values of the national element model as the documents write them. They are data, compared with what a
 * document holds, not wording shown to a reader, so they stay Chinese in every language (wording lives in
 * the catalogue).
 */

/** `level` of a list issued by the State Council. */
export const NATIONAL_LEVEL = '国家';
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
