import { type CatalogueEntry, LABELS, type LabelName, type Severity, type Text } from './catalogue.js';
import type { SourceText } from './source.js';

export type Lang = 'zh-CN' | 'en';

/** A message argument: plain text, a number, a localised text, a localised template, or a list of those. */
export type Arg = string | number | Text | Template | readonly Arg[];

export interface Template {
  readonly template: Text;
  readonly args: Args;
}
export type Args = Readonly<Record<string, Arg>>;

// ── Arguments typed by the text they fill: `{name}` placeholders (as `render` finds them) become required keys.
type WordChar =
  | 'a'
  | 'b'
  | 'c'
  | 'd'
  | 'e'
  | 'f'
  | 'g'
  | 'h'
  | 'i'
  | 'j'
  | 'k'
  | 'l'
  | 'm'
  | 'n'
  | 'o'
  | 'p'
  | 'q'
  | 'r'
  | 's'
  | 't'
  | 'u'
  | 'v'
  | 'w'
  | 'x'
  | 'y'
  | 'z'
  | Uppercase<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm'>
  | Uppercase<'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z'>
  | '0'
  | '1'
  | '2'
  | '3'
  | '4'
  | '5'
  | '6'
  | '7'
  | '8'
  | '9'
  | '_';
type IsWord<S extends string> = S extends `${infer C}${infer R}`
  ? C extends WordChar
    ? R extends ''
      ? true
      : IsWord<R>
    : false
  : false;
/** The names of the `{name}` placeholders in S; `string` when S is not a literal. */
export type Placeholders<S extends string> = string extends S
  ? string
  : S extends `${string}{${infer N}}${infer R}`
    ? IsWord<N> extends true
      ? N | Placeholders<R>
      : Placeholders<`${N}}${R}`>
    : never;
type TextPlaceholders<T extends Text> = Placeholders<T['zh']> | Placeholders<T['en']>;
/** The arguments a set of placeholder names asks for; any `Args` when the names are not known. */
export type ArgsFor<Names extends string> = string extends Names
  ? Args
  : [Names] extends [never]
    ? { readonly [name: string]: never }
    : { readonly [K in Names]: Arg };
/** The arguments a text takes. */
export type TextArgs<T extends Text> = ArgsFor<TextPlaceholders<T>>;
/** The arguments an entry takes: those of its message and of its hint. */
export type EntryArgs<E extends CatalogueEntry> = ArgsFor<
  TextPlaceholders<E['message']> | TextPlaceholders<E['hint']>
>;
/** `[args]` for a text with placeholders, `[args?]` for one without. */
export type ArgsParam<A> = A extends { readonly [name: string]: never } ? [args?: A] : [args: A];
/** The rest parameters of a reporting function: the entry's arguments, then its options. */
export type ArgsAndOptions<E extends CatalogueEntry, O> = [...ArgsParam<EntryArgs<E>>, options?: O];

/** A localised template with its arguments, checked against the text's placeholders. */
export function template<T extends Text>(text: T, ...[args]: ArgsParam<TextArgs<T>>): Template {
  return { template: text, args: (args ?? {}) as Args };
}

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface Location {
  readonly source: SourceText;
  readonly range: Range;
}

export interface Related extends Location {
  readonly label: LabelName;
}

/** A hint computed for one occurrence: a label and the arguments its text takes. */
export type Hint = {
  readonly [L in LabelName]: { readonly label: L; readonly args: TextArgs<(typeof LABELS)[L]> };
}[LabelName];

export interface Diagnostic {
  readonly entry: CatalogueEntry;
  readonly args: Args;
  readonly location?: Location;
  readonly related: readonly Related[];
  /** A hint computed for this occurrence (e.g. did-you-mean); otherwise the entry's own hint is used. */
  readonly hint?: Hint;
  /** Semantic path of the offending value (`kind:id/json/pointer`), stable across reformatting. */
  readonly path?: string;
  /** Recorded in the baseline given to `check --baseline`: listed, but it does not fail the run. */
  readonly baselined?: boolean;
}

export interface DiagnosticOptions {
  related?: readonly Related[];
  hint?: Hint;
  path?: string;
}

export function diagnostic<E extends CatalogueEntry>(
  entry: E,
  location: Location | undefined,
  ...rest: ArgsAndOptions<E, DiagnosticOptions>
): Diagnostic {
  const [args = {}, options = {}] = rest as unknown as [Args?, DiagnosticOptions?];
  return {
    entry,
    args,
    related: options.related ?? [],
    ...(location ? { location } : {}),
    ...(options.hint ? { hint: options.hint } : {}),
    ...(options.path ? { path: options.path } : {}),
  };
}

export function pick(text: Text, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}

function renderArg(arg: Arg, lang: Lang): string {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'number') return String(arg);
  if (Array.isArray(arg))
    return (arg as readonly Arg[]).map((a) => renderArg(a, lang)).join(lang === 'en' ? ', ' : '、');
  if ('template' in (arg as object)) return render((arg as Template).template, (arg as Template).args, lang);
  return pick(arg as Text, lang);
}

export function render<T extends Text>(template: T, args: TextArgs<T>, lang: Lang): string {
  return pick(template, lang).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (args as Args)[name];
    return value === undefined ? whole : renderArg(value, lang);
  });
}

export function messageOf(d: Diagnostic, lang: Lang): string {
  return render(d.entry.message, d.args, lang);
}

export function hintOf(d: Diagnostic, lang: Lang): string {
  if (d.hint) return render(LABELS[d.hint.label] as Text, d.hint.args as Args, lang);
  return render(d.entry.hint, d.args, lang);
}

export function labelOf(label: LabelName, lang: Lang): string {
  return pick(LABELS[label], lang);
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2, fatal: 3 };

/** Stable order: by file, then position, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.location?.source.path ?? '';
  const fb = b.location?.source.path ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const sa = a.location?.range.start ?? -1;
  const sb = b.location?.range.start ?? -1;
  if (sa !== sb) return sa - sb;
  if (a.entry.code !== b.entry.code) return a.entry.code < b.entry.code ? -1 : 1;
  return 0;
}
