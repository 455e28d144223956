/**
 * One condition, four executable forms, identical answers: the portable interpreter (also run inside
 * an empty JavaScript context, as a browser page would), FEEL through feelin, JSON Schema through ajv,
 * and JUEL through Tomcat's Jakarta EL (the Unified EL that Camunda 7 and Flowable evaluate).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { evaluate as feelEvaluate } from 'feelin';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/compile.js';
import type { Expr, Literal } from '../../src/language/condition/ast.js';
import { stripSpans } from '../../src/language/condition/ast.js';
import { evaluate } from '../../src/language/condition/interpreter.js';
import { parseCondition } from '../../src/language/condition/parser.js';
import { printCondition } from '../../src/language/condition/printer.js';
import { toFeel, toJsonSchema, toJuel, toPortable } from '../../src/language/condition/targets.js';
import { typecheck } from '../../src/language/condition/typecheck.js';
import type { Environment, FieldInfo } from '../../src/language/condition/types.js';
import { ROOT } from '../helpers/run.js';
import { JUEL_JARS, requireTool, skipNote } from '../helpers/tools.js';

let seed = 20261122;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

// ── generated conditions over a fixed dictionary ──────────────────────────────────────────────────

const FIELDS: FieldInfo[] = [
  { path: '申请人.年龄', type: 'number', integer: true, required: true },
  { path: '申请人.户籍地', type: 'string', options: ['本省', '外省', '境外'], required: true },
  { path: '申请人.已婚', type: 'boolean', required: true },
  { path: '申请人.出生日期', type: 'date', required: true },
  { path: '申请人.月收入', type: 'money', required: false },
  { path: '父亲.姓名', type: 'string', required: false },
  { path: '𠀋𠀀.等级', type: 'number', integer: true, required: false },
];
const ENV: Environment = { lookup: (p) => FIELDS.find((f) => f.path === p), candidates: () => [] };
const SPAN = { start: 0, end: 0 };
const path = (p: string): Expr => ({ type: 'path', path: p, span: SPAN });
const lit = (kind: Literal['kind'], value: unknown): Expr =>
  ({ type: 'literal', kind, value, span: SPAN }) as Expr;
const and = (left: Expr, right: Expr): Expr => ({ type: 'and', left, right, span: SPAN });
const or = (left: Expr, right: Expr): Expr => ({ type: 'or', left, right, span: SPAN });
const not = (arg: Expr): Expr => ({ type: 'not', arg, span: SPAN });
const cmp = (op: '==' | '!=' | '<' | '<=' | '>' | '>=', left: Expr, right: Expr): Expr => ({
  type: 'compare',
  op,
  left,
  right,
  span: SPAN,
});
const exists = (p: string): Expr => ({
  type: 'exists',
  arg: { type: 'path', path: p, span: SPAN },
  span: SPAN,
});

const ORDER = ['==', '!=', '<', '<=', '>', '>='] as const;
const AGES = [0, 17, 18, 59, 60, 61, 100];
const DATES = ['2023-12-31', '2024-01-01', '2024-06-30'];
const NAMES = ['张三', '李四'];

function atom(): Expr {
  switch (Math.floor(random() * 8)) {
    case 0:
      return cmp(pick(ORDER), path('申请人.年龄'), lit('number', pick(AGES)));
    case 1:
      return random() < 0.5
        ? cmp(
            pick(['==', '!='] as const),
            path('申请人.户籍地'),
            lit('string', pick(['本省', '外省', '境外'])),
          )
        : {
            type: 'in',
            negated: random() < 0.3,
            value: path('申请人.户籍地'),
            list: [lit('string', '本省'), lit('string', pick(['外省', '境外']))],
            span: SPAN,
          };
    case 2:
      return random() < 0.5
        ? path('申请人.已婚')
        : cmp('==', path('申请人.已婚'), lit('boolean', random() < 0.5));
    case 3:
      return cmp(pick(ORDER), path('申请人.出生日期'), lit('date', pick(DATES)));
    case 4: {
      const guarded = cmp(pick(ORDER), path('申请人.月收入'), lit('money', pick([0, 3000, 5000])));
      return random() < 0.5
        ? and(exists('申请人.月收入'), guarded)
        : or(not(exists('申请人.月收入')), guarded);
    }
    case 5:
      return random() < 0.5
        ? exists('父亲.姓名')
        : and(
            exists('父亲.姓名'),
            cmp(pick(['==', '!='] as const), path('父亲.姓名'), lit('string', pick(NAMES))),
          );
    case 6:
      return and(exists('𠀋𠀀.等级'), cmp(pick(ORDER), path('𠀋𠀀.等级'), lit('number', pick([1, 2, 3]))));
    default:
      return cmp(
        pick(['>', '<='] as const),
        {
          type: 'arith',
          op: pick(['+', '-', '*'] as const),
          left: path('申请人.年龄'),
          right: lit('number', pick([1, 2, 10])),
          span: SPAN,
        },
        lit('number', pick(AGES)),
      );
  }
}

function condition(depth: number): Expr {
  if (depth === 0 || random() < 0.3) return atom();
  const r = random();
  if (r < 0.4) return and(condition(depth - 1), condition(depth - 1));
  if (r < 0.8) return or(condition(depth - 1), condition(depth - 1));
  return not(condition(depth - 1));
}

function persona(fields: readonly FieldInfo[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of fields) {
    const parts = f.path.split('.');
    let cur = data;
    for (const p of parts.slice(0, -1)) {
      if (cur[p] === undefined) cur[p] = {};
      cur = cur[p] as Record<string, unknown>;
    }
    if (!f.required && random() < 0.35) continue;
    let v: unknown;
    if (f.options) v = pick(f.options);
    else if (f.type === 'number') v = pick([...AGES, 1, 2, 3, Math.floor(random() * 100)]);
    else if (f.type === 'money') v = pick([0, 2999, 3000, 5000, 8000]);
    else if (f.type === 'boolean') v = random() < 0.5;
    else if (f.type === 'date') v = pick([...DATES, '2025-03-01', '2020-02-29']);
    else v = pick([...NAMES, '王五']);
    cur[parts[parts.length - 1]!] = v;
  }
  return data;
}

// ── executable targets ────────────────────────────────────────────────────────────────────────────

const ajv = new Ajv2020({ strict: false });

/** The interpreter's compiled file, run in a context with no Node or browser globals at all. */
function sandboxedInterpreter(): (e: unknown, data: unknown) => boolean {
  const file = join(ROOT, 'dist/language/condition/interpreter.js');
  const code = readFileSync(file, 'utf8').replace(/^export /gm, '');
  const context = vm.createContext({});
  vm.runInContext(`${code}\nthis.evaluate = evaluate;`, context);
  const run = (context as { evaluate: (e: unknown, d: unknown) => boolean }).evaluate;
  // Data crosses the context boundary as JSON, as it would from a page's form.
  return (e, data) => run(JSON.parse(JSON.stringify(e)), JSON.parse(JSON.stringify(data)));
}

// CI installs the JDK and Tomcat's EL (.ci/run); a machine without them skips the JUEL tests, and says so.
const juelRuns = requireTool('juel', "test/unit/condition-targets.test.ts › JUEL (Tomcat's EL) agrees");
const work = mkdtempSync(join(tmpdir(), 'matterc-juel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function juelRunner(): (cases: { juel: string; data: Record<string, unknown> }[]) => string[] {
  const cp = JUEL_JARS.join(':');
  const javac = spawnSync(
    'javac',
    ['-encoding', 'UTF-8', '-cp', cp, '-d', work, join(ROOT, 'test/juel/EvalEl.java')],
    { encoding: 'utf8' },
  );
  if (javac.status !== 0) throw new Error(javac.stderr);
  return (cases) => {
    const flat = (data: Record<string, unknown>, prefix = ''): string[] =>
      Object.entries(data).flatMap(([k, v]) => {
        const p = prefix ? `${prefix}.${k}` : k;
        if (v !== null && typeof v === 'object')
          return Object.keys(v).length === 0 ? [] : flat(v as Record<string, unknown>, p);
        const type = typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's';
        return [
          `${p}=${type}:${String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')}`,
        ];
      });
    // Every root object exists (possibly empty) so that absent fields read as null, as in a process.
    const roots = (data: Record<string, unknown>) => Object.keys(data).map((k) => `${k}.__root__=s:`);
    const input = cases.map((c) => [c.juel, ...roots(c.data), ...flat(c.data)].join('\t')).join('\n');
    const r = spawnSync('java', ['-cp', `${cp}:${work}`, 'EvalEl'], {
      input,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.trimEnd().split('\n');
  };
}

interface Subject {
  readonly name: string;
  readonly ast: Expr;
  readonly fields: readonly FieldInfo[];
}

function agree(subjects: readonly Subject[], personasEach: number) {
  const sandboxed = sandboxedInterpreter();
  const juelCases: JuelCase[] = [];
  let feelChecked = 0;
  let schemaChecked = 0;
  for (const s of subjects) {
    const portable = toPortable(s.ast);
    const typeOf = (p: string) => s.fields.find((f) => f.path === p)?.type;
    const feel = toFeel(s.ast, typeOf);
    const schema = toJsonSchema(s.ast);
    const validate = schema === undefined ? undefined : ajv.compile(schema as object);
    const juel = toJuel(s.ast);
    for (let n = 0; n < personasEach; n++) {
      const data = persona(s.fields);
      const expected = evaluate(portable, data);
      expect(sandboxed(portable, data), `${s.name} sandboxed ${JSON.stringify(data)}`).toBe(expected);
      if (feel !== undefined) {
        const result = feelEvaluate(feel.slice(2), data).value;
        expect(result === true, `${s.name}\nFEEL ${feel}\n${JSON.stringify(data)}`).toBe(expected);
        feelChecked++;
      }
      if (validate) {
        expect(validate(data), `${s.name}\nschema ${JSON.stringify(schema)}\n${JSON.stringify(data)}`).toBe(
          expected,
        );
        schemaChecked++;
      }
      if (juel !== undefined) juelCases.push({ juel, data, expected, name: s.name });
    }
  }
  return { juelCases, feelChecked, schemaChecked };
}

interface JuelCase {
  juel: string;
  data: Record<string, unknown>;
  expected: boolean;
  name: string;
}

function checkJuel(cases: JuelCase[] | undefined) {
  if (cases === undefined) throw new Error('the JUEL cases come from the test before, which failed');
  const run = juelRunner();
  const results = run(cases);
  cases.forEach((c, i) => {
    expect(results[i], `${c.name}\nJUEL ${c.juel}\n${JSON.stringify(c.data)}`).toBe(String(c.expected));
  });
}

describe('conditions: targets agree', () => {
  // The JUEL runs need a JDK; they are tests of their own so that a machine without one reports them
  // as skipped, not passed. They check the cases the test before each collected.
  let shippedJuel: JuelCase[] | undefined;
  let generatedJuel: JuelCase[] | undefined;

  it('on every shipped condition, for 200 personas each', () => {
    const subjects: Subject[] = [];
    for (const paths of [['matters'], ['examples/guangdong']]) {
      const result = check({ paths, cwd: ROOT });
      expect(result.diagnostics.filter((d) => d.entry.severity === 'error')).toEqual([]);
      for (const c of result.conditions) {
        const fields = collectPaths(c.ast).map((p) => c.env.lookup(p)!);
        subjects.push({ name: `${c.doc.source.path}${c.pointer}: ${c.text}`, ast: c.ast, fields });
      }
    }
    expect(subjects.length).toBeGreaterThanOrEqual(4);
    shippedJuel = agree(subjects, 200).juelCases;
  });

  it("JUEL (Tomcat's EL) agrees on every shipped condition", (ctx) => {
    ctx.skip(!juelRuns, skipNote('juel'));
    checkJuel(shippedJuel);
  });

  it('on 150 generated well-typed conditions, for 200 personas each', () => {
    const subjects: Subject[] = [];
    for (let i = 0; i < 150; i++) {
      const ast = condition(3);
      expect(typecheck(ast, ENV), printCondition(ast)).toEqual([]);
      subjects.push({ name: printCondition(ast), ast, fields: FIELDS });
    }
    const { juelCases, feelChecked, schemaChecked } = agree(subjects, 200);
    expect(feelChecked).toBeGreaterThan(25_000);
    expect(schemaChecked).toBeGreaterThan(5_000);
    generatedJuel = juelCases;
  }, 180_000);

  it("JUEL (Tomcat's EL) agrees on the 150 generated conditions", (ctx) => {
    ctx.skip(!juelRuns, skipNote('juel'));
    checkJuel(generatedJuel);
  }, 180_000);
});

describe('conditions: printing', () => {
  it('print then re-parse yields the same AST, for 1,000 generated conditions', () => {
    for (let i = 0; i < 1000; i++) {
      const ast = condition(4);
      const text = printCondition(ast);
      const again = parseCondition(text);
      expect(again.problems, text).toEqual([]);
      expect(stripSpans(again.ast!), text).toEqual(stripSpans(ast));
      expect(printCondition(again.ast!)).toBe(text);
    }
  });
});

function collectPaths(e: Expr): string[] {
  const out = new Set<string>();
  const visit = (x: Expr): void => {
    if (x.type === 'path') out.add(x.path);
    else if (x.type === 'exists') out.add(x.arg.path);
    else if ('left' in x) {
      visit(x.left);
      visit(x.right);
    } else if (x.type === 'not' || x.type === 'neg') visit(x.arg);
    else if (x.type === 'in') {
      visit(x.value);
      for (const item of x.list) visit(item);
    }
  };
  visit(e);
  return [...out];
}
