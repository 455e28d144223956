/**
 * `matterc fmt`, end to end through the built CLI on temporary copies: the cases in test/fixtures/fmt/
 * (input.yaml → expected.yaml; a case without expected.yaml must come out byte for byte unchanged), line
 * endings and BOMs, files that cannot be formatted, --check and --diff, projects, atomic writes; then the
 * whole shipped corpus (matters/, examples/ and every test/cases fixture that parses): idempotent, every
 * comment kept, and the compiled model and its diagnostics the same before and after.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { Parser } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../src/compile.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { SourceText } from '../src/diagnostics/source.js';
import { formatText, type Step } from '../src/fmt/format.js';
import { fullWidthPunctuation, trimLineEnds } from '../src/fmt/prose.js';
import { fmt } from '../src/fmt/run.js';
import { parseCitation } from '../src/language/citation/index.js';
import { parseDuration } from '../src/language/duration.js';
import { parseYaml } from '../src/parse/yaml.js';
import { matterc, ROOT } from './helpers/run.js';
import { expectCode } from './helpers/expect-code.js';

const FIXTURES = join(ROOT, 'test/fixtures/fmt');
const tmp = mkdtempSync(join(tmpdir(), 'matterc-fmt-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (path: string) => readFileSync(path, 'utf8');
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** Every comment of a YAML text, as yaml's own CST has them (trailing whitespace aside), sorted. */
function commentTexts(text: string): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const token = node as { type?: unknown; source?: unknown };
    if (token.type === 'comment' && typeof token.source === 'string') out.push(token.source.trimEnd());
    for (const value of Object.values(node)) visit(value);
  };
  for (const token of new Parser().parse(text.replace(/^\ufeff/, ''))) visit(token);
  return out.sort();
}

function files(dir: string, filter: (name: string) => boolean = (n) => /\.ya?ml$/.test(n)): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(full, filter));
    else if (filter(e.name)) out.push(full);
  }
  return out.sort();
}

function scratch(name: string, content: Record<string, string | Buffer>): string {
  const dir = join(tmp, name);
  for (const [file, text] of Object.entries(content)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

const SHUFFLED = 'id: m\nkind: Matter\nname: 示例\nstatutoryLimit: 20工作日\n';
const SHUFFLED_FORMATTED = 'kind: Matter\nid: m\nname: 示例\nstatutoryLimit: 20个工作日\n';

describe('matterc fmt: fixture cases (test/fixtures/fmt)', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(name, () => {
      const input = read(join(FIXTURES, name, 'input.yaml'));
      const expectedFile = join(FIXTURES, name, 'expected.yaml');
      const expected = existsSync(expectedFile) ? read(expectedFile) : input;
      const dir = scratch(`case-${name}`, { 'input.yaml': input });
      const r = matterc(['fmt', 'input.yaml'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = read(join(dir, 'input.yaml'));
      expect(out).toBe(expected);
      if (expected !== input) expect(r.stdout).toContain('已格式化 input.yaml（');
      else expect(r.stdout).not.toContain('已格式化');
      expect(commentTexts(out)).toEqual(commentTexts(input));
      const again = matterc(['fmt', '--check', 'input.yaml'], { cwd: dir });
      expect(again.status).toBe(0);
      expect(again.stdout).toBe('共 1 个文件：0 个需要格式化，0 个无法格式化\n');
    });
  }

  it('has a case for each normalization and one that must not change at all', () => {
    const names = readdirSync(FIXTURES);
    for (const n of ['comments-move-with-keys', 'punctuation', 'durations', 'citations', 'multi-document'])
      expect(names).toContain(n);
    expect(names.some((n) => !existsSync(join(FIXTURES, n, 'expected.yaml')))).toBe(true);
  });
});

describe('matterc fmt: what it keeps', () => {
  it('keeps CRLF line endings and a byte order mark', () => {
    const input = read(join(FIXTURES, 'comments-move-with-keys/input.yaml'));
    const expected = read(join(FIXTURES, 'comments-move-with-keys/expected.yaml'));
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const dir = scratch('line-endings', {
      'crlf.yaml': crlf(input),
      'bom.yaml': `\ufeff${input}`,
      'bom-crlf.yaml': `\ufeff${crlf(input)}`,
    });
    const r = matterc(['fmt', '.'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'crlf.yaml'))).toEqual(Buffer.from(crlf(expected)));
    expect(readFileSync(join(dir, 'bom.yaml'))).toEqual(Buffer.from(`\ufeff${expected}`));
    expect(readFileSync(join(dir, 'bom-crlf.yaml'))).toEqual(Buffer.from(`\ufeff${crlf(expected)}`));
    expect(matterc(['fmt', '--check', '.'], { cwd: dir }).status).toBe(0);
  });

  it('replaces files atomically: permissions and symbolic links kept, no temporary file left', () => {
    const dir = scratch('atomic', { 'real/m.yaml': SHUFFLED });
    chmodSync(join(dir, 'real/m.yaml'), 0o640);
    symlinkSync('real/m.yaml', join(dir, 'link.yaml'));
    const r = matterc(['fmt', 'link.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.yaml'))).toBe('real/m.yaml');
    expect(read(join(dir, 'real/m.yaml'))).toBe(SHUFFLED_FORMATTED);
    expect(statSync(join(dir, 'real/m.yaml')).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, 'real'))).toEqual(['m.yaml']);
  });

  it('formats what check reads in a project, never the national baseline the project adds', () => {
    const dir = scratch('project', {
      'matterc.yaml':
        'national: true\nkind: Project\ninclude: [matters]\nexclude: [matters/drafts]\nname: 示例省\n',
      'matters/m.yaml': SHUFFLED,
      'matters/drafts/d.yaml': SHUFFLED,
      'other/o.yaml': SHUFFLED,
    });
    const r = matterc(['fmt'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        '已格式化 matterc.yaml（键的顺序）',
        '已格式化 matters/m.yaml（键的顺序、时限写法）',
        '共 2 个文件：格式化了 2 个，0 个无法格式化',
        '',
      ].join('\n'),
    );
    expect(read(join(dir, 'matterc.yaml'))).toBe(
      'kind: Project\nname: 示例省\ninclude: [matters]\nexclude: [matters/drafts]\nnational: true\n',
    );
    expect(read(join(dir, 'matters/drafts/d.yaml'))).toBe(SHUFFLED);
    expect(read(join(dir, 'other/o.yaml'))).toBe(SHUFFLED);
  });
});

describe('matterc fmt: files it cannot format', () => {
  it('leaves a file with a YAML error untouched, reports it as check does and exits 1', () => {
    const broken = 'kind: Matter\nid: [unclosed\nname: 示例\n';
    const dir = scratch('yaml-error', { 'bad.yaml': broken, 'good.yaml': SHUFFLED });
    const r = matterc(['fmt', '.'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^bad\.yaml:\d+:\d+ 错误 MC1007 YAML 语法错误/m);
    expect(r.stdout).toContain('已格式化 good.yaml');
    expect(r.stdout).toContain('共 2 个文件：格式化了 1 个，1 个无法格式化');
    expect(read(join(dir, 'bad.yaml'))).toBe(broken);
    expect(read(join(dir, 'good.yaml'))).toBe(SHUFFLED_FORMATTED);
    noStack(r.stdout + r.stderr);
  });

  it('reports binary and GBK files as check does, without touching them', () => {
    const binary = Buffer.from('kind: Matter\n\0\0\0');
    const gbk = Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0x0a]); // name: 中文
    const dir = scratch('not-text', { 'binary.yaml': binary, 'gbk.yaml': gbk });
    const r = matterc(['fmt', '.'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^binary\.yaml:2:1 错误 MC1003/m);
    expect(r.stdout).toMatch(/^gbk\.yaml:1:7 错误 MC1004/m);
    expect(readFileSync(join(dir, 'binary.yaml'))).toEqual(binary);
    expect(readFileSync(join(dir, 'gbk.yaml'))).toEqual(gbk);
  });

  it('exits 2 when a path does not exist or holds no YAML', () => {
    const missing = matterc(['fmt', 'no-such-dir'], { cwd: tmp });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('MC9001');
    const empty = scratch('empty', { 'README.md': '# 没有 YAML\n' });
    const none = matterc(['fmt', '.'], { cwd: empty });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('MC9005');
  });

  it('refuses to write what would not read back the same (MC7202): a lost value or a lost comment', () => {
    const original = '# 说明\nkind: Matter\nid: m\nname: 示例\nnote: 备注\n';
    const losesNote: Step = (text) => text.replace('note: 备注\n', '');
    const losesComment: Step = (text) => text.replace('# 说明\n', '');
    for (const faulty of [losesNote, losesComment]) {
      const dir = scratch(`unsafe-${faulty === losesNote ? 'value' : 'comment'}`, { 'm.yaml': original });
      const result = fmt({
        paths: ['m.yaml'],
        cwd: dir,
        check: false,
        format: (text, options) => formatText(text, options, [faulty]),
      });
      expect(result.diagnostics.map((d: Diagnostic) => d.entry.code)).toEqual(['MC7202']);
      expectCode(result, 'MC7202');
      expect(result.files).toEqual([]);
      expect(read(join(dir, 'm.yaml'))).toBe(original);
    }
  });
});

/** Apply a unified diff to the text it was made from. */
function applyUnified(before: string, diff: string): string {
  const lines = before.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  let at = 0;
  const body = diff.split('\n').slice(2);
  for (let i = 0; i < body.length; i++) {
    const m = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(body[i]!);
    if (!m) continue;
    const start = Number(m[2]) === 0 ? Number(m[1]) : Number(m[1]) - 1;
    out.push(...lines.slice(at, start));
    at = start;
    for (i++; i < body.length && !body[i]!.startsWith('@@') && body[i] !== ''; i++) {
      const [sign, text] = [body[i]![0], body[i]!.slice(1)];
      if (sign !== '+') expect(lines[at++]).toBe(text);
      if (sign !== '-') out.push(text);
    }
    i--;
  }
  out.push(...lines.slice(at));
  return `${out.join('\n')}\n`;
}

describe('matterc fmt --check', () => {
  it('writes nothing, names each file to change at its first difference, and exits 1', () => {
    const dir = scratch('check', { 'a.yaml': SHUFFLED, 'b.yaml': SHUFFLED_FORMATTED });
    const r = matterc(['fmt', '--check', '.'], { cwd: dir });
    expect(r.status).toBe(1);
    expectCode(r, 'MC7201');
    expect(r.stdout).toBe(
      [
        'a.yaml:1:1 错误 MC7201 文件未按规范格式化：键的顺序、时限写法',
        '> 1 | id: m',
        '    | ^^^^^',
        '  提示：运行 matterc fmt a.yaml 改写该文件。',
        '',
        '共 2 个文件：1 个需要格式化，0 个无法格式化',
        '',
      ].join('\n'),
    );
    expect(read(join(dir, 'a.yaml'))).toBe(SHUFFLED);
    const en = matterc(['fmt', '--check', '--lang', 'en', 'a.yaml'], { cwd: dir });
    expect(en.stdout).toContain(
      'a.yaml:1:1 error MC7201 The file is not formatted canonically: key order, durations',
    );
    expect(en.stdout).toContain('1 files: 1 need formatting, 0 could not be formatted');
  });

  it('shows the changes as a unified diff with --diff', () => {
    const input = read(join(FIXTURES, 'comments-move-with-keys/input.yaml'));
    const dir = scratch('diff', { 'm.yaml': input });
    const r = matterc(['fmt', '--check', '--diff', 'm.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    const diff = r.stdout.slice(r.stdout.indexOf('--- m.yaml\n'), r.stdout.lastIndexOf('共 '));
    expect(diff).toMatch(/^--- m\.yaml\n\+\+\+ m\.yaml\n@@ -1,\d+ \+1,\d+ @@\n/);
    expect(applyUnified(input, diff)).toBe(read(join(FIXTURES, 'comments-move-with-keys/expected.yaml')));
    expect(read(join(dir, 'm.yaml'))).toBe(input);
  });

  it('appears in matterc --help with a bilingual description', () => {
    const r = matterc(['--help']);
    expect(r.stdout).toMatch(
      /^\s+fmt \[options\] \[paths\.\.\.\]\s+按规范格式改写 YAML 文件.* \/ format YAML files/m,
    );
  });
});

// ── the corpus ──────────────────────────────────────────────────────────────────────────────────

/** Copies of matters/, examples/ and the test/cases fixtures that parse, in one directory. */
let corpus: string;
let corpusFiles: string[];
const originals = new Map<string, string>();
let first: ReturnType<typeof matterc>;

beforeAll(() => {
  corpus = join(tmp, 'corpus');
  cpSync(join(ROOT, 'matters'), join(corpus, 'matters'), { recursive: true });
  cpSync(join(ROOT, 'examples'), join(corpus, 'examples'), { recursive: true });
  for (const file of files(join(ROOT, 'test/cases'))) {
    const rel = relative(ROOT, file);
    if (parseYaml(new SourceText(rel, read(file))).diagnostics.length > 0) continue;
    mkdirSync(dirname(join(corpus, rel)), { recursive: true });
    cpSync(file, join(corpus, rel));
  }
  corpusFiles = files(corpus);
  for (const f of corpusFiles) originals.set(f, read(f));
  first = matterc(['fmt', 'matters', 'examples', 'test/cases'], { cwd: corpus });
});

describe('matterc fmt over matters/, examples/ and the test fixtures', () => {
  it('finds the shipped data already canonical', () => {
    const r = matterc(['fmt', '--check', 'matters', 'examples']);
    expect(r.stdout).toMatch(/：0 个需要格式化，0 个无法格式化\n$/);
    expect(r.status).toBe(0);
  });

  it('formats, then --check passes, a second fmt changes no byte, and every comment is kept', () => {
    expect(corpusFiles.length).toBeGreaterThan(250);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const formatted = new Map(corpusFiles.map((f) => [f, read(f)]));
    expect(matterc(['fmt', '--check', 'matters', 'examples', 'test/cases'], { cwd: corpus }).status).toBe(0);
    const second = matterc(['fmt', 'matters', 'examples', 'test/cases'], { cwd: corpus });
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain('已格式化');
    for (const f of corpusFiles) {
      expect(read(f), relative(corpus, f)).toBe(formatted.get(f));
      expect(commentTexts(read(f)), relative(corpus, f)).toEqual(commentTexts(originals.get(f)!));
    }
  });

  it('keeps the meaning: the same compiled documents and diagnostics before and after', () => {
    // Compile each repository and case from both places: the originals and the formatted copies.
    const roots = [
      'matters',
      'examples/guangdong',
      'examples/zhongshan',
      'examples/fujian',
      ...[
        ...new Set(
          corpusFiles.filter((f) => f.includes('/test/cases/')).map((f) => relative(corpus, dirname(f))),
        ),
      ],
    ];
    let changedFiles = 0;
    let [irregularBefore, irregularAfter] = [0, 0];
    for (const root of roots) {
      const before = check({ paths: [root], cwd: ROOT, today: '2025-06-01' });
      const after = check({ paths: [root], cwd: corpus, today: '2025-06-01' });
      expect(model(after), root).toEqual(model(before));
      expect(findings(after), root).toEqual(findings(before));
      // Irregular citations are what fmt rewrites: their warnings go, nothing else does.
      expect(irregular(after), root).toBeLessThanOrEqual(irregular(before));
      irregularBefore += irregular(before);
      irregularAfter += irregular(after);
    }
    expect(irregularAfter).toBeLessThan(irregularBefore);
    for (const f of corpusFiles) if (read(f) !== originals.get(f)) changedFiles++;
    expect(changedFiles).toBeGreaterThan(0);
  });
});

/**
 * Compiled documents by file (relative to the repository they were read from; the national baseline a
 * project adds is read from matterc's own matters/) and index, with durations and citations parsed.
 */
function model(result: CheckResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const doc of result.documents) {
    const file = doc.source.path.startsWith(ROOT) ? relative(ROOT, doc.source.path) : doc.source.path;
    out[`${file}#${doc.index}`] = meaning(doc.value, '');
  }
  return out;
}

const DURATION_KEYS = new Set(['limit', 'statutoryLimit', 'promisedLimit']);

/**
 * What a value means to the compiler: a time limit as the duration it parses to, a legal basis as the
 * citation it parses to (positions and the way the title was quoted aside), prose with its punctuation
 * next to Chinese full-width and no trailing whitespace, everything else as it is.
 */
function meaning(value: unknown, key: string): unknown {
  if (typeof value === 'string') {
    const duration = DURATION_KEYS.has(key) ? parseDuration(value) : undefined;
    if (duration) return { duration };
    const citation = key === 'citation' ? parseCitation(value).citation : undefined;
    if (citation) {
      const { titleSpan: _t, quoted: _q, ...rest } = citation;
      return { citation: { ...rest, docNumbers: rest.docNumbers.map(({ span: _s, ...n }) => n) } };
    }
    return trimLineEnds(fullWidthPunctuation(value));
  }
  if (Array.isArray(value)) return value.map((v) => meaning(v, key));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, meaning(v, k)]));
  return value;
}

const IRREGULAR_CITATION = 'MC5041';

/** Every diagnostic by code and where (semantic path, or file), except irregular citations. */
function findings(result: CheckResult): string[] {
  return result.diagnostics
    .filter((d) => d.entry.code !== IRREGULAR_CITATION)
    .map((d) => `${d.entry.code} ${d.path ?? d.location?.source.path ?? ''}`)
    .sort();
}

function irregular(result: CheckResult): number {
  return result.diagnostics.filter((d) => d.entry.code === IRREGULAR_CITATION).length;
}
