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

export interface Hint {
  readonly label: LabelName;
  readonly args: Args;
}

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

export function diagnostic(
  entry: CatalogueEntry,
  location: Location | undefined,
  args: Args = {},
  options: DiagnosticOptions = {},
): Diagnostic {
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

export function render(template: Text, args: Args, lang: Lang): string {
  return pick(template, lang).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = args[name];
    return value === undefined ? whole : renderArg(value, lang);
  });
}

export function messageOf(d: Diagnostic, lang: Lang): string {
  return render(d.entry.message, d.args, lang);
}

export function hintOf(d: Diagnostic, lang: Lang): string {
  if (d.hint) return render(LABELS[d.hint.label], d.hint.args, lang);
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
