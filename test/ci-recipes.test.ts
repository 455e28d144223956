/**
 * The CI recipes in examples/ci/ run as written: every `matterc` command line of the GitHub Actions
 * workflow and of the GitLab CI jobs is taken from the YAML and run by bash, with the CI variables set,
 * in a provincial repository made here with git (a base on `main`, pushed to an `origin`, and merge
 * request branches), and what each writes is read by the consumer its platform uses.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  gitlabProblems,
  type GitlabIssue,
  parseGithub,
  parseJunit,
  type SarifLog,
  sarifProblems,
} from './helpers/consumers.js';
import { BIN, ROOT } from './helpers/run.js';
import { GIT_IDENTITY } from './helpers/git.js';

type Recipe = 'github' | 'gitlab';
const RECIPE_FILES: Record<Recipe, string> = { github: 'github-actions.yml', gitlab: 'gitlab-ci.yml' };
const read = (recipe: Recipe) => readFileSync(join(ROOT, 'examples/ci', RECIPE_FILES[recipe]), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}
interface GitlabJob {
  script?: string[];
  before_script?: string[];
  rules?: { if: string }[];
  variables?: Record<string, unknown>;
  artifacts?: { when?: string; reports?: Record<string, string>; paths?: string[] };
}

/** The `matterc` command lines of a recipe, in the order the CI runs them. */
function commandLines(recipe: Recipe): string[] {
  const doc = parse(read(recipe)) as Record<string, unknown>;
  const scripts =
    recipe === 'github'
      ? Object.values((doc as unknown as Workflow).jobs).flatMap((job) => job.steps.map((s) => s.run ?? ''))
      : Object.values(doc)
          .filter((v): v is GitlabJob => typeof v === 'object' && v !== null && !Array.isArray(v))
          .flatMap((job) => [...(job.before_script ?? []), ...(job.script ?? [])]);
  return scripts
    .flatMap((s) => s.split('\n'))
    .map((l) => l.trim())
    .filter((l) => /\bmatterc\b/.test(l));
}

const tmp = mkdtempSync(join(tmpdir(), 'matterc-ci-'));
const work = join(tmp, 'work');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const gitEnv = {
  ...process.env,
  ...GIT_IDENTITY,
};
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: work, encoding: 'utf8', env: gitEnv }).trim();

/**
 * `npx --no-install matterc …` as CI runs it after `npm ci`: the built command line of this checkout.
 * (test/scaffold.test.ts runs the same lines with the real npx and a packed, installed matterc.)
 */
function fakeNpx(): string {
  const bin = join(tmp, 'bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'npx'),
    `#!/bin/sh\n[ "$1" = --no-install ] && [ "$2" = matterc ] || { echo "unexpected: npx $*" >&2; exit 127; }\nshift 2\nexec "${process.execPath}" "${BIN}" "$@"\n`,
  );
  chmodSync(join(bin, 'npx'), 0o755);
  return bin;
}

interface LineRun {
  line: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Every `matterc` line of a recipe, with the CI variables a merge request into `main` has. */
function runRecipe(recipe: Recipe, scenario: string, bin: string): LineRun[] {
  git('clean', '-fdxq');
  const summary = join(tmp, `${recipe}-${scenario}-summary.md`);
  writeFileSync(summary, '');
  const env = {
    ...process.env,
    PATH: `${bin}:${process.env['PATH'] ?? ''}`,
    NO_COLOR: '1',
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_BASE_REF: 'main',
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
  };
  return commandLines(recipe).map((written) => {
    const line = written.replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main');
    const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', line], {
      cwd: work,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { line: written, status: r.status, stdout: r.stdout, stderr: r.stderr };
  });
}

const BUNDLE = 'bundles/gd-newborn-zs.yaml';
const MATTER = 'matters/gd-birth-medical-certificate.yaml';
let bin: string;

beforeAll(() => {
  bin = fakeNpx();
  // A provincial repository: the Guangdong example (its matterc.yaml adds the national baseline
  // shipped in matters/), in canonical format, with the recipes where the platforms look for them.
  cpSync(join(ROOT, 'examples/guangdong'), work, { recursive: true });
  mkdirSync(join(work, '.github/workflows'), { recursive: true });
  cpSync(join(ROOT, 'examples/ci/github-actions.yml'), join(work, '.github/workflows/matterc.yml'));
  cpSync(join(ROOT, 'examples/ci/gitlab-ci.yml'), join(work, '.gitlab-ci.yml'));
  git('init', '-q', '-b', 'main');
  const fmt = spawnSync(process.execPath, [BIN, 'fmt', '.'], { cwd: work, encoding: 'utf8' });
  expect(fmt.status, fmt.stdout + fmt.stderr).toBe(0);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  git('init', '-q', '--bare', join(tmp, 'origin.git'));
  git('remote', 'add', 'origin', join(tmp, 'origin.git'));
  git('push', '-q', 'origin', 'main');

  // A merge request that makes applicants visit twice: valid, but heavier.
  git('checkout', '-q', '-b', 'heavier', 'main');
  const bundle = readFileSync(join(work, BUNDLE), 'utf8');
  expect(bundle).toContain('\nvisits: 1\n');
  writeFileSync(join(work, BUNDLE), bundle.replace('\nvisits: 1\n', '\nvisits: 2\n'));
  git('commit', '-q', '-am', 'heavier');

  // A merge request with a misspelt key: check fails, nothing gets heavier.
  git('checkout', '-q', '-b', 'typo', 'main');
  const matter = readFileSync(join(work, MATTER), 'utf8');
  expect(matter).toMatch(/^name: /m);
  writeFileSync(join(work, MATTER), matter.replace(/^name: /m, 'nmae: '));
  // Its author ran matterc fmt, as the fmt --check step asks.
  expect(spawnSync(process.execPath, [BIN, 'fmt', MATTER], { cwd: work }).status).toBe(0);
  git('commit', '-q', '-am', 'typo');
});

describe('the recipes', () => {
  it('run check, fmt --check and diff against the target branch', () => {
    const github = commandLines('github');
    expect(github).toEqual([
      'npx --no-install matterc check --format github',
      'npx --no-install matterc fmt --check',
      'npx --no-install matterc check --format sarif > matterc.sarif || [ $? -eq 1 ]',
      'npx --no-install matterc diff origin/${{ github.base_ref }} --format markdown >> "$GITHUB_STEP_SUMMARY" || [ $? -eq 1 ]',
      'npx --no-install matterc diff origin/${{ github.base_ref }} --format github',
    ]);
    const gitlab = commandLines('gitlab');
    expect(gitlab).toEqual([
      'npx --no-install matterc check --format gitlab > gl-code-quality-report.json || [ $? -eq 1 ]',
      'npx --no-install matterc check --format junit > matterc-junit.xml || [ $? -eq 1 ]',
      'npx --no-install matterc fmt --check',
      'npx --no-install matterc check',
      'npx --no-install matterc diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" --format markdown > matterc-diff.md || [ $? -eq 1 ]',
      'npx --no-install matterc diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"',
    ]);
  });

  it('set up what the platforms need: full history, Node 24, SARIF upload, report artifacts, merge-request rules', () => {
    const steps = Object.values((parse(read('github')) as Workflow).jobs).flatMap((j) => j.steps);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with).toMatchObject({
      'fetch-depth': 0,
    });
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with).toMatchObject({
      'node-version': 24,
    });
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))?.with).toMatchObject({
      sarif_file: 'matterc.sarif',
    });
    const jobs = parse(read('gitlab')) as Record<string, GitlabJob & { image?: string }>;
    expect(jobs['.matterc']!.image).toBe('node:24');
    expect(jobs['matterc-check']!.artifacts).toMatchObject({
      when: 'always',
      reports: { codequality: 'gl-code-quality-report.json', junit: 'matterc-junit.xml' },
    });
    expect(jobs['matterc-diff']!.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(jobs['matterc-diff']!.variables).toMatchObject({ GIT_DEPTH: 0 });
  });
});

/** The exit code a line must end with in a scenario: reports always succeed; the gates decide. */
function expectedStatus(line: string, scenario: 'heavier' | 'typo'): number {
  if (line.endsWith('|| [ $? -eq 1 ]')) return 0;
  // diff fails both: one change is heavier; the other leaves a document it could not compare (MC7120).
  if (/matterc diff/.test(line)) return 1;
  if (/matterc fmt --check/.test(line)) return 0;
  return scenario === 'typo' ? 1 : 0;
}

function expectStatuses(runs: LineRun[], scenario: 'heavier' | 'typo'): void {
  for (const r of runs) {
    expect(r.stderr, r.line).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.status, `${r.line}\n${r.stdout}\n${r.stderr}`).toBe(expectedStatus(r.line, scenario));
  }
}

const output = (file: string) => readFileSync(join(work, file), 'utf8');
const byLine = (runs: LineRun[], start: string) => runs.find((r) => r.line.startsWith(start))!;

describe('a merge request that adds a visit (valid, but heavier for citizens)', () => {
  it('GitHub Actions: check passes, the diff annotates the change and fails the job, the summary holds the report', () => {
    git('checkout', '-q', 'heavier');
    const runs = runRecipe('github', 'heavier', bin);
    expectStatuses(runs, 'heavier');
    const check = parseGithub(byLine(runs, 'npx --no-install matterc check --format github').stdout);
    expect(check.problems).toEqual([]);
    expect(check.annotations).toEqual([]);
    expect(sarifProblems(output('matterc.sarif'))).toEqual([]);
    const diff = parseGithub(
      byLine(runs, 'npx --no-install matterc diff origin/${{ github.base_ref }} --format github').stdout,
    );
    expect(diff.problems).toEqual([]);
    expect(diff.annotations).toEqual([
      expect.objectContaining({
        command: 'error',
        properties: expect.objectContaining({ file: BUNDLE, line: '52', title: 'matterc MC7101' }),
      }),
    ]);
    const summary = readFileSync(join(tmp, 'github-heavier-summary.md'), 'utf8');
    expect(summary).toMatch(/^## /);
    expect(summary).toContain('Bundle:gd-newborn-zs/visits');
  });

  it('GitLab CI: empty reports that GitLab reads, fmt and check pass, the diff job fails with its report kept', () => {
    git('checkout', '-q', 'heavier');
    const runs = runRecipe('gitlab', 'heavier', bin);
    expectStatuses(runs, 'heavier');
    expect(gitlabProblems(output('gl-code-quality-report.json'))).toEqual([]);
    expect(JSON.parse(output('gl-code-quality-report.json'))).toEqual([]);
    const junit = parseJunit(output('matterc-junit.xml'));
    expect(junit.problems).toEqual([]);
    expect(junit.report.testsuites['@_tests']).toBe('1');
    expect(output('matterc-diff.md')).toContain('Bundle:gd-newborn-zs/visits');
  });
});

describe('a merge request with a misspelt key (check fails; diff cannot compare that file)', () => {
  it('GitHub Actions: the check annotates the key and fails, SARIF for code scanning is valid, the diff cannot pass it', () => {
    git('checkout', '-q', 'typo');
    const runs = runRecipe('github', 'typo', bin);
    expectStatuses(runs, 'typo');
    const check = parseGithub(byLine(runs, 'npx --no-install matterc check --format github').stdout);
    expect(check.problems).toEqual([]);
    expect(check.annotations).toContainEqual(
      expect.objectContaining({
        command: 'error',
        properties: expect.objectContaining({ file: MATTER, title: 'matterc MC2001' }),
      }),
    );
    const sarif = output('matterc.sarif');
    expect(sarifProblems(sarif)).toEqual([]);
    const results = (JSON.parse(sarif) as SarifLog).runs[0]!.results;
    expect(results.map((r) => r.ruleId)).toContain('MC2001');
    expect(results.length).toBe(check.annotations.length);
  });

  it('GitLab CI: the Code Quality and JUnit reports carry the errors, check fails, so does the diff', () => {
    git('checkout', '-q', 'typo');
    const runs = runRecipe('gitlab', 'typo', bin);
    expectStatuses(runs, 'typo');
    const gitlab = output('gl-code-quality-report.json');
    expect(gitlabProblems(gitlab)).toEqual([]);
    const issues = JSON.parse(gitlab) as GitlabIssue[];
    expect(issues.find((i) => i.check_name === 'MC2001')?.location.path).toBe(MATTER);
    const junit = parseJunit(output('matterc-junit.xml'));
    expect(junit.problems).toEqual([]);
    // Errors are JUnit failures; notes (the MC6040 that the file was not checked further) pass.
    expect(Number(junit.report.testsuites['@_failures'])).toBe(
      issues.filter((i) => i.severity === 'critical').length,
    );
    expect(output('matterc-diff.md')).toMatch(/^## /);
    expect(output('matterc-diff.md')).toContain(MATTER);
  });
});
