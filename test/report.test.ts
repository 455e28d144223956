/** The questions asked of effective lists, through the CLI on the shipped examples: why and compare. */
import { describe, expect, it } from 'vitest';
import { matterc } from './helpers/run.js';
import { expectCode } from './helpers/expect-code.js';

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
    expectCode(item.stderr, 'MC9007');
    const path = matterc(['why', 'newborn', 'no/such/path', 'examples/guangdong']);
    expect(path.status).toBe(2);
    expectCode(path.stderr, 'MC9008');
  });
});

describe('matterc compare', () => {
  it('lays the same national item side by side across two provinces (同一件事不同标准)', () => {
    const r = matterc(['compare', 'examples/guangdong', 'examples/fujian']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## 同一件事不同标准：新生儿出生一件事');
    expect(r.stdout).toMatch(/\| 申请资格 \| 新生儿\.月龄 < 12 \| 新生儿\.月龄 < 6 and [^|]+\|/);
    // A component only one province has is a single row.
    expect(r.stdout).toMatch(
      /\| maternity-insurance-benefit · 组成事项 \| （无此事项） \| 生育保险待遇核准支付 \|/,
    );
  });

  it('writes JSON with one value per side and the rows that differ marked', () => {
    const r = matterc([
      'compare',
      'examples/guangdong',
      'examples/fujian',
      '--format',
      'json',
      '--lang',
      'en',
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sides).toHaveLength(2);
    const newborn = out.items.find((i: { item: string }) => i.item === 'newborn');
    const eligible = newborn.rows.find(
      (row: { element: string; component?: string }) => row.element === 'eligible' && !row.component,
    );
    expect(eligible).toMatchObject({
      differs: true,
      values: ['新生儿.月龄 < 12', expect.stringContaining('新生儿.月龄 < 6')],
    });
    expect(newborn.rows.find((row: { element: string }) => row.element === 'promisedLimit').values).toEqual([
      '5个工作日',
      '—',
    ]);
  });

  it('needs two repositories', () => {
    const r = matterc(['compare', 'examples/guangdong']);
    expect(r.status).toBe(2);
    expectCode(r.stderr, 'MC9009');
  });
});

describe('matterc report', () => {
  it('reports coverage, the waived deviation and metrics for the city layer', () => {
    const r = matterc(['report', 'examples/zhongshan', '--date', '2026-01-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## 覆盖上级国家清单');
    expect(r.stdout).toMatch(/\| 新生儿出生一件事 \| gd-newborn-zs \|/);
    expect(r.stdout).toMatch(/MC6020 警告：已豁免/);
    expect(r.stdout).toMatch(
      /\| zs-tobacco-site-inspection \| MC6006 \| [^|]+\| [^|]+\| [^|]+\| [^|]+\| 2030-12-31 \| 有效 \|/,
    );
    expect(r.stdout).toContain('## 改革成效（由数据计算）');
  });

  it('turns an expired waiver into an error and says so (exit 1)', () => {
    const r = matterc(['report', 'examples/zhongshan', '--date', '2031-01-01']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\| 2030-12-31 \| 已过期 \|/);
    expect(r.stdout).toContain('MC6006 错误');
  });

  it('writes JSON and a standalone HTML page', () => {
    const json = JSON.parse(matterc(['report', 'examples/guangdong', '--format', 'json']).stdout);
    const gd = json.reports.find((x: { list: string }) => x.list === 'gd-example-2024');
    expect(gd.coverage[0].items.map((i: { implementedBy?: string }) => i.implementedBy)).toEqual([
      'gd-restaurant-opening',
      'gd-newborn-zs',
      'education-enrollment',
      'social-security-card-services',
      'credit-repair',
      'enterprise-deregistration',
      'retirement',
      'disability-services',
    ]);
    const html = matterc(['report', 'examples/guangdong', '--format', 'html']).stdout;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<th scope="col">');
    expect(html).not.toMatch(/<script|https?:\/\//);
  });
});

describe('--date', () => {
  it('is refused (exit 2, MC9002) by every command when it is not a real day', () => {
    for (const args of [
      ['check', 'examples/zhongshan', '--date', '2026-02-30'],
      ['report', 'examples/zhongshan', '--date', 'tomorrow'],
      ['build', 'examples/zhongshan', '--out', 'dist-never-written', '--date', '2030/12/31'],
    ]) {
      const r = matterc(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('MC9002');
    }
  });
});
