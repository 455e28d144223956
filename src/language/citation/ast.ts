import type { Template } from '../../diagnostics/diagnostic.js';
/** UTF-16 offsets into the citation text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A document number (文号).
 * - `bracket`: 国发〔2024〕3号 (issuer 国发), 中国人民银行令〔2002〕2号 (issuer 中国人民银行令).
 * - `order`: 国务院令第412号 (issuer 国务院), 主席令第十五号, 交通运输部令2017年第27号 (year 2017).
 * - `announcement`: 国家税务总局公告2012年第24号, 财政部 税务总局公告2020年第2号.
 */
export interface DocNumber {
  issuer: string;
  year?: number;
  number: number;
  kind: 'bracket' | 'order' | 'announcement';
  /**
   * Canonical text: 〔〕 around the year, ASCII digits, one space between joint issuers. The number keeps
   * the numeral style it was written in (主席令第十五号 stays Chinese; 国务院令第412号 stays Arabic).
   */
  text: string;
  span: Span;
}

export interface Citation {
  /** From a leading 【法律】/【行政法规】/【地方性法规】/【规章】/【规范性文件】 tag (any 【…】 of CJK text). */
  rank?: string;
  /** The law's title without 《》; inner 〈〉 are kept (inner 《》 are normalized to 〈〉). */
  title?: string;
  /** The title's text in the source, without the 《》. */
  titleSpan?: Span;
  /** The title was inside 《》. */
  quoted: boolean;
  /**
   * The parenthesised note after the title, in canonical form: full-width （）, whitespace collapsed,
   * document numbers in canonical form. E.g. （2005年8月3日国务院令第442号，2016年2月6日修正）.
   */
  note?: string;
  /** Every document number, in source order: those in the note and those standing alone. */
  docNumbers: DocNumber[];
  /** 第N条 */
  article?: number;
  /** 第N款 */
  paragraph?: number;
  /** 第（N）项 or 第N项 */
  item?: number;
  /** 第N目 */
  subItem?: number;
  /** 附件第193项, 附件2《…目录》第37项 */
  annex?: { annex?: number; title?: string; item: number };
}

export type Irregularity = {
  kind: 'brackets' | 'arabic-numerals' | 'missing-quotes' | 'short-title';
  span: Span;
};

export type CitationProblem =
  | {
      kind: 'syntax';
      span: Span;
      /** zh-CN text of the problem. */
      detail: string;
      /** The same problem as a catalogue template, for messages in any language. */
      message: Template;
    }
  | { kind: 'empty'; span: Span };

export interface CitationResult {
  /** Undefined when there is any problem: a citation recovered from a syntax error is only a guess. */
  citation?: Citation;
  irregularities: Irregularity[];
  problems: CitationProblem[];
  /** printCitation(citation), when there is a citation. */
  normalized?: string;
}
