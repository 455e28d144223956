/**
 * `engines.node` in package.json is a promise to users: every Node it admits runs matterc. It holds
 * only if each runtime dependency admits at least as much, if the Node types we compile against are
 * no newer than the oldest Node we admit, and if the Node versions CI runs on are among those
 * admitted (this machine's, and Node 24 in the second run of .ci/run).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './helpers/run.js';

interface Manifest {
  name: string;
  version: string;
  engines?: { node?: string };
  devDependencies?: Record<string, string>;
}
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
const own = manifest(ROOT);

type Version = [number, number, number];
const version = (s: string): Version => {
  const [a = 0, b = 0, c = 0] = s.replace(/^v/, '').split('.').map(Number);
  return [a, b, c];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The lowest Node our `engines` admits: it must be a plain lower bound `>=X.Y[.Z]`. */
function ownMinimum(): Version {
  const range = own.engines?.node ?? '';
  const m = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(range.trim());
  expect(m, `engines.node is a lower bound, like ">=20.19" (is "${range}")`).not.toBeNull();
  return version(m![1]!);
}

/**
 * Whether every Node from `min` on satisfies `range`: true when one of its alternatives is a lower
 * bound at or below `min` (`*`, `>=V`, `>V`). Other shapes (upper bounds, `^`) do not admit every
 * later Node and are reported so that someone reads them.
 */
function admitsFrom(range: string, min: Version): boolean {
  return range.split('||').some((alternative) => {
    const a = alternative.trim();
    if (a === '' || a === '*' || a === 'x') return true;
    const m = /^(>=?)\s*v?(\d+(?:\.\d+){0,2})$/.exec(a);
    if (!m) return false;
    const bound = version(m[2]!);
    return m[1] === '>=' ? compare(bound, min) <= 0 : compare(bound, min) < 0;
  });
}

/** The runtime dependencies a user installs with matterc: package-lock.json entries not marked dev. */
function runtimeDependencies(): string[] {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional)
    .map(([path]) => path);
}

describe('engines.node', () => {
  const min = ownMinimum();

  it('is admitted by every runtime dependency', () => {
    const deps = runtimeDependencies();
    expect(deps.length).toBeGreaterThan(5);
    const narrower = deps
      .filter((path) => existsSync(join(ROOT, path, 'package.json')))
      .map((path) => ({ path, node: manifest(join(ROOT, path)).engines?.node }))
      .filter((d) => d.node !== undefined && !admitsFrom(d.node, min));
    expect(narrower, `dependencies that do not admit every Node ${own.engines!.node}`).toEqual([]);
  });

  it('is what we compile against: @types/node of the oldest Node admitted', () => {
    const types = /(\d+)/.exec(own.devDependencies?.['@types/node'] ?? '')?.[1];
    expect(Number(types)).toBe(min[0]);
  });

  it('admits the Node running these tests and the Node of CI and of the CI recipes', () => {
    expect(compare(version(process.versions.node), min), process.version).toBeGreaterThanOrEqual(0);
    const run = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const ciNode = /node-linux-[a-z0-9$(){}. _-]*@(\d+)/.exec(run)?.[1];
    expect(ciNode, '.ci/run also runs tests on a newer Node from the npm registry').toBeDefined();
    expect(Number(ciNode)).toBeGreaterThanOrEqual(min[0]);
    const github = parse(readFileSync(join(ROOT, 'examples/ci/github-actions.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
    };
    const setupNode = Object.values(github.jobs)
      .flatMap((j) => j.steps)
      .find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(Number(setupNode?.with?.['node-version'])).toBeGreaterThanOrEqual(min[0]);
    const gitlab = readFileSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), 'utf8');
    expect(Number(/image: node:(\d+)/.exec(gitlab)?.[1])).toBeGreaterThanOrEqual(min[0]);
  });

  it('reads bounds the way npm does', () => {
    expect(admitsFrom('>=20', [20, 19, 0])).toBe(true);
    expect(admitsFrom('>= 14.6', [20, 19, 0])).toBe(true);
    expect(admitsFrom('>=20.19', [20, 19, 0])).toBe(true);
    expect(admitsFrom('>=22', [20, 19, 0])).toBe(false);
    expect(admitsFrom('>20.19.0', [20, 19, 0])).toBe(false);
    expect(admitsFrom('^20.19.0 || >=22.12.0', [20, 19, 0])).toBe(false);
    expect(admitsFrom('*', [20, 19, 0])).toBe(true);
  });
});
