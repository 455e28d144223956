import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { type Diagnostic, messageOf } from '../diagnostics/diagnostic.js';
import type { Doc } from '../model/document.js';

/**
 * A baseline records the problems a repository had when it adopted matterc, so that only new ones
 * fail. Entries are keyed by code and semantic path (`Matter:id/materials/@entry-id/necessity`:
 * document id and element ids, never lines or array positions), so reformatting, moving files and
 * inserting items elsewhere keep them matched. Problems without a semantic path (a YAML syntax
 * error) are keyed by file and message.
 */
export interface BaselineEntry {
  readonly code: string;
  readonly path?: string;
  readonly file?: string;
  /** The zh-CN message, for people reading the file; part of the key only without a path. */
  readonly message: string;
  readonly count: number;
}

export interface Baseline {
  readonly version: 1;
  readonly problems: readonly BaselineEntry[];
}

type Json = unknown;

/** The semantic path with array positions replaced by the element's id where it has one. */
export function stablePath(path: string, documents: readonly Doc[]): string {
  const match = /^([A-Za-z]+):([^/]*)(\/.*)?$/.exec(path);
  if (!match) return path;
  const [, kind, id, pointer = ''] = match;
  const doc = documents.find((d) => d.kind === kind && d.id === id);
  if (!doc) return path;
  let value: Json = doc.value;
  const out: string[] = [];
  for (const part of pointer.split('/').slice(1)) {
    if (Array.isArray(value) && /^\d+$/.test(part)) {
      const element: Json = value[Number(part)];
      const key =
        element !== null && typeof element === 'object'
          ? ((element as Record<string, Json>)['id'] ?? (element as Record<string, Json>)['field'])
          : undefined;
      out.push(typeof key === 'string' ? `@${key}` : part);
      value = element;
      continue;
    }
    out.push(part);
    value = value !== null && typeof value === 'object' ? (value as Record<string, Json>)[part] : undefined;
  }
  return `${kind}:${id}${out.map((p) => `/${p}`).join('')}`;
}

function keyOf(d: Diagnostic, documents: readonly Doc[]): Omit<BaselineEntry, 'count'> {
  const message = messageOf(d, 'zh-CN');
  if (d.path) return { code: d.entry.code, path: stablePath(d.path, documents), message };
  return { code: d.entry.code, ...(d.location ? { file: d.location.source.path } : {}), message };
}

const identity = (e: Omit<BaselineEntry, 'count'>) =>
  e.path !== undefined ? `${e.code}\u0000${e.path}` : `${e.code}\u0000${e.file ?? ''}\u0000${e.message}`;

/** The baseline of a run: every problem that is not fatal, counted by key, in a stable order. */
export function makeBaseline(diagnostics: readonly Diagnostic[], documents: readonly Doc[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const d of diagnostics) {
    if (d.entry.severity === 'fatal') continue;
    const key = keyOf(d, documents);
    const id = identity(key);
    const seen = entries.get(id);
    entries.set(id, { ...key, message: seen?.message ?? key.message, count: (seen?.count ?? 0) + 1 });
  }
  const problems = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  return { version: 1, problems };
}

export function printBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** Parse a baseline file; undefined with the reason when it is not one. */
export function parseBaseline(text: string): { baseline: Baseline } | { error: string } {
  let data: Json;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const d = data as { version?: Json; problems?: Json };
  if (d === null || typeof d !== 'object' || d.version !== 1 || !Array.isArray(d.problems))
    return { error: '{ "version": 1, "problems": [...] }' };
  for (const [i, p] of (d.problems as Json[]).entries()) {
    const e = p as Record<string, Json>;
    const ok =
      e !== null &&
      typeof e === 'object' &&
      typeof e['code'] === 'string' &&
      typeof e['message'] === 'string' &&
      Number.isInteger(e['count']) &&
      (e['count'] as number) > 0 &&
      (e['path'] === undefined || typeof e['path'] === 'string') &&
      (e['file'] === undefined || typeof e['file'] === 'string');
    if (!ok) return { error: `problems[${i}]` };
  }
  return { baseline: data as Baseline };
}

/**
 * Mark the problems recorded in the baseline (as many of each key as were recorded) and return the
 * entries no longer seen, so that the file can be trimmed.
 */
export function applyBaseline(
  diagnostics: readonly Diagnostic[],
  documents: readonly Doc[],
  baseline: Baseline,
): { diagnostics: Diagnostic[]; stale: number } {
  const remaining = new Map<string, number>();
  for (const e of baseline.problems) remaining.set(identity(e), (remaining.get(identity(e)) ?? 0) + e.count);
  const marked = diagnostics.map((d) => {
    if (d.entry.severity === 'fatal') return d;
    const id = identity(keyOf(d, documents));
    const left = remaining.get(id) ?? 0;
    if (left === 0) return d;
    remaining.set(id, left - 1);
    return { ...d, baselined: true };
  });
  let stale = 0;
  for (const n of remaining.values()) stale += n;
  return { diagnostics: marked, stale };
}

/** Write a file through a sibling temporary file and a rename; the error message on failure. */
export function writeFileAtomically(path: string, text: string): string | undefined {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return (error as Error).message;
  }
}
