import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../../version.js';
import { type CatalogueEntry, D, type Severity, TERMS } from '../catalogue.js';
import {
  type Diagnostic,
  hintOf,
  type Lang,
  labelOf,
  type Location,
  messageOf,
  pick,
} from '../diagnostic.js';
import { fingerprints } from './fingerprint.js';

export interface SarifOptions {
  readonly lang: Lang;
  /** The tool that produced the findings (`check`, `diff`): names the run for platforms that keep several. */
  readonly command: string;
  /** The directory relative paths are relative to; recorded as `%SRCROOT%` when given. */
  readonly cwd?: string | undefined;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  fatal: 'error',
  error: 'error',
  warning: 'warning',
  info: 'note',
};

const NAMES = new Map<CatalogueEntry, string>(Object.entries(D).map(([name, entry]) => [entry, name]));

/**
 * A file path as a SARIF artifact URI: a path relative to the working directory becomes a relative URI
 * reference (forward slashes, every segment percent-encoded, so Chinese names, spaces, `#` and `:` stay
 * one path) resolved against `%SRCROOT%`; a path outside it (the national baseline shipped with matterc)
 * becomes an absolute `file:` URI.
 */
export function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function physical(loc: Location) {
  const { source, range } = loc;
  const a = source.position(range.start);
  const b = source.position(Math.max(range.start, range.end));
  return {
    artifactLocation: artifactLocation(source.path),
    // SARIF columns are 1-based; endColumn is the column just after the region (run.columnKind says
    // they count UTF-16 code units, as editors and GitHub do).
    region: { startLine: a.line, startColumn: a.utf16Column, endLine: b.line, endColumn: b.utf16Column },
  };
}

const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);

function rule(entry: CatalogueEntry, lang: Lang) {
  const summary = pick(entry.summary, lang);
  const hint = pick(entry.hint, lang);
  const whatToDo = pick(TERMS.whatToDo, lang);
  const name = NAMES.get(entry);
  return {
    id: entry.code,
    ...(name ? { name } : {}),
    shortDescription: { text: pick(entry.message, lang) },
    fullDescription: { text: summary },
    help: {
      text: `${summary}\n${whatToDo}${hint}`,
      markdown: `${escapeMarkdown(summary)}\n\n**${escapeMarkdown(whatToDo.trim())}** ${escapeMarkdown(hint)}`,
    },
    defaultConfiguration: { level: LEVEL[entry.severity] },
  };
}

/**
 * SARIF 2.1.0: one run of matterc, a rule for every code that occurs (its message template, the
 * `matterc explain` summary and the hint), one result per problem. A problem that stopped the tool
 * (fatal, MC9xxx) is a tool execution notification, not a result about the files.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], o: SarifOptions): string {
  const lang = o.lang;
  const fatal = diagnostics.filter((d) => d.entry.severity === 'fatal');
  const problems = diagnostics.filter((d) => d.entry.severity !== 'fatal');
  const entries = [...new Set(problems.map((d) => d.entry))].sort((a, b) =>
    a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
  );
  const ruleIndex = new Map(entries.map((e, i) => [e, i]));
  const ids = fingerprints(problems);
  // Once any problem is recorded in a baseline, a baseline was in use: every other problem is new.
  const baselineInUse = problems.some((d) => d.baselined);

  const results = problems.map((d, i) => {
    const hint = hintOf(d, lang);
    const logical = d.path ? [{ fullyQualifiedName: d.path }] : undefined;
    // GitHub code scanning refuses a result without a file; a problem with no position of its own is
    // shown at the first related position when it has one.
    const anchor = d.location ?? d.related[0];
    const location = {
      ...(anchor ? { physicalLocation: physical(anchor) } : {}),
      ...(logical ? { logicalLocations: logical } : {}),
    };
    return {
      ruleId: d.entry.code,
      ruleIndex: ruleIndex.get(d.entry)!,
      level: LEVEL[d.entry.severity],
      message: {
        text: hint ? `${messageOf(d, lang)}\n${pick(TERMS.hintPrefix, lang)}${hint}` : messageOf(d, lang),
      },
      ...(Object.keys(location).length > 0 ? { locations: [location] } : {}),
      ...(d.related.length > 0
        ? {
            relatedLocations: d.related.map((r, j) => ({
              id: j + 1,
              physicalLocation: physical(r),
              message: { text: labelOf(r.label, lang) },
            })),
          }
        : {}),
      partialFingerprints: { 'matterc/v1': ids[i]! },
      ...(d.baselined ? { suppressions: [{ kind: 'external' }] } : {}),
      ...(baselineInUse ? { baselineState: d.baselined ? 'unchanged' : 'new' } : {}),
      ...(d.path ? { properties: { semanticPath: d.path } } : {}),
    };
  });

  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'matterc',
            version: VERSION,
            semanticVersion: VERSION,
            language: lang === 'en' ? 'en-US' : 'zh-CN',
            rules: entries.map((e) => rule(e, lang)),
          },
        },
        invocations: [
          {
            executionSuccessful: fatal.length === 0,
            ...(fatal.length > 0
              ? {
                  toolExecutionNotifications: fatal.map((d) => ({
                    descriptor: { id: d.entry.code },
                    level: 'error',
                    message: { text: messageOf(d, lang) },
                  })),
                }
              : {}),
          },
        ],
        automationDetails: { id: `matterc/${o.command}/` },
        language: lang === 'en' ? 'en-US' : 'zh-CN',
        ...(o.cwd
          ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(o.cwd).href.replace(/\/?$/, '/') } } }
          : {}),
        columnKind: 'utf16CodeUnits',
        // The line breaks matterc counts lines by (a lone CR is one too).
        newlineSequences: ['\r\n', '\n', '\r'],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
