import type { Composition, FieldUse } from '../../compose/types.js';
import { PAGE } from '../../diagnostics/catalogue.js';
import { type Template, template } from '../../diagnostics/diagnostic.js';
import { FIELD_TYPE } from '../../domain/vocabulary.js';
import type { Expr } from '../../language/condition/ast.js';
import { parseCondition } from '../../language/condition/parser.js';

/** What the data-element dictionary says about a field. */
export interface FieldDefinition {
  readonly name?: string;
  readonly type?: string;
  readonly format?: string;
  readonly options?: readonly string[];
  readonly unit?: string;
  readonly description?: string;
}

/** One field of the generated form. */
export interface FormField {
  /** The Field id: a dotted data path (申请人.姓名). */
  readonly path: string;
  /** The HTML id of its input (f1, f2, …), stable in form order. */
  readonly id: string;
  readonly title: string;
  /** Dictionary type (文本, 整数, 小数, 金额, 布尔, 日期, 枚举); 文本 when unknown. */
  readonly type: string;
  readonly format?: string;
  readonly options?: readonly string[];
  readonly unit?: string;
  readonly description?: string;
  /** Required in every case (some use requires it with no condition). */
  readonly required: boolean;
  /** Required when this holds (the conditions of the uses that require it), unless `required`. */
  readonly requiredWhen?: Expr;
  readonly requiredWhenText?: string;
  /** Shown when this holds; absent when the field is always shown. */
  readonly showWhen?: Expr;
  readonly showWhenText?: string;
  /** Why a condition was not used, for `$comment`s (rendered in the output's language). */
  readonly notes: readonly Template[];
}

export interface FormModel {
  readonly bundle: string;
  readonly name: string;
  readonly fields: readonly FormField[];
}

const NO_SPAN = { start: 0, end: 0 };

function paths(e: Expr, out: Set<string>): Set<string> {
  if (e.type === 'path') out.add(e.path);
  else if (e.type === 'exists') out.add(e.arg.path);
  else if (e.type === 'not' || e.type === 'neg') paths(e.arg, out);
  else if (e.type === 'in') {
    paths(e.value, out);
    for (const x of e.list) paths(x, out);
  } else if ('left' in e) {
    paths(e.left, out);
    paths(e.right, out);
  }
  return out;
}

/** The condition texts of one use: the component's `when`, then the field's own. */
function useTexts(u: FieldUse): string[] {
  return [u.componentWhen, u.when].filter((w): w is string => w !== undefined && w.trim() !== '');
}

interface Cond {
  expr: Expr;
  text: string;
}

/** The conjunction of a use's conditions; undefined when it has none; null when one does not parse. */
function useCondition(u: FieldUse): Cond | undefined | null {
  const texts = useTexts(u);
  if (texts.length === 0) return undefined;
  let expr: Expr | undefined;
  for (const t of texts) {
    const ast = parseCondition(t).ast;
    if (!ast) return null;
    expr = expr === undefined ? ast : { type: 'and', left: expr, right: ast, span: NO_SPAN };
  }
  return { expr: expr!, text: texts.length === 1 ? texts[0]! : texts.map((t) => `(${t})`).join(' && ') };
}

/** The disjunction of conditions; undefined when some use is unconditional (always). */
function any(conds: readonly (Cond | undefined)[]): Cond | undefined {
  if (conds.length === 0 || conds.some((c) => c === undefined)) return undefined;
  const cs = conds as Cond[];
  const unique = cs.filter((c, i) => cs.findIndex((d) => d.text === c.text) === i);
  return unique.reduce((a, b) => ({
    expr: { type: 'or', left: a.expr, right: b.expr, span: NO_SPAN },
    text: `(${a.text}) || (${b.text})`,
  }));
}

/** The form of a bundle: its merged fields with their dictionary definitions and conditions. */
export function formModel(
  composition: Composition,
  dictionary: (path: string) => FieldDefinition | undefined,
): FormModel {
  const fields = composition.form.map((entry, i): FormField => {
    const def = dictionary(entry.field) ?? {};
    const notes: Template[] = [];
    const conds = entry.uses.map(useCondition);
    if (conds.some((c) => c === null)) notes.push(template(PAGE.formNoteUnparsed));
    const known = conds.map((c) => (c === null ? undefined : c));
    let show = any(known);
    if (show && paths(show.expr, new Set()).has(entry.field)) {
      // A field cannot be hidden by its own answer: the applicant could never give it.
      notes.push(template(PAGE.formNoteShowSelf, { condition: show.text }));
      show = undefined;
    }
    const requiredUses = entry.uses.map((u, k) => ({ u, c: known[k] })).filter((x) => x.u.required);
    const required = requiredUses.some((x) => x.c === undefined);
    let when = required || requiredUses.length === 0 ? undefined : any(requiredUses.map((x) => x.c));
    if (when && paths(when.expr, new Set()).has(entry.field)) {
      // Required when its own answer says so: it can hold only when the field is given anyway.
      notes.push(template(PAGE.formNoteRequiredSelf, { condition: when.text }));
      when = undefined;
    }
    return {
      path: entry.field,
      id: `f${i + 1}`,
      title: def.name ?? entry.name ?? entry.field,
      type: def.type ?? entry.type ?? FIELD_TYPE.text,
      ...((def.format ?? entry.format) !== undefined ? { format: (def.format ?? entry.format)! } : {}),
      ...(def.options ? { options: def.options } : {}),
      ...(def.unit !== undefined ? { unit: def.unit } : {}),
      ...(def.description !== undefined ? { description: def.description } : {}),
      required,
      ...(when ? { requiredWhen: when.expr, requiredWhenText: when.text } : {}),
      ...(show ? { showWhen: show.expr, showWhenText: show.text } : {}),
      notes,
    };
  });
  return { bundle: composition.bundle, name: composition.name, fields };
}
