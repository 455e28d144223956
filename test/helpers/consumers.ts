/**
 * The consumers of matterc's machine formats, as tests use them: the SARIF 2.1.0 schema (OASIS), the
 * documented GitLab Code Quality shape, the GitHub Actions workflow-command grammar and a real XML parser
 * for JUnit. Each returns the problems it finds, so a test can show them.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT } from './run.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv | Ajv2020,
) => void;

const vendored = (name: string) => JSON.parse(readFileSync(`${ROOT}test/vendor/${name}`, 'utf8')) as object;

/**
 * The SARIF schema writes two patterns with a leading `(?i)`, which means "ignore case" but is not
 * JavaScript syntax; they are compiled as the same pattern with the `i` flag, as the schema intends.
 */
const regExp = Object.assign(
  (pattern: string, u: string) =>
    pattern.startsWith('^(?i)') ? new RegExp(`^${pattern.slice(5)}`, `${u}i`) : new RegExp(pattern, u),
  { code: 'caseInsensitivePrefix' },
);

const sarifAjv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false, code: { regExp } });
addFormats(sarifAjv);
const sarifSchema = sarifAjv.compile(vendored('sarif-schema-2.1.0.json'));

const gitlabAjv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats(gitlabAjv);
const gitlabSchema = gitlabAjv.compile(vendored('gitlab-code-quality.schema.json'));

const show = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

export interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    invocations?: {
      executionSuccessful: boolean;
      toolExecutionNotifications?: { message: { text: string } }[];
    }[];
    columnKind: string;
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}
export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
}
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
export interface SarifPhysical {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: SarifRegion;
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: { physicalLocation?: SarifPhysical; logicalLocations?: { fullyQualifiedName: string }[] }[];
  relatedLocations?: { id: number; physicalLocation: SarifPhysical; message: { text: string } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string }[];
  baselineState?: string;
  properties?: { semanticPath?: string };
}

/** Problems of a SARIF log against the SARIF 2.1.0 schema, plus what GitHub code scanning insists on. */
export function sarifProblems(text: string): string[] {
  const log = JSON.parse(text) as SarifLog;
  const problems = sarifSchema(log) ? [] : show(sarifSchema.errors);
  for (const run of log.runs ?? []) {
    for (const [i, r] of (run.results ?? []).entries()) {
      // GitHub refuses the whole upload when one result has no artifact location.
      if (!r.locations?.[0]?.physicalLocation?.artifactLocation.uri)
        problems.push(`results/${i}: no physical location (GitHub code scanning refuses it)`);
      if (run.tool.driver.rules[r.ruleIndex]?.id !== r.ruleId)
        problems.push(`results/${i}: ruleIndex ${r.ruleIndex} does not name ${r.ruleId}`);
    }
  }
  return problems;
}

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
  content?: { body: string };
}

/** Problems of a GitLab Code Quality report: its documented shape, no BOM, and unique fingerprints. */
export function gitlabProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) problems.push('starts with a byte order mark');
  const report = JSON.parse(text.replace(/^\uFEFF/, '')) as GitlabIssue[];
  if (!gitlabSchema(report)) problems.push(...show(gitlabSchema.errors));
  const seen = new Set<string>();
  for (const issue of report) {
    if (seen.has(issue.fingerprint)) problems.push(`fingerprint ${issue.fingerprint} repeats`);
    seen.add(issue.fingerprint);
  }
  return problems;
}

export interface Annotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

const PROPERTY_ORDER = ['file', 'line', 'endLine', 'col', 'endColumn', 'title'];

/**
 * GitHub Actions annotations read as the runner reads them (actions/runner ActionCommand: a line
 * `::name key=value,key=value::message`, with `%25 %0D %0A` unescaped in the message and also
 * `%3A %2C` in property values). A line that is meant as a command but breaks the syntax is a problem;
 * so is a property out of the documented order or a raw `:`/`,` left in a value.
 */
export function parseGithub(text: string): { annotations: Annotation[]; problems: string[] } {
  const annotations: Annotation[] = [];
  const problems: string[] = [];
  const unescape = (s: string, property: boolean) => {
    let out = s.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
    if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
    return out.replace(/%25/g, '%');
  };
  for (const line of text.split('\n')) {
    if (!line.startsWith('::')) continue;
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) {
      problems.push(`not a workflow command: ${line}`);
      continue;
    }
    const properties: Record<string, string> = {};
    const keys: string[] = [];
    for (const pair of (m[2] ?? '').split(',').filter((p) => p !== '')) {
      const eq = pair.indexOf('=');
      if (eq < 1) {
        problems.push(`malformed property "${pair}" in ${line}`);
        continue;
      }
      const key = pair.slice(0, eq);
      keys.push(key);
      properties[key] = unescape(pair.slice(eq + 1), true);
    }
    const order = keys.map((k) => PROPERTY_ORDER.indexOf(k));
    if (order.some((n, i) => n < 0 || (i > 0 && n <= order[i - 1]!)))
      problems.push(`properties out of the documented order: ${keys.join(',')}`);
    annotations.push({ command: m[1]!, properties, message: unescape(m[3]!, false) });
  }
  return { annotations, problems };
}

export interface JunitCase {
  '@_name': string;
  '@_classname': string;
  '@_file'?: string;
  '@_line'?: string;
  failure?: { '#text'?: string; '@_message': string; '@_type': string };
  skipped?: { '@_message': string };
  'system-out'?: string;
}
export interface JunitSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: JunitCase[];
}
export interface JunitReport {
  testsuites: {
    '@_tests': string;
    '@_failures': string;
    '@_skipped': string;
    testsuite: JunitSuite[];
  };
}

/** JUnit XML parsed by fast-xml-parser, after its validator accepts it; counts are checked against the cases. */
export function parseJunit(text: string): { report: JunitReport; problems: string[] } {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return {
      report: { testsuites: { testsuite: [] } } as unknown as JunitReport,
      problems: [JSON.stringify(valid.err)],
    };
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  const report = parser.parse(text) as JunitReport;
  const problems: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const suite of report.testsuites.testsuite ?? []) {
    suite.testcase ??= [];
    const f = suite.testcase.filter((c) => c.failure !== undefined).length;
    const s = suite.testcase.filter((c) => c.skipped !== undefined).length;
    if (Number(suite['@_tests']) !== suite.testcase.length) problems.push(`${suite['@_name']}: tests`);
    if (Number(suite['@_failures']) !== f) problems.push(`${suite['@_name']}: failures`);
    if (Number(suite['@_skipped']) !== s) problems.push(`${suite['@_name']}: skipped`);
    tests += suite.testcase.length;
    failures += f;
    skipped += s;
  }
  const top = report.testsuites;
  if (
    Number(top['@_tests']) !== tests ||
    Number(top['@_failures']) !== failures ||
    Number(top['@_skipped']) !== skipped
  )
    problems.push('testsuites counts do not add up');
  return { report, problems };
}
