import { Option } from 'commander';
import { D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import type { Io } from './main.js';

/** What every subcommand registration needs from the program: I/O, shared options, exit handling. */
export interface CommandContext {
  readonly io: Io;
  langOption(): Option;
  /** `--date`, the day waivers are checked against (check, report, build). */
  dateOption(): Option;
  setExit(code: number): void;
  /** Print a diagnostic that stops the command and return exit code 2. */
  fatal(lang: Lang, d: Diagnostic): number;
}

export function dateOption(): Option {
  return new Option(
    '--date <YYYY-MM-DD>',
    '检查豁免是否到期所用的日期（默认今天）/ the day waivers are checked against (default today)',
  );
}

/**
 * The `today` to check with: the given `--date` when it is a real calendar day, today when absent.
 * A malformed date is reported (exit 2) and undefined returned, so that it is never compared as text.
 */
export function waiverDate(ctx: CommandContext, date: string | undefined, lang: Lang): string | undefined {
  if (date === undefined) return new Date().toISOString().slice(0, 10);
  const real =
    /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (real) return date;
  ctx.setExit(
    ctx.fatal(
      lang,
      diagnostic(D.badOption, undefined, { option: '--date', value: date, allowed: 'YYYY-MM-DD' }),
    ),
  );
  return undefined;
}
