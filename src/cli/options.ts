import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CommanderError, InvalidArgumentError, Option } from 'commander';
import { D, TERMS, type Text } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import { DIAGNOSTIC_FORMATS } from './output.js';

/**
 * Every option value is parsed here, as commander reads it and before any command runs. A value that
 * does not parse becomes a diagnostic naming the option (MC9002, exit 2), so that an action never
 * meets a value it must distrust: an argument is never an internal error. The options several
 * commands share (`--lang`, `--date`, `--format`, `--no-color`…) are declared here once.
 */

export const LANGS = ['zh-CN', 'en'] as const;

/** The diagnostic formats of `check`, which `diff` also writes (besides its own Markdown report). */
export { DIAGNOSTIC_FORMATS };

/** The language when `--lang` is not given: `MATTERC_LANG=en`, else Chinese. */
export function defaultLang(): Lang {
  return process.env['MATTERC_LANG'] === 'en' ? 'en' : 'zh-CN';
}

/** True for a real calendar day written YYYY-MM-DD (no Date parsing: it throws or rolls over). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** Today in UTC, as YYYY-MM-DD. */
export function todayDate(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Factories for the options, one per kind of value. One instance per run of `main`: it remembers the
 * value it last refused, because commander keeps only the text of a parse error.
 */
export class OptionParsers {
  refused: Diagnostic | undefined;

  /** `cwd`: where relative paths start (the command's working directory). */
  constructor(private readonly cwd: string) {}

  /** One of `choices`; anything else is refused with the list. */
  choice<T extends string>(flags: string, description: string, choices: readonly T[], fallback?: T): Option {
    const option = new Option(flags, description).choices(choices);
    option.argParser((value: string) =>
      (choices as readonly string[]).includes(value)
        ? (value as T)
        : this.refuse(option, value, choices.join(', ')),
    );
    return fallback === undefined ? option : option.default(fallback);
  }

  lang(): Option {
    return this.choice('--lang <lang>', '输出语言 / output language', LANGS, defaultLang());
  }

  /** `--date`, the day waivers are checked against (check, report, build, diff). */
  date(): Option {
    const option = new Option(
      '--date <YYYY-MM-DD>',
      '检查豁免是否到期所用的日期（默认今天）/ the day waivers are checked against (default today)',
    );
    return option.argParser((value: string) =>
      isCalendarDate(value) ? value : this.refuse(option, value, TERMS.calendarDate),
    );
  }

  /** A number above 0 written in decimal (`4`, `0.5`); no hex, exponent, Infinity or sign. */
  positiveNumber(flags: string, description: string, fallback: number): Option {
    const option = new Option(flags, description).default(fallback);
    return option.argParser((value: string) => {
      const n = /^\d{1,9}(\.\d{1,9})?$/.test(value) ? Number(value) : NaN;
      return n > 0 ? n : this.refuse(option, value, TERMS.positiveNumber);
    });
  }

  /** A file or directory: not empty (which would mean the working directory without saying so). */
  path(flags: string, description: string): Option {
    const option = new Option(flags, description);
    return option.argParser((value: string) =>
      value.trim() !== '' ? value : this.refuse(option, value, TERMS.nonEmptyPath),
    );
  }

  /** A directory that exists and is read, never written (`build --templates`). */
  existingDirectory(flags: string, description: string): Option {
    const option = new Option(flags, description);
    return option.argParser((value: string) => {
      let isDir = false;
      try {
        isDir = value.trim() !== '' && statSync(resolve(this.cwd, value)).isDirectory();
      } catch {
        // absent or unreadable: refused below
      }
      return isDir ? value : this.refuse(option, value, TERMS.existingDirectory);
    });
  }

  /** A 6-digit administrative region code. */
  region(flags: string, description: string, fallback: string): Option {
    const option = new Option(flags, description).default(fallback);
    return option.argParser((value: string) =>
      /^\d{6}$/.test(value) ? value : this.refuse(option, value, TERMS.regionDigits),
    );
  }

  /** `--no-color`, accepted by every command that prints diagnostics. */
  noColor(): Option {
    return new Option('--no-color', '不使用颜色 / no colours');
  }

  private refuse(option: Option, value: string, allowed: string | Text): never {
    this.refused = diagnostic(D.badOption, undefined, {
      option: option.long ?? option.flags,
      value: shown(value),
      allowed,
    });
    throw new InvalidArgumentError(option.flags);
  }
}

/** A value as one short line: control characters escaped, long values cut. */
function shown(value: string): string {
  const escaped = value.replace(
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > 80 ? `${escaped.slice(0, 80)}…` : escaped;
}

/** The quoted name in a commander error message (`unknown option '--x'`), and its suggestion if any. */
function quoted(message: string): { name: string; suggestion: string | undefined } {
  const name = /'([^']*)'/.exec(message)?.[1] ?? '';
  const suggestion = /\(Did you mean ([^?]+)\?\)/.exec(message)?.[1];
  return { name: name.split(/[ ,|]+/).find((f) => f.startsWith('--')) ?? name, suggestion };
}

/**
 * The diagnostic for a command line commander refused, or undefined when it only showed help or
 * the version. Commander's own English text is not printed: the catalogue says it in both languages.
 */
export function commandLineDiagnostic(
  error: CommanderError,
  parsers: OptionParsers,
  command: string,
): Diagnostic | undefined {
  const { name, suggestion } = quoted(error.message);
  const mean =
    suggestion === undefined ? '' : { template: TERMS.optionDidYouMean, args: { name: suggestion } };
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
    case 'commander.help':
      return undefined;
    case 'commander.invalidArgument':
      return (
        parsers.refused ??
        diagnostic(D.badArgument, undefined, { command, argument: name, reason: error.message })
      );
    case 'commander.unknownOption':
      return diagnostic(D.unknownOption, undefined, { option: name, command, suggestion: mean });
    case 'commander.optionMissingArgument':
      return diagnostic(D.optionNeedsValue, undefined, { option: name, command });
    case 'commander.missingMandatoryOptionValue':
      return diagnostic(D.optionRequired, undefined, { option: name, command });
    case 'commander.missingArgument':
      return diagnostic(D.argumentMissing, undefined, { argument: name, command });
    case 'commander.excessArguments':
      return diagnostic(D.tooManyArguments, undefined, {
        command,
        expected: /Expected (\d+)/.exec(error.message)?.[1] ?? '?',
        given: /got (\d+)/.exec(error.message)?.[1] ?? '?',
      });
    case 'commander.unknownCommand':
      return diagnostic(D.unknownCommand, undefined, { command: name, suggestion: mean });
    default:
      return diagnostic(D.badArgument, undefined, { command, argument: name, reason: error.message });
  }
}

/** The `--lang` on the command line when valid (for errors found before options are parsed). */
export function langOf(args: readonly string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = a === '--lang' ? args[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === 'en' || value === 'zh-CN') return value;
  }
  return defaultLang();
}

/**
 * An argument holding NUL, named by the option it is the value of. The system cannot pass one to a
 * process, but a caller of `main` can, and no file name or value may contain it.
 */
export function nulArgument(args: readonly string[], command: string): Diagnostic | undefined {
  const i = args.findIndex((a) => a.includes('\0'));
  if (i < 0) return undefined;
  const arg = args[i]!;
  const previous = i > 0 ? args[i - 1]! : '';
  const argument = arg.startsWith('--')
    ? arg.split('=')[0]!
    : previous.startsWith('--') && !previous.includes('=')
      ? previous
      : JSON.stringify(arg);
  return diagnostic(D.badArgument, undefined, { command, argument, reason: TERMS.argumentNul });
}
