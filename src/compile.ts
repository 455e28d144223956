import { type Stats, statSync } from 'node:fs';
import { makeContext } from './check/rule.js';
import { SPECIFIED_RULES } from './check/rules.js';
import { type Composition, composeAll } from './compose/index.js';
import { D, TERMS } from './diagnostics/catalogue.js';
import { compareDiagnostics, type Diagnostic, diagnostic } from './diagnostics/diagnostic.js';
import { SourceText } from './diagnostics/source.js';
import { checkCitations } from './link/citations.js';
import { type CompiledCondition, checkConditions } from './link/conditions.js';
import { link, type SymbolTable } from './link/link.js';
import { checkRefinements } from './refine/index.js';
import { collectInputs, type InputFile, type ProjectSettings } from './load/files.js';
import { DEFAULT_MAX_FILE_SIZE, readSource } from './load/read.js';
import type { Doc } from './model/document.js';
import { isKind, KIND_LABELS, KINDS } from './model/kinds.js';
import { PersistentCache } from './cache/persistent.js';
import { HelperPool, helperCount, type ParallelStats } from './parallel/pool.js';
import { lazyDocuments, parseFast } from './parse/fast.js';
import { firstLine, type ParsedDocument, parseYaml } from './parse/yaml.js';
import { validateDocument } from './schema/validate.js';
import { Interner } from './util/intern.js';
import { quoteAll, suggest } from './util/suggest.js';

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly maxFileSize?: number;
  /** The day waivers are checked against (YYYY-MM-DD); today by default. */
  readonly today?: string;
  /** Parsed files kept between runs (`check --watch`): unchanged files are not read or parsed again. */
  readonly cache?: CheckCache;
  /** The content-hash cache in `.matterc-cache/`: unchanged files are not parsed or validated again. */
  readonly persistent?: PersistentCache;
  /**
   * Share reading, parsing and validation with helper threads when there are enough files (parallel/).
   * The CLI turns it on; in-process callers that check many small trees are better off without.
   */
  readonly parallel?: boolean;
}

/**
 * What one run leaves for the next: each file's text, documents and read/parse/schema problems, by
 * absolute path, reused while the file's size and modification time are unchanged. Everything after
 * the schema phase (links, rules, refinement) depends on all files and always runs again.
 */
export class CheckCache {
  readonly files = new Map<string, CachedFile>();
  /** Files parsed and reused by the last run. */
  stats = { parsed: 0, reused: 0 };
  private readonly schema = new WeakMap<object, Diagnostic[]>();

  /** Forget a file (the watcher saw it change), whatever its time stamp says. */
  invalidate(path: string): void {
    this.files.delete(path);
  }

  schemaProblems(value: object, compute: () => Diagnostic[]): Diagnostic[] {
    let problems = this.schema.get(value);
    if (!problems) {
      problems = compute();
      this.schema.set(value, problems);
    }
    return problems;
  }
}

interface CachedFile {
  readonly size: number;
  readonly mtimeMs: number;
  readonly documents: readonly ParsedDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface CheckResult {
  readonly diagnostics: Diagnostic[];
  readonly files: number;
  readonly documents: readonly Doc[];
  readonly table: SymbolTable | undefined;
  /** Every `when` that parsed and type-checked, for generators. */
  readonly conditions: readonly CompiledCondition[];
  /** One composition per schema-valid Bundle: merged form, materials, workflow, metrics (compose/). */
  readonly compositions: readonly Composition[];
  /** Helper threads started for reading and parsing, and files they found clean (parallel/). */
  readonly parallel?: ParallelStats;
}

/** The whole compile, phase by phase: load → parse → schema → link → check → refine. */
export function check(options: CheckOptions): CheckResult {
  // Helpers start now, so that their start-up overlaps collecting the files; unneeded ones are stopped.
  const pool = options.parallel && !options.cache ? HelperPool.start(helperCount(Infinity)) : undefined;
  try {
    return checkWith(options, pool);
  } finally {
    pool?.stop();
  }
}

function checkWith(options: CheckOptions, pool: HelperPool | undefined): CheckResult {
  const phase = phaseTimer();
  const diagnostics: Diagnostic[] = [];
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const inputs = collectInputs(options.paths, options.cwd, (f) => readProject(f, maxFileSize, diagnostics));
  phase('collect');
  for (const path of inputs.missing) diagnostics.push(diagnostic(D.pathNotFound, undefined, { path }));
  if (inputs.missing.length > 0) return done(diagnostics, 0, [], undefined);
  if (inputs.files.length === 0) {
    diagnostics.push(
      diagnostic(D.noInput, undefined, { path: inputs.empty.join(' ') || options.paths.join(' ') || '.' }),
    );
    return done(diagnostics, 0, [], undefined);
  }
  const pending: PendingEntry[] = [];
  const reader = { maxFileSize, out: diagnostics, ...options, pending };
  const { parsed, parallel } = readAndParseAll(inputs.files, reader, pool);
  phase('read+parse');
  const docs = classify(parsed, diagnostics);
  for (const doc of docs) validateSchema(doc, diagnostics, options.cache);
  phase('schema');
  if (options.persistent) remember(options.persistent, pending, docs);
  phase('cache');
  const linked = link(docs);
  for (const d of linked.diagnostics) diagnostics.push(d);
  phase('link');
  checkCitations(docs, linked.table, diagnostics);
  phase('citations');
  const conditions = checkConditions(docs, linked.table, diagnostics);
  phase('conditions');
  runRules(docs, linked.table, diagnostics);
  phase('rules');
  const compositions = composeAll(docs, linked.table, diagnostics);
  phase('compose');
  checkRefinements(
    docs,
    linked.table,
    conditions,
    options.today ?? new Date().toISOString().slice(0, 10),
    diagnostics,
  );
  phase('refine');
  noteLeftOut(linked.table, diagnostics);
  const result = done(diagnostics, inputs.files.length, docs, linked.table, conditions, compositions);
  return parallel ? { ...result, parallel } : result;
}

/**
 * One note (MC6040) per document with errors that the cross-document phases (compose, refine) left
 * out: their consequences elsewhere are not reported, and this says which documents were not checked further.
 */
function noteLeftOut(table: SymbolTable, out: Diagnostic[]): void {
  for (const { doc, schema } of table.leftOut()) {
    const pointer = doc.id === undefined ? '' : '/id';
    out.push(
      diagnostic(
        D.notCheckedFurther,
        { source: doc.source, range: firstLine(doc.source, doc.locator.nearest(pointer)) },
        {
          kind: KIND_LABELS[doc.kind],
          id: doc.id ?? '?',
          reason: doc.broken ? TERMS.faultSyntax : schema ? TERMS.faultSchema : TERMS.faultLink,
        },
        { path: `${doc.kind}:${doc.id ?? '?'}` },
      ),
    );
  }
}

/** MATTERC_DEBUG_PHASES=1: each phase's wall time on stderr (for profiling at scale). */
function phaseTimer(): (name: string) => void {
  if (process.env['MATTERC_DEBUG_PHASES'] !== '1') return () => undefined;
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    process.stderr.write(`phase ${name}: ${Math.round(now - last)} ms\n`);
    last = now;
  };
}

function done(
  diagnostics: Diagnostic[],
  files: number,
  documents: Doc[],
  table: SymbolTable | undefined,
  conditions: CompiledCondition[] = [],
  compositions: Composition[] = [],
): CheckResult {
  return {
    diagnostics: diagnostics.sort(compareDiagnostics),
    files,
    documents,
    table,
    conditions,
    compositions,
  };
}

/** Values known to pass the schema (from the persistent cache): not validated again. */
const knownValid = new WeakSet<object>();

interface Reader {
  readonly maxFileSize: number;
  readonly out: Diagnostic[];
  readonly cache?: CheckCache;
  readonly persistent?: PersistentCache;
  /** Files parsed cleanly on the fast path in this run, to be remembered once validated. */
  readonly pending: PendingEntry[];
  /** The absolute path of the file a source was read from. */
  pathOf(source: SourceText): string;
}

interface PendingEntry {
  readonly path: string;
  readonly hash: string;
  readonly documents: readonly ParsedDocument[];
}

/** Parse a source: the fast path when it can, else the full parser. */
function parse(source: SourceText, reader: Reader, out: Diagnostic[]): ParsedDocument[] {
  const persistent = reader.persistent;
  const hash = persistent ? PersistentCache.hash(source.text) : '';
  const absolute = reader.pathOf(source);
  const cached = persistent?.get(absolute, hash);
  if (cached) {
    return lazyDocuments(
      reread({ path: absolute, display: source.path }, reader.maxFileSize),
      cached.documents,
    ).map((d, i) => {
      if (cached.schemaValid[i] && d.value !== null && typeof d.value === 'object') knownValid.add(d.value);
      return d;
    });
  }
  const fast = parseFast(source);
  if (fast) {
    if (persistent) reader.pending.push({ path: absolute, hash, documents: fast.documents });
    return fast.documents;
  }
  const result = parseYaml(source);
  for (const d of result.diagnostics) out.push(d);
  return result.documents;
}

/** Record this run's clean parses in the persistent cache, with their schema verdicts, and save it. */
function remember(persistent: PersistentCache, pending: readonly PendingEntry[], docs: readonly Doc[]): void {
  const valid = new Map<unknown, boolean>(docs.map((d) => [d.value, d.schemaValid]));
  for (const entry of pending) {
    persistent.set(entry.path, entry.hash, {
      documents: entry.documents.map((d) => d.value),
      schemaValid: entry.documents.map((d) => valid.get(d.value) === true),
    });
  }
  persistent.save();
}

/**
 * Read and parse every file, in file order. A cold run over many files shares the reading, parsing
 * and schema validation with helper threads (parallel/); a file a helper found clean arrives as values
 * only, exactly like a persistent-cache hit, and anything else is done here the ordinary way.
 * With a persistent cache, helpers take a file's values from its line there when its hash matches.
 * Watch mode (in-memory cache) stays on this thread.
 */
function readAndParseAll(
  files: readonly InputFile[],
  reader: Omit<Reader, 'pathOf'>,
  pool: HelperPool | undefined,
): { parsed: ParsedDocument[]; parallel?: ParallelStats } {
  const helpers = pool ? Math.min(pool.size, helperCount(files.length)) : 0;
  if (!pool || helpers === 0) return { parsed: files.flatMap((f) => readAndParse(f, reader)) };
  const results: ParsedDocument[][] = new Array(files.length);
  const persistent = reader.persistent;
  const interner = new Interner();
  const parallel = pool.run(
    files,
    {
      maxFileSize: reader.maxFileSize,
      hash: persistent !== undefined,
      helpers,
      ...(persistent && persistent.size > 0
        ? { cache: { file: persistent.file, slots: files.map((f) => persistent.slot(f.path)) } }
        : {}),
    },
    {
      local: (index) => {
        results[index] = readAndParse(files[index]!, reader);
      },
      clean: ({ index, values, hash, cached }) => {
        const file = files[index]!;
        for (const value of values) interner.intern(value);
        const documents = lazyDocuments(reread(file, reader.maxFileSize), values);
        for (const d of documents) knownValid.add(d.value as object);
        if (cached) persistent?.keep(file.path);
        else if (persistent && hash !== undefined) reader.pending.push({ path: file.path, hash, documents });
        results[index] = documents;
      },
    },
  );
  return { parsed: results.flat(), parallel };
}

/**
 * The source of a file whose values are known (from a helper thread or the cache): its text is read
 * again only when a diagnostic needs a position, so the texts of clean files are not kept in memory.
 * A file changed since it was parsed gives its new text (positions are clamped to it).
 */
function reread(file: InputFile, maxFileSize: number): SourceText {
  return SourceText.lazy(file.display, () => readSource(file, maxFileSize, [])?.text ?? '');
}

/** Read and parse a file, or take both from the cache when the file is unchanged since. */
function readAndParse(file: InputFile, reader: Omit<Reader, 'pathOf'>): ParsedDocument[] {
  const { maxFileSize, out, cache } = reader;
  const withPath = { ...reader, pathOf: () => file.path };
  if (!cache) {
    const source = readSource(file, maxFileSize, out);
    return source ? parse(source, withPath, out) : [];
  }
  let st: Stats | undefined;
  try {
    st = statSync(file.path);
  } catch {
    st = undefined; // reported by readSource below
  }
  const cached = cache.files.get(file.path);
  if (cached && st && cached.size === st.size && cached.mtimeMs === st.mtimeMs) {
    cache.stats.reused++;
    for (const d of cached.diagnostics) out.push(d);
    return [...cached.documents];
  }
  cache.stats.parsed++;
  const diagnostics: Diagnostic[] = [];
  const source = readSource(file, maxFileSize, diagnostics);
  const documents = source ? parse(source, withPath, diagnostics) : [];
  for (const d of diagnostics) out.push(d);
  if (st) cache.files.set(file.path, { size: st.size, mtimeMs: st.mtimeMs, documents, diagnostics });
  else cache.files.delete(file.path);
  return documents;
}

/** Give each parsed document its kind; documents without a known kind stop here. */
function classify(parsed: readonly ParsedDocument[], out: Diagnostic[]): Doc[] {
  const docs: Doc[] = [];
  for (const p of parsed) {
    if (p.value === null || typeof p.value !== 'object' || Array.isArray(p.value)) continue;
    const value = p.value as Record<string, unknown>;
    const kind = value['kind'];
    if (!isKind(kind)) {
      if (p.broken) continue;
      const at = { source: p.source, range: firstLine(p.source, p.locator.container('')) };
      if (kind === undefined) out.push(diagnostic(D.missingKind, at));
      else if (kind === 'Project') {
        out.push(
          diagnostic(D.projectOutsideProjectFile, { source: p.source, range: p.locator.nearest('/kind') }),
        );
      } else {
        const candidates = suggest(
          String(kind),
          KINDS.map((k) => ({ value: k })),
        );
        out.push(
          diagnostic(
            D.unknownKind,
            { source: p.source, range: p.locator.nearest('/kind') },
            { kind: String(kind) },
            {
              ...(candidates.length > 0
                ? { hint: { label: 'didYouMean', args: { candidates: quoteAll(candidates) } } }
                : {}),
            },
          ),
        );
      }
      continue;
    }
    const id = typeof value['id'] === 'string' ? value['id'] : undefined;
    docs.push({ ...p, kind, id, schemaValid: false });
  }
  return docs;
}

function validateSchema(doc: Doc, out: Diagnostic[], cache: CheckCache | undefined): void {
  if (doc.broken) return;
  if (doc.value !== null && typeof doc.value === 'object' && knownValid.has(doc.value)) {
    doc.schemaValid = true;
    return;
  }
  const compute = () => validateDocument(doc, doc.kind, `${doc.kind}:${doc.id ?? '?'}`);
  const problems =
    cache && doc.value !== null && typeof doc.value === 'object'
      ? cache.schemaProblems(doc.value, compute)
      : compute();
  for (const d of problems) out.push(d);
  doc.schemaValid = problems.length === 0;
}

function runRules(docs: readonly Doc[], table: SymbolTable, out: Diagnostic[]): void {
  for (const doc of docs) {
    if (!doc.schemaValid) continue;
    const ctx = makeContext(doc, table, out);
    for (const rule of SPECIFIED_RULES) if (rule.kind === doc.kind) rule.check(doc.value, ctx);
  }
}

/** Read a matterc.yaml: its diagnostics join the others; unusable settings fall back to defaults. */
function readProject(file: InputFile, maxFileSize: number, out: Diagnostic[]): ProjectSettings {
  const source = readSource(file, maxFileSize, out);
  if (!source) return {};
  const { documents, diagnostics } = parseYaml(source);
  for (const d of diagnostics) out.push(d);
  const doc = documents[0];
  if (!doc || doc.broken) return {};
  const problems = validateDocument(doc, 'Project', 'Project:');
  for (const d of problems) out.push(d);
  return problems.length === 0 ? (doc.value as ProjectSettings) : {};
}
