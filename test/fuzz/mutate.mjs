/**
 * Mutations of YAML files at three levels — bytes, tokens (the text a person or a broken tool might
 * produce) and structure (YAML trees spliced, emptied, retyped and cross-linked) — and the making of one
 * fuzz case (a small project of one or more files) from the seed files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { isMap, isScalar, parseAllDocuments, Scalar, visit } from 'yaml';

// ── seeds ───────────────────────────────────────────────────────────────────────────────────────────

/** Where seeds come from, relative to the repository root. */
export const SEED_DIRS = ['matters', 'examples', 'test/cases', 'test/fixtures/hostile'];
const MAX_SEED_BYTES = 256 * 1024;

/**
 * Every YAML file under the seed directories, in path order: `{ path, group, rel, bytes }`, where `group`
 * is the project the file belongs to (a directory with a matterc.yaml, a test case folder, or `matters`)
 * and `rel` its path inside that group.
 */
export function loadSeeds(root) {
  const seeds = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && /\.ya?ml$/.test(e.name) && statSync(full).size <= MAX_SEED_BYTES) {
        const path = relative(root, full).split(sep).join('/');
        const group = groupOf(path);
        seeds.push({ path, group, rel: path.slice(group.length + 1), bytes: readFileSync(full) });
      }
    }
  };
  for (const d of SEED_DIRS) walk(join(root, d));
  return seeds;
}

function groupOf(path) {
  const parts = path.split('/');
  if (parts[0] === 'matters') return 'matters';
  if (parts[0] === 'examples') return parts.slice(0, parts.length > 2 ? 2 : 1).join('/');
  if (parts[0] === 'test' && parts[1] === 'cases') return parts.slice(0, 4).join('/');
  return dirname(path);
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────

const enc = (s) => Buffer.from(s, 'utf8');
const dec = (b) => b.toString('utf8');

function splice(buf, at, remove, insert) {
  return Buffer.concat([buf.subarray(0, at), insert, buf.subarray(at + remove)]);
}

/** A random position at a line start, in the middle of a line, or at the end. */
function textPos(rng, text) {
  if (text.length === 0) return 0;
  if (rng.chance(0.4)) {
    const starts = lineStarts(text);
    return rng.pick(starts);
  }
  let p = rng.int(0, text.length);
  // Do not split a surrogate pair: lone halves are made on purpose by their own mutation.
  if (p > 0 && p < text.length && /[\udc00-\udfff]/.test(text[p])) p--;
  return p;
}

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' && i + 1 < text.length) starts.push(i + 1);
  return starts;
}

const insertAt = (text, at, s) => text.slice(0, at) + s + text.slice(at);

/** Lines with `key: value`: { index, indent, key, value } (value may be empty). */
function keyLines(lines) {
  const out = [];
  lines.forEach((line, index) => {
    const m = /^(\s*(?:- )*)([^\s:#][^:#]*?):(?: (.*))?$/.exec(line);
    if (m) out.push({ index, indent: m[1], key: m[2], value: m[3] ?? '' });
  });
  return out;
}

const CJK = '食品经营许可证申请人身份证明营业执照出生医学证明户口登记社会保险卡办理材料';
const ASTRAL = ['𠀀', '𪚥', '😀', '𝕏', '𠮷'];

function longText(rng) {
  const n = rng.pick([1_000, 10_000, 50_000, 200_000]);
  const unit = rng.pick(['a', '食', '食品 ', 'x y ', '𠮷', '\\', '"', "'", ':', '# ']);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

// ── byte level ──────────────────────────────────────────────────────────────────────────────────────

const INTERESTING_BYTES = [
  0x00, 0x09, 0x0a, 0x0d, 0x20, 0x22, 0x23, 0x26, 0x27, 0x2a, 0x2c, 0x2d, 0x3a, 0x3e, 0x5b, 0x5d, 0x7b, 0x7c,
  0x7d, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xe4, 0xed, 0xef, 0xf0, 0xf4, 0xf8, 0xfe, 0xff,
];

const INVALID_UTF8 = [
  [0x80], // a lone continuation byte
  [0xc0, 0xaf], // overlong '/'
  [0xe0, 0x80, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // an encoded high surrogate (CESU-8)
  [0xed, 0xbf, 0xbf], // an encoded low surrogate
  [0xe4, 0xb8], // a CJK sequence cut short
  [0xf0, 0x9f, 0x98], // an emoji cut short
  [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
  [0xf8, 0x88, 0x80, 0x80, 0x80], // a five-byte form
  [0xff],
  [0xfe, 0xff],
];

export const BYTE_MUTATIONS = {
  flipBits(rng, buf) {
    if (buf.length === 0) return buf;
    const out = Buffer.from(buf);
    for (let i = rng.count(); i > 0; i--) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
    return out;
  },
  setByte(rng, buf) {
    if (buf.length === 0) return buf;
    const out = Buffer.from(buf);
    out[rng.int(0, out.length - 1)] = rng.pick(INTERESTING_BYTES);
    return out;
  },
  insertBytes(rng, buf) {
    const bytes = Array.from({ length: rng.count() }, () =>
      rng.chance(0.5) ? rng.pick(INTERESTING_BYTES) : rng.int(0, 255),
    );
    return splice(buf, rng.int(0, buf.length), 0, Buffer.from(bytes));
  },
  deleteBytes(rng, buf) {
    if (buf.length === 0) return buf;
    const at = rng.int(0, buf.length - 1);
    return splice(buf, at, Math.min(buf.length - at, rng.count(0.6, 64)), Buffer.alloc(0));
  },
  duplicateChunk(rng, buf) {
    if (buf.length === 0) return buf;
    const from = rng.int(0, buf.length - 1);
    const chunk = buf.subarray(from, from + rng.int(1, 256));
    return splice(buf, rng.int(0, buf.length), 0, Buffer.from(chunk));
  },
  insertNul(rng, buf) {
    return splice(buf, rng.int(0, buf.length), 0, Buffer.from([0]));
  },
  invalidUtf8(rng, buf) {
    return splice(buf, rng.int(0, buf.length), 0, Buffer.from(rng.pick(INVALID_UTF8)));
  },
  byteOrderMark(rng, buf) {
    switch (rng.int(0, 5)) {
      case 0:
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]);
      case 1:
        return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), buf]); // two BOMs
      case 2:
        return splice(buf, rng.int(0, buf.length), 0, Buffer.from([0xef, 0xbb, 0xbf])); // mid-file
      case 3: // UTF-16LE with its BOM
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(dec(buf), 'utf16le')]);
      case 4: {
        const le = Buffer.from(dec(buf), 'utf16le'); // UTF-16BE with its BOM
        for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
        return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
      }
      default:
        return Buffer.concat([Buffer.from([0x00, 0x00, 0xfe, 0xff]), buf]); // a UTF-32 BOM
    }
  },
  lineEndings(rng, buf) {
    const text = dec(buf);
    switch (rng.int(0, 4)) {
      case 0:
        return enc(text.replace(/\r?\n/g, '\r\n'));
      case 1:
        return enc(text.replace(/\r?\n/g, '\r')); // old Mac
      case 2:
        return enc(text.replace(/\r?\n/g, (m) => (rng.chance(0.3) ? '\r\n' : m))); // mixed
      case 3:
        return enc(text.replace(/\r\n/g, '\n').replace(/\n/g, (m) => (rng.chance(0.1) ? '\r' : m)));
      default:
        return enc(insertAt(text, textPos(rng, text), '\r'));
    }
  },
  truncate(rng, buf) {
    return buf.subarray(0, rng.int(0, buf.length));
  },
  /** Chinese characters turned into two GBK-looking bytes: a file saved in the wrong encoding. */
  fakeGbk(rng, buf) {
    const out = [];
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i];
      if (b >= 0xe4 && b <= 0xe9 && i + 2 < buf.length && rng.chance(0.7)) {
        out.push(0x81 + ((buf[i + 1] * 7) % 0x7e), 0x40 + ((buf[i + 2] * 13) % 0xbe));
        i += 2;
      } else out.push(b);
    }
    return Buffer.from(out);
  },
};

// ── token level ─────────────────────────────────────────────────────────────────────────────────────

const FLOW = ['{', '}', '[', ']', ',', '{}', '[]', '? ', ': ', ' :', '{a: [b, {c: ', ']]}}'];
const DOC_MARKERS = [
  '---',
  '...',
  '--- |',
  '--- >',
  '---\n---',
  '%YAML 1.1\n---',
  '%YAML 1.3\n---',
  '%TAG ! tag:x,2000:\n---',
  '--- # 注释',
  '... # 结束',
];
const FULL_WIDTH = [
  [':', '：'],
  [',', '，'],
  ['(', '（'],
  [')', '）'],
  ['"', '“'],
  ['"', '”'],
  ["'", '‘'],
  ['[', '【'],
  [']', '】'],
  [';', '；'],
  ['-', '－'],
  ['-', '—'],
  [' ', '\u3000'],
  ['?', '？'],
  ['!', '！'],
  ['#', '＃'],
  ['.', '。'],
];
const ODD_CHARS = [
  '\u200b',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u00a0',
  '\u3000',
  '\u202e',
  '\u0301',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\ufffd',
  '\ufffe',
  '\uffff',
];
const SPECIAL_VALUES = [
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '.nan',
  '.NaN',
  '.inf',
  '-.inf',
  '+.inf',
  '0x1F',
  '0o17',
  '017',
  '0b101',
  '1e400',
  '-1e400',
  '1e-400',
  '-0',
  '+0',
  '0.',
  '.5',
  '1_000',
  '1,000',
  '9007199254740993',
  '99999999999999999999999999',
  '2024-02-30',
  '2024-13-45',
  '2024-01-01T25:61:61Z',
  '12:30:00',
  "''",
  '""',
  '[]',
  '{}',
  '|',
  '>-',
  '@',
  '`',
  '%',
  '&',
  '*',
  '!',
  '!!',
  '?',
  '-',
  '--',
  '---',
  '...',
  '#',
  ': ',
  '- -',
  '"\\',
  "'''",
  '"\\uD800"',
  '"\\uDFFF"',
  '"\\uD83D\\uDE00"',
  '"\\U0010FFFF"',
  '"\\UFFFFFFFF"',
  '"\\x00"',
  '"\\0"',
  '"\\e\\a\\v"',
  '"\\N\\_\\L\\P"',
  '"\\q"',
  '"\\u12"',
  '"a\\\n b"',
  'NaN',
  'Infinity',
  'undefined',
  '__proto__',
  'constructor',
  '{{name}}',
  '<script>alert(1)</script>',
  '${HOME}',
  '第{0}条',
  '五天左右',
  '0个工作日',
  '-3个工作日',
  '1.5个工作日',
  '999999999个工作日',
  '即办',
  '《》',
  '《',
  '》第条',
];
const TAGS = [
  '!!str ',
  '!!int ',
  '!!float ',
  '!!bool ',
  '!!null ',
  '!!binary ',
  '!!map ',
  '!!seq ',
  '!!set ',
  '!!omap ',
  '!!pairs ',
  '!!timestamp ',
  '!local ',
  '!<tag:yaml.org,2002:str> ',
  '!<!> ',
  '!e!x ',
  '! ',
];
const DANGEROUS_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
  '0',
  '-1',
  'length',
  '"__proto__"',
  '? __proto__\n',
];
const ESCAPES = [
  '\\uD800',
  '\\uDBFF\\uDBFF',
  '\\uDC00',
  '\\uD83D',
  '\\x',
  '\\u',
  '\\U0001F600',
  '\\t',
  '\\"',
  '\\\\',
  '\\ ',
  '\\/',
  '\\0',
];

/** Apply `f` to the text of a buffer (decoded leniently) and encode the result. */
const onText = (f) => (rng, buf, ctx) => enc(f(rng, dec(buf), ctx));

/** Apply `f` to the lines of a text. */
const onLines = (f) =>
  onText((rng, text, ctx) => {
    const lines = text.split('\n');
    return f(rng, lines, ctx).join('\n');
  });

export const TOKEN_MUTATIONS = {
  swapScalars: onLines((rng, lines) => {
    const kl = keyLines(lines).filter((l) => l.value !== '');
    if (kl.length < 2) return lines;
    const a = rng.pick(kl);
    const b = rng.pick(kl);
    lines[a.index] = `${a.indent}${a.key}: ${b.value}`;
    lines[b.index] = `${b.indent}${b.key}: ${a.value}`;
    return lines;
  }),
  duplicateLine: onLines((rng, lines) => {
    const i = rng.int(0, lines.length - 1);
    const at = rng.chance(0.7) ? i + 1 : rng.int(0, lines.length);
    lines.splice(at, 0, ...lines.slice(i, i + rng.count(0.4, 6)));
    return lines;
  }),
  deleteLines: onLines((rng, lines) => {
    lines.splice(rng.int(0, lines.length - 1), rng.count(0.4, 10));
    return lines;
  }),
  moveLine: onLines((rng, lines) => {
    const [line] = lines.splice(rng.int(0, lines.length - 1), 1);
    lines.splice(rng.int(0, lines.length), 0, line);
    return lines;
  }),
  reindent: onLines((rng, lines) => {
    const from = rng.int(0, lines.length - 1);
    const n = rng.chance(0.7) ? 1 : rng.count(0.6, 20);
    const delta = rng.pick([-4, -2, -1, 1, 2, 3, 4, 8]);
    for (let i = from; i < Math.min(lines.length, from + n); i++) {
      lines[i] =
        delta > 0 ? ' '.repeat(delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-delta}}`), '');
    }
    return lines;
  }),
  insertTab: onLines((rng, lines) => {
    const i = rng.int(0, lines.length - 1);
    const line = lines[i];
    const where = rng.int(0, 3);
    if (where === 0) lines[i] = `\t${line}`;
    else if (where === 1) lines[i] = line.replace(/^( *)/, (m) => `${m.slice(0, -2)}\t`);
    else if (where === 2) lines[i] = line.replace(': ', ':\t');
    else lines[i] = insertAt(line, rng.int(0, line.length), '\t');
    return lines;
  }),
  anchorsAndAliases: onLines((rng, lines) => {
    const kl = keyLines(lines);
    if (kl.length === 0) return lines;
    const name = rng.pick(['a', 'a', 'b', '锚', 'x'.repeat(rng.int(1, 300))]);
    const l = rng.pick(kl);
    switch (rng.int(0, 5)) {
      case 0:
        lines[l.index] = `${l.indent}${l.key}: &${name} ${l.value}`;
        break;
      case 1:
        lines[l.index] = `${l.indent}${l.key}: *${name}`;
        break;
      case 2:
        lines.splice(l.index, 0, `${l.indent}<<: *${name}`);
        break;
      case 3:
        lines.splice(l.index, 0, `${l.indent}<<: [*${name}, *${name}]`);
        break;
      case 4: // an anchor on a key
        lines[l.index] = `${l.indent}&${name} ${l.key}: ${l.value}`;
        break;
      default: {
        const m = rng.pick(kl);
        lines[l.index] = `${l.indent}${l.key}: &${name} ${l.value}`;
        lines[m.index] = `${m.indent}${m.key}: *${name}`;
      }
    }
    return lines;
  }),
  quotes: onText((rng, text) => {
    const at = textPos(rng, text);
    switch (rng.int(0, 3)) {
      case 0:
        return insertAt(text, at, rng.pick(['"', "'", '“', '”', '"\'', '""', "''"]));
      case 1: // a double-quoted value with escapes
        return text.replace(/: ([^\n"'|>&*!]+)\n/, (_, v) => `: "${v}${rng.pick(ESCAPES)}"\n`);
      case 2: // a value quoted on one side only
        return text.replace(/: ([^\n]+)\n/, (_, v) => `: ${rng.pick(['"', "'"])}${v}\n`);
      default:
        return insertAt(text, at, `"${rng.pick(ESCAPES)}"`);
    }
  }),
  flowIndicators: onText((rng, text) => insertAt(text, textPos(rng, text), rng.pick(FLOW))),
  documentMarkers: onLines((rng, lines) => {
    lines.splice(rng.int(0, lines.length), 0, rng.pick(DOC_MARKERS));
    return lines;
  }),
  fullWidthPunctuation: onText((rng, text) => {
    const [ascii, wide] = rng.pick(FULL_WIDTH);
    const [from, to] = rng.chance(0.6) ? [ascii, wide] : [wide, ascii];
    let n = 0;
    const limit = rng.chance(0.5) ? 1 : Infinity;
    return text.replaceAll(from, (m) => (n++ < limit && rng.chance(0.5) ? to : m));
  }),
  oddCharacters: onText((rng, text) =>
    insertAt(text, textPos(rng, text), rng.chance(0.3) ? rng.pick(ASTRAL) : rng.pick(ODD_CHARS)),
  ),
  longScalar: onLines((rng, lines) => {
    const kl = keyLines(lines);
    const long = longText(rng);
    if (kl.length === 0 || rng.chance(0.15)) {
      lines.push(rng.chance(0.5) ? `# ${long}` : `${long.replace(/[:#\s]/g, 'k')}: 1`);
      return lines;
    }
    const l = rng.pick(kl);
    const quoted = rng.pick(['', '"', "'"]);
    lines[l.index] = `${l.indent}${l.key}: ${quoted}${long}${quoted}`;
    return lines;
  }),
  /** Thousands of list items (tens of thousands, with as many problems, are hostile-scale.test.ts's). */
  manyItems: onLines((rng, lines) => {
    const kl = keyLines(lines).filter((l) => l.value === '');
    const n = rng.pick([10, 100, 1_000, 3_000]);
    const l = kl.length > 0 ? rng.pick(kl) : { index: lines.length - 1, indent: '' };
    const item = rng.pick(['- x', '- id: a\n  name: 名', '- *a', '- {}', `- ${CJK}`]);
    lines.splice(l.index + 1, 0, ...Array.from({ length: n }, () => `${l.indent}  ${item}`));
    return lines;
  }),
  /** A lone UTF-16 surrogate, written as an escape (raw ones cannot be encoded as UTF-8). */
  surrogateHalves: onLines((rng, lines) => {
    const kl = keyLines(lines);
    if (kl.length === 0) return lines;
    const l = rng.pick(kl);
    const half = rng.pick(['\\uD800', '\\uDBFF', '\\uDC00', '\\uDFFF', '\\uD83D']);
    const before = l.value.replace(/^["']|["']$/g, '').replace(/["\\]/g, '');
    const cut = rng.int(0, before.length);
    lines[l.index] = `${l.indent}${l.key}: "${before.slice(0, cut)}${half}${before.slice(cut)}"`;
    return lines;
  }),
  tags: onLines((rng, lines) => {
    const kl = keyLines(lines);
    if (kl.length === 0) return lines;
    const l = rng.pick(kl);
    lines[l.index] = `${l.indent}${l.key}: ${rng.pick(TAGS)}${l.value}`;
    return lines;
  }),
  specialValues: onLines((rng, lines) => {
    const kl = keyLines(lines);
    if (kl.length === 0) return lines;
    const l = rng.pick(kl);
    lines[l.index] = `${l.indent}${l.key}: ${rng.pick(SPECIAL_VALUES)}`;
    return lines;
  }),
  blockScalar: onLines((rng, lines) => {
    const kl = keyLines(lines);
    if (kl.length === 0) return lines;
    const l = rng.pick(kl);
    const header = rng.pick(['|', '>', '|-', '>-', '|+', '>+', '|2', '|1-', '|9', '|0', '| #c', '|-2']);
    const indent = ' '.repeat(Math.max(0, l.indent.length + rng.pick([-1, 0, 1, 2, 2, 2, 4])));
    const body = [l.value || CJK, '', `${indent} ${CJK.slice(0, 4)}`, rng.chance(0.3) ? '\t' : ''];
    lines.splice(l.index, 1, `${l.indent}${l.key}: ${header}`, ...body.map((b) => `${indent}${b}`));
    return lines;
  }),
  comments: onText((rng, text) => {
    const at = textPos(rng, text);
    return insertAt(text, at, rng.pick(['#', ' #', ' # 注释', '#\n', `# ${CJK}\n`, '#:', ' #"', '\n#']));
  }),
  dangerousKeys: onLines((rng, lines) => {
    const kl = keyLines(lines);
    const l = kl.length > 0 ? rng.pick(kl) : { index: 0, indent: '' };
    const value = rng.pick(['x', '{}', '{kind: Matter}', '[]', '1', 'null']);
    lines.splice(l.index + 1, 0, `${l.indent}${rng.pick(DANGEROUS_KEYS)}: ${value}`);
    return lines;
  }),
  yamlIndicators: onText((rng, text) => {
    const at = textPos(rng, text);
    if (rng.chance(0.3)) return text.slice(0, at) + text.slice(at + 1);
    return insertAt(text, at, rng.pick([...'-?:,[]{}#&*!|>\'"%@`', ' ', '\n', '- ', ': ', '\\']));
  }),
};

// ── structure level ─────────────────────────────────────────────────────────────────────────────────

const PARSE = { version: '1.2', uniqueKeys: false, merge: false, prettyErrors: false };
const REFERENCE_KEYS = new Set([
  'matter',
  'material',
  'field',
  'bundle',
  'refines',
  'extends',
  'law',
  'department',
  'produces',
  'parent',
  'id',
]);
const CONDITION_KEYS = new Set(['when', 'eligibility', 'condition']);
const CITATION_KEYS = new Set(['citation', 'basis', 'document', 'docNumber']);
const DURATION_KEYS = new Set(['promisedLimit', 'statutoryLimit', 'limit', 'expires', 'effective']);
const REQUIRED_KEYS = [
  'kind',
  'id',
  'name',
  'code',
  'department',
  'type',
  'materials',
  'steps',
  'components',
  'matter',
  'items',
  'level',
  'region',
];
const KINDS = [
  'Matter',
  'Bundle',
  'List',
  'Law',
  'Department',
  'Material',
  'Field',
  'Project',
  'matter',
  'Mater',
  '事项',
  '',
];
const CONDITION_TOKENS = [
  ' and ',
  ' or ',
  'not ',
  '且',
  '或',
  '非',
  '(',
  ')',
  '==',
  '!=',
  '>=',
  '<',
  ' in ',
  '[',
  ']',
  '"',
  "'",
  '.',
  '60',
  '-1',
  '2024-01-01',
  '+ 5个工作日',
  'exists(',
  '申请人.',
  '年龄',
  'true',
  '１',
  '（',
  '）',
  '＝＝',
];
const CITATION_TOKENS = [
  '《',
  '》',
  '第',
  '条',
  '款',
  '项',
  '（',
  '）',
  '〔',
  '〕',
  '【',
  '】',
  '[',
  ']',
  '号',
  '三十五',
  '35',
  '〇',
  '零',
  '百',
  '之一',
  '中华人民共和国',
  '法',
  '条例',
  '；',
  '、',
  '"',
  '　',
];
const DURATION_TOKENS = [
  '个工作日',
  '工作日',
  '天',
  '日',
  '小时',
  '个月',
  '年',
  '即办',
  '0',
  '1',
  '20',
  '二十',
  '五',
  '.5',
  '-',
  '左右',
  '以内',
  ' ',
];

function parseDocs(text) {
  try {
    const docs = parseAllDocuments(text, PARSE);
    if (!Array.isArray(docs)) return undefined;
    if (docs.some((d) => d.errors.length > 0)) return undefined;
    return docs;
  } catch {
    return undefined;
  }
}

/** Every node reachable in a document, with the way to replace it: `{ node, key, parent }`. */
function slots(doc) {
  const out = [];
  visit(doc, {
    Pair(_, pair) {
      if (pair.value)
        out.push({ node: pair.value, key: isScalar(pair.key) ? String(pair.key.value) : '', pair });
    },
    Seq(_, seq) {
      seq.items.forEach((item, i) => out.push({ node: item, key: '', seq, i }));
    },
  });
  return out;
}

function replace(slot, node) {
  if (slot.pair) slot.pair.value = node;
  else slot.seq.items[slot.i] = node;
}

function maps(doc) {
  const out = [];
  visit(doc, {
    Map(_, map) {
      out.push(map);
    },
  });
  if (isMap(doc.contents)) out.push(doc.contents);
  return out;
}

function scalarsUnder(doc, keys) {
  return slots(doc).filter((s) => keys.has(s.key) && isScalar(s.node) && typeof s.node.value === 'string');
}

function mutateString(rng, value, tokens) {
  let s = [...value];
  for (let i = rng.count(0.5, 5); i > 0; i--) {
    const at = rng.int(0, s.length);
    const op = rng.int(0, 3);
    if (op === 0) s.splice(at, 0, rng.pick(tokens));
    else if (op === 1) s.splice(at, rng.int(1, 3));
    else if (op === 2 && s.length > 1) {
      const j = rng.int(0, s.length - 1);
      [s[at % s.length], s[j]] = [s[j], s[at % s.length]];
    } else s = s.slice(0, at);
  }
  return s.join('');
}

/** A node from another seed file, to graft into this one. */
function donorNode(rng, ctx) {
  for (let tries = 0; tries < 4; tries++) {
    const seed = rng.pick(ctx.seeds);
    const docs = ctx.parsed(seed);
    if (!docs || docs.length === 0) continue;
    const all = slots(rng.pick(docs));
    if (all.length === 0) continue;
    const s = rng.pick(all);
    return { key: s.key, node: s.node.clone ? s.node.clone() : s.node };
  }
  return undefined;
}

function changedType(rng, doc) {
  const values = [
    0,
    -1,
    1.5,
    1e21,
    true,
    false,
    null,
    '',
    '0',
    'x',
    [],
    {},
    ['a', 'b'],
    { a: 'b' },
    [[[]]],
    { kind: 'Matter' },
    'x'.repeat(5000),
  ];
  return doc.createNode(rng.pick(values));
}

function nested(rng, doc, depth) {
  let value = rng.chance(0.5) ? 'x' : {};
  const asMap = rng.chance(0.5);
  for (let i = 0; i < depth; i++)
    value = asMap ? { [rng.pick(['a', 'items', 'steps', 'materials'])]: value } : [value];
  return doc.createNode(value);
}

/** Each structure mutation edits one parsed document in place; false when it found nothing to do. */
export const STRUCTURE_MUTATIONS = {
  spliceSubtree(rng, doc, ctx) {
    const donor = donorNode(rng, ctx);
    if (!donor) return false;
    const here = slots(doc);
    if (here.length > 0 && rng.chance(0.6)) {
      replace(rng.pick(here), donor.node);
      return true;
    }
    const ms = maps(doc);
    if (ms.length === 0) return false;
    const m = rng.pick(ms);
    m.items.push(doc.createPair(donor.key || 'note', donor.node));
    return true;
  },
  deleteKey(rng, doc) {
    const ms = maps(doc).filter((m) => m.items.length > 0);
    if (ms.length === 0) return false;
    const m = rng.pick(ms);
    const required = m.items.findIndex(
      (p) => isScalar(p.key) && REQUIRED_KEYS.includes(String(p.key.value)) && rng.chance(0.5),
    );
    m.items.splice(required >= 0 ? required : rng.int(0, m.items.length - 1), 1);
    return true;
  },
  changeType(rng, doc) {
    const here = slots(doc);
    if (here.length === 0) return false;
    replace(rng.pick(here), changedType(rng, doc));
    return true;
  },
  deepNesting(rng, doc) {
    const here = slots(doc);
    if (here.length === 0) return false;
    replace(rng.pick(here), nested(rng, doc, rng.pick([3, 10, 40, 63, 64, 65, 70, 100, 300])));
    return true;
  },
  /** Two elements (or two documents, across files) given the same id, or a reference pointed at the wrong id. */
  swapIds(rng, doc, ctx) {
    const ids = scalarsUnder(doc, new Set(['id']));
    const refs = scalarsUnder(doc, REFERENCE_KEYS);
    const pool = [...ids.map((s) => s.node.value), ...ctx.ids];
    if (refs.length === 0 || pool.length === 0) return false;
    rng.pick(refs).node.value = rng.pick(pool);
    return true;
  },
  /** A document that refines, extends or contains itself. */
  makeCycle(rng, doc) {
    const top = doc.contents;
    if (!isMap(top)) return false;
    const id = top.get('id');
    if (typeof id !== 'string') return false;
    const refs = scalarsUnder(doc, new Set(['refines', 'extends', 'matter', 'parent', 'bundle', 'produces']));
    if (refs.length > 0 && rng.chance(0.7)) rng.pick(refs).node.value = id;
    else top.set(rng.pick(['refines', 'extends', 'parent']), id);
    return true;
  },
  breakReference(rng, doc) {
    const refs = scalarsUnder(doc, REFERENCE_KEYS);
    if (refs.length === 0) return false;
    const s = rng.pick(refs);
    s.node.value = mutateString(rng, s.node.value, ['-', 'x', '1', '食', '.', ' ', '_', 'Ｘ']);
    return true;
  },
  mutateCondition(rng, doc) {
    const cs = scalarsUnder(doc, CONDITION_KEYS);
    if (cs.length === 0) return false;
    const s = rng.pick(cs);
    s.node.value = mutateString(rng, s.node.value, CONDITION_TOKENS);
    return true;
  },
  mutateCitation(rng, doc) {
    const cs = scalarsUnder(doc, CITATION_KEYS);
    if (cs.length === 0) return false;
    const s = rng.pick(cs);
    s.node.value = mutateString(rng, s.node.value, CITATION_TOKENS);
    return true;
  },
  mutateDuration(rng, doc) {
    const cs = scalarsUnder(doc, DURATION_KEYS);
    if (cs.length === 0) return false;
    const s = rng.pick(cs);
    s.node.value = mutateString(rng, s.node.value, DURATION_TOKENS);
    return true;
  },
  changeKind(rng, doc) {
    if (!isMap(doc.contents)) return false;
    doc.contents.set('kind', rng.pick(KINDS));
    return true;
  },
  /** A string value rewritten as a different scalar style (plain, quoted, block, folded). */
  restyle(rng, doc) {
    const here = slots(doc).filter((s) => isScalar(s.node));
    if (here.length === 0) return false;
    rng.pick(here).node.type = rng.pick([
      Scalar.PLAIN,
      Scalar.QUOTE_DOUBLE,
      Scalar.QUOTE_SINGLE,
      Scalar.BLOCK_LITERAL,
      Scalar.BLOCK_FOLDED,
    ]);
    return true;
  },
};

function structureMutation(rng, buf, ctx, name) {
  const docs = parseDocs(dec(buf));
  if (!docs || docs.length === 0) return undefined;
  const doc = rng.pick(docs);
  if (!STRUCTURE_MUTATIONS[name](rng, doc, ctx)) return undefined;
  try {
    return enc(docs.map((d) => d.toString({ lineWidth: 0 })).join(''));
  } catch {
    return undefined; // the edit made something the library cannot print (an alias to nothing)
  }
}

// ── cases ───────────────────────────────────────────────────────────────────────────────────────────

const BYTE_NAMES = Object.keys(BYTE_MUTATIONS);
const TOKEN_NAMES = Object.keys(TOKEN_MUTATIONS);
const STRUCTURE_NAMES = Object.keys(STRUCTURE_MUTATIONS);

/** Apply one random mutation; returns the new bytes and its name (`level:name`). */
export function mutateOnce(rng, buf, ctx) {
  const level = rng.weighted([
    [3, 'structure'],
    [4, 'token'],
    [2, 'byte'],
  ]);
  if (level === 'structure') {
    const name = rng.pick(STRUCTURE_NAMES);
    const out = structureMutation(rng, buf, ctx, name);
    if (out) return { bytes: out, name: `structure:${name}` };
  }
  if (level !== 'byte' && rng.chance(0.9)) {
    const name = rng.pick(TOKEN_NAMES);
    return { bytes: TOKEN_MUTATIONS[name](rng, buf, ctx), name: `token:${name}` };
  }
  const name = rng.pick(BYTE_NAMES);
  return { bytes: BYTE_MUTATIONS[name](rng, buf, ctx), name: `byte:${name}` };
}

function topId(buf) {
  const m = /^id:[ \t]*["']?([^\s"'#]+)/m.exec(dec(buf));
  return m ? m[1] : undefined;
}

/**
 * One fuzz case: `{ files: [{ path, bytes }], paths, mutations }`, where `paths` are the arguments given
 * to `check` from the case's directory. Shapes: a single file; several files of one project; a project
 * with its matterc.yaml (sometimes adding the national baseline); files named one by one on the command
 * line.
 */
export function makeCase(rng, ctx) {
  const { seeds, byGroup, groups } = ctx;
  const shape = rng.weighted([
    [55, 'single'],
    [25, 'group'],
    [12, 'project'],
    [8, 'args'],
  ]);
  let chosen;
  if (shape === 'single') chosen = [rng.pick(seeds)];
  else {
    const group = shape === 'project' ? rng.pick(ctx.projects) : rng.pick(groups);
    const members = byGroup.get(group);
    const n = Math.min(members.length, rng.int(2, shape === 'project' ? 12 : 6));
    const start = rng.int(0, members.length - n);
    chosen = members.slice(start, start + n);
    if (shape === 'project' && !chosen.some((s) => basename(s.rel) === 'matterc.yaml')) {
      const project = members.find((s) => s.rel === 'matterc.yaml');
      if (project) chosen = [project, ...chosen];
    }
    if (rng.chance(0.2)) chosen = [...chosen, rng.pick(seeds)]; // a stranger from elsewhere
  }
  const files = [];
  const used = new Set();
  for (const seed of chosen) {
    let path = shape === 'single' ? basename(seed.path) : seed.rel;
    if (basename(path) === 'matterc.yaml' && shape !== 'project')
      path = path.replace(/matterc\.yaml$/, 'project.yaml');
    while (used.has(path)) path = `x-${path}`;
    used.add(path);
    files.push({ path, bytes: seed.bytes, seed: seed.path });
  }
  if (shape === 'project' && rng.chance(0.75)) {
    // Mostly without the national baseline: checking it costs a hundred times a small case.
    const project = files.find((f) => f.path === 'matterc.yaml');
    if (project) project.bytes = enc(dec(project.bytes).replace(/^national:\s*true\s*$/m, 'national: false'));
  }
  const ids = files.map((f) => topId(f.bytes)).filter((id) => id !== undefined);
  const mctx = { ...ctx, ids };
  const mutations = [];
  const targets = shape === 'single' ? files : files.filter(() => rng.chance(0.5));
  if (targets.length === 0) targets.push(rng.pick(files));
  for (const file of targets) {
    for (let n = rng.count(0.45, 6); n > 0; n--) {
      const m = mutateOnce(rng, file.bytes, mctx);
      file.bytes = m.bytes;
      mutations.push(`${file.path}: ${m.name}`);
    }
  }
  let paths = ['.'];
  if (shape === 'single') paths = rng.chance(0.5) ? [files[0].path] : ['.'];
  else if (shape === 'args') {
    paths = files.map((f) => f.path);
    if (rng.chance(0.3)) paths.push(rng.pick(paths)); // the same file twice
    if (rng.chance(0.2)) paths.push(dirname(rng.pick(paths)));
  }
  return { files: files.map(({ path, bytes }) => ({ path, bytes })), paths, mutations, shape };
}

/** What makeCase needs, computed once per process. */
export function mutationContext(seeds) {
  const byGroup = new Map();
  for (const s of seeds) {
    if (!byGroup.has(s.group)) byGroup.set(s.group, []);
    byGroup.get(s.group).push(s);
  }
  const groups = [...byGroup.keys()].filter((g) => byGroup.get(g).length > 1);
  const projects = [...byGroup.keys()].filter((g) => byGroup.get(g).some((s) => s.rel === 'matterc.yaml'));
  const parsedCache = new Map();
  const parsed = (seed) => {
    if (!parsedCache.has(seed.path)) parsedCache.set(seed.path, parseDocs(dec(seed.bytes)));
    return parsedCache.get(seed.path);
  };
  return { seeds, byGroup, groups: groups.length > 0 ? groups : [...byGroup.keys()], projects, parsed };
}
