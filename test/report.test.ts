/** The questions asked of effective lists, through the CLI on the shipped examples: why and compare. */
import { describe, expect, it } from 'vitest';
import { matterc } from './helpers/run.js';

describe('matterc why', () => {
  it('names each layer with file:line:column and marks the effective value', () => {
    const r = matterc(['why', 'newborn', 'promisedLimit', 'examples/guangdong']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('newborn › promisedLimit');
    expect(lines[1]).toMatch(
      /^ {2}国家 national-2024-1 {2}matters\/bundles\/newborn\.yaml:\d+:\d+ {2}未设定（沿用上级）$/,
    );
    expect(lines[2]).toMatch(
      /^ {2}省级 \S+ {2}examples\/guangdong\/bundles\/\S+\.yaml:\d+:\d+ {2}5个工作日 ←$/,
    );
    expect(lines[3]).toMatch(/^生效值：5个工作日（examples\/guangdong\/bundles\/\S+\.yaml:\d+:\d+）$/);
  });

  it('follows a component into its matter at every layer, in JSON too', () => {
    const r = matterc([
      'why',
      'newborn',
      'components/birth-medical-certificate/promisedLimit',
      'examples/guangdong',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(
      out.layers.map((l: { level: string; kind: string; sets: boolean }) => [l.level, l.kind, l.sets]),
    ).toEqual([
      ['国家', 'Matter', false],
      ['省级', 'Matter', true],
    ]);
    expect(out.effective).toMatchObject({ kind: 'Matter', value: '即办' });
    expect(out.effective.file).toMatch(/^examples\/guangdong\/matters\//);
  });

  it('exits 2 for an unknown item or path', () => {
    const item = matterc(['why', 'no-such-item', 'promisedLimit', 'examples/guangdong']);
    expect(item.status).toBe(2);
    expect(item.stderr).toContain('MC9007');
    const path = matterc(['why', 'newborn', 'no/such/path', 'examples/guangdong']);
    expect(path.status).toBe(2);
    expect(path.stderr).toContain('MC9008');
  });
});

describe('matterc compare', () => {
  it('needs two repositories', () => {
    const r = matterc(['compare', 'examples/guangdong']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('MC9009');
  });
});
