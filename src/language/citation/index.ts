/**
 * The legal-citation sub-language: how a 设定依据 is written (《中华人民共和国行政许可法》第三十二条第一款
 * 第（五）项, 国发〔2024〕3号, 附件第193项). See parser.ts for the grammar.
 */
export type { Citation, CitationProblem, CitationResult, DocNumber, Irregularity, Span } from './ast.js';
export { chineseNumeral, parseNumeral } from './numerals.js';
export { parseCitation } from './parser.js';
export { printCitation } from './printer.js';
export { type LawEntry, type LawResolution, resolveLaw } from './resolve.js';
