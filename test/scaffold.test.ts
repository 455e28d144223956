/**
 * `matterc init` makes the repository docs/ci.md describes: it passes its own `check` and
 * `fmt --check`, its package.json pins this matterc, and its CI files are the recipes of examples/ci/
 * running the installed version. Then the real thing: matterc is packed (`npm pack`), the scaffold is
 * installed from that tarball without network, and every command of its CI files runs there with the
 * real npm and npx.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageNameFor, SCAFFOLD_CI_FILES } from '../src/init/scaffold.js';
import { VERSION } from '../src/version.js';
import { matterc, ROOT } from './helpers/run.js';
import { GIT_IDENTITY } from './helpers/git.js';

/** Hang guards only: a cold `npm ci` on a loaded machine can take a while. */
const COMMAND_TIMEOUT = 300_000;
const INSTALL_TEST_TIMEOUT = 900_000;

const tmp = mkdtempSync(join(tmpdir(), 'matterc-scaffold-'));
/** Upper case and a space in the directory name: the package name is derived from it, safely. */
const repo = join(tmp, 'Hunan List 2025');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (rel: string) => readFileSync(join(repo, rel), 'utf8');

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

beforeAll(() => {
  const r = matterc(['init', repo, '--name', '测试省', '--region', '990000']);
  expect(r.status, r.stdout + r.stderr).toBe(0);
});

describe('matterc init', () => {
  it('passes its own check and fmt --check', () => {
    const checked = matterc(['check'], { cwd: repo });
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    expect(checked.stdout).toContain('0 个错误，0 个警告');
    const formatted = matterc(['fmt', '--check'], { cwd: repo });
    expect(formatted.status, formatted.stdout + formatted.stderr).toBe(0);
  });

  it('writes a private package.json with this matterc pinned and the commands as scripts', () => {
    const pkg = JSON.parse(read('package.json')) as PackageJson;
    expect(pkg.private).toBe(true);
    expect(pkg.name).toBe('hunan-list-2025');
    expect(pkg.devDependencies).toEqual({ matterc: VERSION });
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.scripts).toMatchObject({
      check: 'matterc check',
      fmt: 'matterc fmt',
      'fmt:check': 'matterc fmt --check',
      diff: 'matterc diff',
    });
    expect(read('.gitignore').split('\n')).toContain('node_modules/');
  });

  it('derives a valid npm package name from any directory name', () => {
    expect(packageNameFor('/x/Hunan List 2025', '990000')).toBe('hunan-list-2025');
    expect(packageNameFor('/x/湖南省清单', '430000')).toBe('matterc-list-430000');
    expect(packageNameFor('/x/.湖南_list.', '430000')).toBe('list');
    expect(packageNameFor('/x/node_modules', '430000')).toBe('matterc-list-430000');
    expect(packageNameFor('/x/---', '430000')).toBe('matterc-list-430000');
    for (const dir of ['/x/Ab Cd', '/x/湖南', '/x/._-a', '/x/A'.repeat(80), '/x/ä.b']) {
      expect(packageNameFor(dir, '990000')).toMatch(/^[a-z0-9][a-z0-9._-]{0,213}$/);
    }
  });

  it('carries the CI recipes of examples/ci/ as they are: npm ci, then the installed matterc only', () => {
    for (const [target, recipe] of Object.entries(SCAFFOLD_CI_FILES)) {
      const text = read(target);
      expect(text).toBe(readFileSync(join(ROOT, 'examples/ci', recipe), 'utf8'));
      expect(text).not.toMatch(/npx\s+(--yes|-y)\b/);
      const lines = ciScripts(target).flatMap((s) => s.command.split('\n'));
      expect(lines.map((l) => l.trim())).toContain('npm ci');
      for (const line of lines.filter((l) => /\bmatterc\b/.test(l))) {
        expect(line.trim()).toMatch(/^(npx --no-install matterc|npm run) /);
      }
    }
  });
});

/** A CI file's commands in the order its platform runs them, each as one bash script. */
function ciScripts(target: string): { job: string; command: string }[] {
  const doc = parse(read(target)) as Record<string, unknown>;
  if (target.startsWith('.github/')) {
    const jobs = doc['jobs'] as Record<string, { steps: { run?: string }[] }>;
    return Object.entries(jobs).flatMap(([job, j]) =>
      j.steps.filter((s) => s.run !== undefined).map((s) => ({ job, command: s.run! })),
    );
  }
  // GitLab: every job that is not a template (`.name`) and has a script; each line runs on its own.
  type Job = { extends?: string; before_script?: string[]; script?: string[] };
  const jobs = doc as Record<string, Job>;
  return Object.entries(jobs)
    .filter(([name, j]) => !name.startsWith('.') && typeof j === 'object' && j !== null && 'script' in j)
    .flatMap(([job, j]) => {
      const base = j.extends === undefined ? undefined : jobs[j.extends];
      return [...(j.before_script ?? base?.before_script ?? []), ...(j.script ?? [])].map((command) => ({
        job,
        command,
      }));
    });
}

describe('installed from the packed tarball, without network', () => {
  let tarball: string;
  const gitEnv = {
    ...process.env,
    ...GIT_IDENTITY,
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8' });
  /** npm and npx of this machine, run by the Node that runs the tests (Node 24 in the second CI run). */
  const env = {
    ...process.env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env['PATH'] ?? ''}`,
    NO_COLOR: '1',
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const sh = (command: string) =>
    spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', command], {
      cwd: repo,
      env: { ...env, ...ciEnv },
      encoding: 'utf8',
      timeout: COMMAND_TIMEOUT,
    });
  const summary = join(tmp, 'step-summary.md');
  /** What GitHub and GitLab set for a pull/merge request into `main`. */
  const ciEnv = { CI: 'true', GITHUB_STEP_SUMMARY: summary, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' };

  beforeAll(() => {
    expect(existsSync(join(ROOT, 'dist/cli/main.js')), 'dist/ is built first (npm run build)').toBe(true);
    // The tarball npm would publish; dist/ is already built, so no prepare script.
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: COMMAND_TIMEOUT,
    });
    tarball = join(tmp, (JSON.parse(packed) as { filename: string }[])[0]!.filename);
    writeFileSync(join(repo, 'package-lock.json'), offlineLock(tarball));

    // The province's repository: committed, pushed to `origin`, and a merge request branch.
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'init');
    git('init', '-q', '--bare', join(tmp, 'origin.git'));
    git('remote', 'add', 'origin', join(tmp, 'origin.git'));
    git('push', '-q', 'origin', 'main');
    git('checkout', '-q', '-b', 'local-change');
    const matter = 'matters/local-sample-matter.yaml';
    writeFileSync(
      join(repo, matter),
      read(matter).replace('promisedLimit: 5个工作日', 'promisedLimit: 3个工作日'),
    );
    git('commit', '-q', '-am', 'a shorter promised limit');
  }, INSTALL_TEST_TIMEOUT);

  it('packs what the scaffold needs: the CI recipes, schemas, national matters, templates and dist', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const f of [
      'package/bin/matterc',
      'package/dist/cli/main.js',
      'package/dist/schema/validators.cjs',
      'package/examples/ci/github-actions.yml',
      'package/examples/ci/gitlab-ci.yml',
      'package/schemas/matter.schema.json',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('package/matters/'))).toBe(true);
    expect(files.some((f) => f.startsWith('package/templates/site/'))).toBe(true);
    expect(files.filter((f) => f.startsWith('package/test/') || f.startsWith('package/src/'))).toEqual([]);
  });

  for (const target of Object.keys(SCAFFOLD_CI_FILES)) {
    it(
      `runs every command of ${target}, npm ci included, with the installed matterc`,
      () => {
        rmSync(join(repo, 'node_modules'), { recursive: true, force: true });
        writeFileSync(summary, '');
        for (const { job, command } of ciScripts(target)) {
          const written = command.replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main');
          const r = sh(written);
          const output = `${job}: ${command}\n${r.stdout}\n${r.stderr}`;
          expect(r.error, output).toBeUndefined();
          expect(r.stderr, output).not.toMatch(/\n\s+at .+:\d+:\d+/);
          expect(r.status, output).toBe(0);
        }
        // `npm ci` installed the tarball, and `npx --no-install matterc` is that installed copy.
        const installed = JSON.parse(read('node_modules/matterc/package.json')) as PackageJson;
        expect(installed.version).toBe(VERSION);
        expect(realpathSync(join(repo, 'node_modules/.bin/matterc'))).toBe(
          realpathSync(join(repo, 'node_modules/matterc/bin/matterc')),
        );
        const version = sh('npx --no-install matterc --version');
        expect(version.stdout.trim()).toBe(VERSION);
        if (target.startsWith('.github/')) expect(readFileSync(summary, 'utf8')).toMatch(/^## /);
      },
      INSTALL_TEST_TIMEOUT,
    );
  }

  it(
    'runs its package.json scripts',
    () => {
      expect(sh('npm ci').status).toBe(0);
      for (const script of [
        'npm run check',
        'npm run fmt:check',
        'npm run diff -- origin/main',
        'npm run build',
      ]) {
        const r = sh(script);
        expect(r.status, `${script}\n${r.stdout}\n${r.stderr}`).toBe(0);
      }
      expect(existsSync(join(repo, 'site/site/index.html'))).toBe(true);
    },
    INSTALL_TEST_TIMEOUT,
  );

  it(
    'scaffolds from the installed package too: the CI recipes travel in the tarball',
    () => {
      const again = join(tmp, 'from-the-package');
      const r = sh(`npx --no-install matterc init '${again}' --name 测试省 --region 990000`);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      for (const [target, recipe] of Object.entries(SCAFFOLD_CI_FILES)) {
        expect(readFileSync(join(again, target), 'utf8')).toBe(
          readFileSync(join(ROOT, 'examples/ci', recipe), 'utf8'),
        );
      }
      const pkg = JSON.parse(readFileSync(join(again, 'package.json'), 'utf8')) as PackageJson;
      expect(pkg.devDependencies).toEqual({ matterc: VERSION });
    },
    INSTALL_TEST_TIMEOUT,
  );
});

/**
 * The lockfile `npm install` would write in the province's repository, with matterc resolved to the
 * packed tarball instead of the registry and its runtime dependencies taken from matterc's own
 * package-lock.json: `npm ci` then needs no network, because `npm ci` of this checkout put exactly
 * those tarballs in npm's cache. package.json keeps the pinned version that `matterc init` wrote.
 */
function offlineLock(tarballPath: string): string {
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
  };
  const pkg = JSON.parse(read('package.json')) as PackageJson;
  const packages: Record<string, unknown> = {
    '': { name: pkg.name, version: pkg.version, devDependencies: pkg.devDependencies },
    'node_modules/matterc': {
      version: own.version,
      resolved: `file:${tarballPath}`,
      dev: true,
      license: own.license,
      dependencies: own.dependencies,
      bin: own.bin,
      engines: own.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path !== '' && !entry.dev && !entry.devOptional) packages[path] = { ...entry, dev: true };
  }
  return `${JSON.stringify({ name: pkg.name, version: pkg.version, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}
