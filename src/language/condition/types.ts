import type { Span } from './ast.js';

export type ValueType = 'string' | 'number' | 'boolean' | 'date' | 'duration' | 'money';

/** A field a condition may refer to: from the data-element dictionary, with its presence in the form. */
export interface FieldInfo {
  readonly path: string;
  readonly type: ValueType;
  readonly integer?: boolean;
  /** Allowed values of an enumerated field. */
  readonly options?: readonly string[];
  /** True when every applicant's data has this field (a required form field). */
  readonly required: boolean;
  readonly name?: string;
}

export interface Environment {
  lookup(path: string): FieldInfo | undefined;
  /** Paths close to `path`, for "did you mean". */
  candidates(path: string): string[];
}

export type TypeProblem =
  | {
      readonly kind: 'unknown-path';
      readonly span: Span;
      readonly path: string;
      readonly candidates: readonly string[];
      readonly missingSpace: boolean;
    }
  | {
      readonly kind: 'type-mismatch';
      readonly span: Span;
      readonly op: string;
      readonly left: ValueType;
      readonly right: ValueType;
    }
  | { readonly kind: 'not-boolean'; readonly span: Span; readonly found: ValueType }
  | { readonly kind: 'not-ordered'; readonly span: Span; readonly op: string; readonly type: ValueType }
  | {
      readonly kind: 'not-an-option';
      readonly span: Span;
      readonly value: string;
      readonly path: string;
      readonly options: readonly string[];
    }
  | { readonly kind: 'possibly-absent'; readonly span: Span; readonly path: string }
  | { readonly kind: 'unit-mismatch'; readonly span: Span };

/** Field-dictionary type labels (Field.type) → condition value types. */
export const FIELD_TYPES: Readonly<Record<string, ValueType>> = {
  文本: 'string',
  枚举: 'string',
  整数: 'number',
  小数: 'number',
  布尔: 'boolean',
  日期: 'date',
  金额: 'money',
};
