/**
 * `expectCode(produced, 'MC1007')` asserts that a run produced that diagnostic code. Besides the
 * test cases' expected.json files, its calls are the record test/meta.test.ts reads to hold that every
 * catalogue code is produced by some test: pass the code as a literal so that the call can be found.
 */
import { expect } from 'vitest';

/** What a test holds after a run: diagnostics (as objects or JSON), or a CLI result or its output. */
export type Produced =
  | string
  | { readonly stdout: string; readonly stderr: string }
  | { readonly diagnostics: readonly unknown[] }
  | readonly unknown[];

function codesOf(produced: Produced): string[] {
  if (typeof produced === 'string') return [...produced.matchAll(/\bMC\d{4}\b/g)].map((m) => m[0]);
  if ('stdout' in produced) return codesOf(`${produced.stdout}\n${produced.stderr}`);
  const list = 'diagnostics' in produced ? produced.diagnostics : (produced as readonly unknown[]);
  return list.flatMap((d) => {
    if (typeof d === 'string') return codesOf(d);
    const o = d as { code?: unknown; entry?: { code?: unknown }; ruleId?: unknown; check_name?: unknown };
    const code = o.code ?? o.entry?.code ?? o.ruleId ?? o.check_name;
    return typeof code === 'string' ? [code] : [];
  });
}

/** Assert that `code` is among the codes `produced` holds; returns how many times it occurs. */
export function expectCode(produced: Produced, code: string): number {
  const codes = codesOf(produced);
  const n = codes.filter((c) => c === code).length;
  expect(n, `${code} was not produced (got ${[...new Set(codes)].join(', ') || 'nothing'})`).toBeGreaterThan(
    0,
  );
  return n;
}
