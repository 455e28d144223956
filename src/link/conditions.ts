import { memoByText } from '../util/memo.js';
import { D, LABELS, TERMS, type Text } from '../diagnostics/catalogue.js';
import {
  type Diagnostic,
  diagnostic,
  type Hint,
  type Location,
  template,
} from '../diagnostics/diagnostic.js';
import { analyze, overlap } from '../language/condition/analyze.js';
import type { Expr } from '../language/condition/ast.js';
import { PATH_TOKEN, parseCondition, type SyntaxProblem } from '../language/condition/parser.js';
import { typecheck } from '../language/condition/typecheck.js';
import {
  type Environment,
  FIELD_TYPES,
  type FieldInfo,
  type TypeProblem,
  type ValueType,
} from '../language/condition/types.js';
import type { Doc } from '../model/document.js';
import type { Bundle, Field, Matter } from '../model/types.js';
import { quoteAll, suggest } from '../util/suggest.js';
import type { SymbolTable } from './link.js';

/** Conditions repeat across matters and across `--watch` runs: each text is parsed once. */
const parseConditionOnce = memoByText(parseCondition);

const VALUE_TYPES: Record<ValueType, Text> = {
  string: TERMS.valueString,
  number: TERMS.valueNumber,
  boolean: TERMS.valueBoolean,
  date: TERMS.valueDate,
  duration: TERMS.valueDuration,
  money: TERMS.valueMoney,
};

/** A compiled `when`, kept for later phases (generators). */
export interface CompiledCondition {
  readonly doc: Doc;
  readonly pointer: string;
  readonly text: string;
  readonly ast: Expr;
  readonly env: Environment;
}

/**
 * Fields a document's conditions may use: the dictionary, present when its form requires them. A Field
 * with schema or link errors is not in it (its type is unknown); `checkOne` does not call its uses unknown.
 */
export function environmentOf(table: SymbolTable, formFields: ReadonlyMap<string, boolean>): Environment {
  const fields = table.all('Field').filter((d) => table.isSound(d));
  return {
    lookup(path: string): FieldInfo | undefined {
      const doc = table.get('Field', path);
      if (!doc || !table.isSound(doc)) return undefined;
      const f = doc.value as unknown as Field & { options?: string[] };
      const type = FIELD_TYPES[f.type];
      if (!type) return undefined;
      return {
        path,
        type,
        integer: f.type === '整数',
        ...(f.type === '枚举' && f.options ? { options: f.options } : {}),
        required: formFields.get(path) === true,
        name: f.name,
      };
    },
    candidates(path: string): string[] {
      return suggest(
        path,
        fields.map((d) => ({ value: d.id!, aliases: [(d.value as unknown as Field).name] })),
      );
    },
  };
}

function formOf(m: Matter): Map<string, boolean> {
  const form = new Map<string, boolean>();
  for (const f of m.fields ?? []) form.set(f.field, f.required !== false || form.get(f.field) === true);
  return form;
}

/** Parse, type-check and analyse every `when` of matters and bundles. */
export function checkConditions(
  docs: readonly Doc[],
  table: SymbolTable,
  out: Diagnostic[],
): CompiledCondition[] {
  const compiled: CompiledCondition[] = [];
  for (const doc of docs) {
    if (!doc.schemaValid) continue;
    if (doc.kind === 'Matter') {
      const m = doc.value as unknown as Matter & Record<string, unknown>;
      const env = environmentOf(table, formOf(m));
      const whens: { pointer: string; text: string }[] = [];
      if (typeof m.eligible === 'string') whens.push({ pointer: '/eligible', text: m.eligible });
      for (const list of ['materials', 'steps', 'fields', 'conditions'] as const) {
        const items = (m[list] ?? []) as { when?: string }[];
        items.forEach((item, i) => {
          if (typeof item.when === 'string') whens.push({ pointer: `/${list}/${i}/when`, text: item.when });
        });
      }
      const asts = new Map<string, Expr>();
      for (const w of whens) {
        const ast = checkOne(doc, w.pointer, w.text, env, table, out);
        if (ast) {
          asts.set(w.pointer, ast);
          compiled.push({ doc, pointer: w.pointer, text: w.text, ast, env });
        }
      }
      checkVariants(doc, m, asts, env, out);
    } else if (doc.kind === 'Bundle') {
      const b = doc.value as unknown as Bundle;
      const form = new Map<string, boolean>();
      // The bundle's form is its components' forms: with one of them unknown (a matter with schema or
      // link errors), whether a field is always filled cannot be said, so the conditions are not judged.
      let known = true;
      for (const c of b.components ?? []) {
        const md = table.sound('Matter', c.matter);
        if (!md) {
          known &&= table.get('Matter', c.matter) === undefined;
          continue;
        }
        for (const [k, v] of formOf(md.value as unknown as Matter)) form.set(k, v || form.get(k) === true);
      }
      if (!known) continue;
      const env = environmentOf(table, form);
      if (typeof b.eligible === 'string') {
        const ast = checkOne(doc, '/eligible', b.eligible, env, table, out);
        if (ast) compiled.push({ doc, pointer: '/eligible', text: b.eligible, ast, env });
      }
      (b.components ?? []).forEach((c, i) => {
        if (typeof c.when !== 'string') return;
        const pointer = `/components/${i}/when`;
        const ast = checkOne(doc, pointer, c.when, env, table, out);
        if (ast) compiled.push({ doc, pointer, text: c.when, ast, env });
      });
    }
  }
  return compiled;
}

/**
 * Parse, type-check and analyse one `when`. A condition that uses a Field with schema or link errors is
 * judged only where that field plays no part: its use is not called unknown (the Field is left out, and
 * MC6040 says so in the Field's file), the other type problems still count, and the condition is neither
 * analysed nor compiled, so that no later phase draws a conclusion from a type it does not know.
 */
function checkOne(
  doc: Doc,
  pointer: string,
  text: string,
  env: Environment,
  table: SymbolTable,
  out: Diagnostic[],
): Expr | undefined {
  const at = (span: { start: number; end: number }) => ({
    source: doc.source,
    range: doc.locator.insideValue(pointer, doc.source.text, text, span.start, span.end),
  });
  const path = `${doc.kind}:${doc.id ?? '?'}${pointer}`;
  const parsed = parseConditionOnce(text);
  for (const p of parsed.problems) out.push(syntaxDiagnostic(p, at(p.span), path));
  if (!parsed.ast) return undefined;
  const typeProblems = typecheck(parsed.ast, env);
  for (const p of typeProblems) {
    if (p.kind === 'unknown-path' && table.get('Field', p.path) && !table.sound('Field', p.path)) continue;
    out.push(typeDiagnostic(p, at(p.span), path));
  }
  if (typeProblems.length > 0) return undefined;
  for (const f of analyze(parsed.ast, env)) {
    if (f.kind === 'always-false')
      out.push(diagnostic(D.conditionAlwaysFalse, at(f.span), { conflict: quoteAll(f.conflict) }, { path }));
    else out.push(diagnostic(D.conditionAlwaysTrue, at(f.span), {}, { path }));
  }
  return parsed.ast;
}

type At = Location;

function syntaxDiagnostic(p: SyntaxProblem, at: At, path: string): Diagnostic {
  switch (p.kind) {
    case 'unterminated-string':
      return diagnostic(D.unterminatedString, at, {}, { path });
    case 'bad-character':
      return diagnostic(D.conditionBadCharacter, at, { text: p.text }, { path });
    case 'unexpected':
      return diagnostic(D.conditionUnexpected, at, { found: p.found }, { path });
    case 'incomplete':
      return diagnostic(
        D.conditionIncomplete,
        at,
        {
          expected:
            p.expected.length > 0
              ? {
                  template: TERMS.expectedSuffix,
                  args: { expected: p.expected.map((x) => (x === PATH_TOKEN ? TERMS.fieldPath : x)) },
                }
              : '',
        },
        { path },
      );
  }
}

function typeDiagnostic(p: TypeProblem, at: At, path: string): Diagnostic {
  switch (p.kind) {
    case 'unknown-path': {
      const hint: Hint | undefined = p.missingSpace
        ? { label: 'missingSpace', args: { fixed: p.path.replace(/(且|或|非)/g, ' $1 ') } }
        : p.candidates.length > 0
          ? { label: 'didYouMean', args: { candidates: quoteAll(p.candidates) } }
          : undefined;
      return diagnostic(D.unknownField, at, { path: p.path }, { path, ...(hint ? { hint } : {}) });
    }
    case 'type-mismatch':
      return diagnostic(
        D.conditionTypeMismatch,
        at,
        { left: VALUE_TYPES[p.left], right: VALUE_TYPES[p.right], op: p.op },
        { path },
      );
    case 'not-boolean':
      return diagnostic(D.conditionNotBoolean, at, { found: VALUE_TYPES[p.found] }, { path });
    case 'not-ordered':
      return diagnostic(D.conditionNotOrdered, at, { type: VALUE_TYPES[p.type], op: p.op }, { path });
    case 'not-an-option': {
      const near = suggest(
        p.value,
        p.options.map((o) => ({ value: o })),
      );
      return diagnostic(
        D.notAnOption,
        at,
        { value: p.value, path: p.path, options: [...p.options] },
        {
          path,
          ...(near.length > 0
            ? { hint: { label: 'didYouMean' as const, args: { candidates: quoteAll(near) } } }
            : {}),
        },
      );
    }
    case 'possibly-absent':
      return diagnostic(D.possiblyAbsent, at, { path: p.path }, { path });
    case 'unit-mismatch':
      return diagnostic(D.durationUnitMismatch, at, {}, { path });
  }
}

/** Materials listed more than once (one per situation) must have exclusive conditions. */
function checkVariants(
  doc: Doc,
  m: Matter,
  asts: ReadonlyMap<string, Expr>,
  env: Environment,
  out: Diagnostic[],
): void {
  const byMaterial = new Map<string, number[]>();
  for (const [i, mat] of (m.materials ?? []).entries()) {
    byMaterial.set(mat.material, [...(byMaterial.get(mat.material) ?? []), i]);
  }
  for (const [material, indices] of byMaterial) {
    for (let x = 0; x < indices.length; x++) {
      for (let y = x + 1; y < indices.length; y++) {
        const pa = `/materials/${indices[x]}/when`;
        const pb = `/materials/${indices[y]}/when`;
        const a = asts.get(pa);
        const b = asts.get(pb);
        if (!a || !b) continue;
        const both = overlap(a, b, env);
        if (!both) continue;
        const witness = Object.entries(both.witness).map(([k, v]) =>
          v === null ? template(TERMS.absentField, { path: k }) : `${k} = ${v}`,
        );
        out.push(
          diagnostic(
            D.variantsOverlap,
            { source: doc.source, range: doc.locator.nearest(pb) },
            { material, witness: witness.length > 0 ? witness : LABELS.none },
            {
              path: `${doc.kind}:${doc.id ?? '?'}${pb}`,
              related: [{ source: doc.source, range: doc.locator.nearest(pa), label: 'variantHere' }],
            },
          ),
        );
      }
    }
  }
}
