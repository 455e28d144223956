import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { type ScalarStyle, scalarMap } from '../../src/parse/scalar.js';

/** Every case puts markers X, Y, Z in the value; each must map back onto the same character in the source. */
const CASES: Record<string, string> = {
  plain: 'k: 年龄 >= 60 and X == "本省"\n',
  'plain multi-line': 'k: 年龄 >= 60\n  and X == 1\n\n  or Y\n',
  'plain astral': 'k: 𠀋𠀀 >= 1 and X\n',
  'single quoted': "k: '户籍地 == ''本省'' and X'\n",
  'single multi-line': "k: 'a\n   b X\n\n   Y'\n",
  'double quoted': 'k: "户籍地 == \\"本省\\" and X"\n',
  'double escapes': 'k: "a\\tb\\u00e9\\x41 X \\U0001F600 Y"\n',
  'double line join': 'k: "abc\\\n   X def\n   Y"\n',
  'block literal': 'k: |\n  年龄 >= 60\n  and X == 1\n\n  Y\n',
  'block literal strip': 'k: |-\n  a\n  X\n',
  'block literal keep': 'k: |+\n  a\n  X\n\n',
  'block literal indent indicator': 'k: |2\n    a\n  X\n',
  'block folded': 'k: >\n  年龄 >= 60\n  and X == 1\n\n  or Y\n    more Z\n',
  'block folded strip': 'k: >-\n  a\n  X\n',
  'nested block': 'a:\n  - when: |\n      x and\n      X\n',
};

function find(doc: ReturnType<typeof parseDocument>): Scalar {
  let found: Scalar | undefined;
  const visit = (n: unknown): void => {
    if (isScalar(n) && typeof n.value === 'string' && n.value.includes('X')) found = n;
    else if (isMap(n)) for (const p of n.items) visit(p.value);
    else if (n && typeof n === 'object' && 'items' in n)
      for (const i of (n as { items: unknown[] }).items) visit(i);
  };
  visit(doc.contents);
  return found!;
}

describe('scalar positions', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(name, () => {
      const doc = parseDocument(text);
      expect(doc.errors).toEqual([]);
      const node = find(doc);
      const value = node.value as string;
      const map = scalarMap(text, node.range![0], node.range![1], node.type as ScalarStyle, value);
      expect(map.exact, `${name}: decoded differently from yaml`).toBe(true);
      for (const marker of ['X', 'Y', 'Z']) {
        const index = value.indexOf(marker);
        if (index >= 0) expect(text[map.offsetOf(index)], `${name}: ${marker}`).toBe(marker);
      }
    });
  }

  it('falls back to the scalar start when it cannot decode exactly', () => {
    const map = scalarMap('k: "x"', 3, 6, 'QUOTE_DOUBLE', 'not the value');
    expect(map.exact).toBe(false);
    expect(map.offsetOf(3)).toBe(3);
  });
});

describe('scalar positions, generated', () => {
  const alphabet = [
    'a',
    'b',
    ' ',
    '年',
    '龄',
    '𠀋',
    '"',
    "'",
    '\\',
    ':',
    '#',
    '-',
    '\n',
    '\t',
    '>',
    '=',
    'X',
  ];
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const styles = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
  it('maps every ordinary character of 500 random values in every style', () => {
    let exact = 0;
    let total = 0;
    for (let n = 0; n < 500; n++) {
      const length = 1 + Math.floor(random() * 30);
      let value = '';
      for (let i = 0; i < length; i++) value += alphabet[Math.floor(random() * alphabet.length)];
      for (const style of styles) {
        const doc = parseDocument('k: x\n');
        const node = doc.createNode(value) as Scalar;
        node.type = style;
        doc.set('k', node);
        const text = doc.toString({ lineWidth: 12, minContentWidth: 4 });
        const parsed = parseDocument(text);
        const scalar = (parsed.contents as { items: { value: Scalar }[] }).items[0]!.value;
        if (scalar.value !== value) continue; // yaml chose another representation
        total++;
        const map = scalarMap(text, scalar.range![0], scalar.range![1], scalar.type as ScalarStyle, value);
        if (!map.exact) continue;
        exact++;
        [...value].forEach((c, i) => {
          const index = [...value].slice(0, i).join('').length;
          if (/[a-z年龄X=>:#-]/.test(c))
            expect(
              text.slice(map.offsetOf(index), map.offsetOf(index) + c.length),
              `${JSON.stringify(text)} @${i}`,
            ).toBe(c);
        });
      }
    }
    expect(total).toBeGreaterThan(1500);
    // Exotic constructs may fall back to the scalar start, but nearly everything maps exactly.
    expect(exact / total).toBeGreaterThan(0.95);
  });
});
