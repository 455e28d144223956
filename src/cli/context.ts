import type { Option } from 'commander';
import { D, TERMS } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import type { Io } from './main.js';
import { isCalendarDate, type OptionParsers, todayDate } from './options.js';

/** What every subcommand registration needs from the program: I/O, shared options, exit handling. */
export interface CommandContext {
  readonly io: Io;
  langOption(): Option;
  /** `--date`, the day waivers are checked against (check, report, build). */
  dateOption(): Option;
  /** Factories for options whose values are checked as they are read (options.ts). */
  readonly options: OptionParsers;
  setExit(code: number): void;
  /** Print a diagnostic that stops the command and return exit code 2. */
  fatal(lang: Lang, d: Diagnostic): number;
}

/**
 * The `today` to check waivers with: the given `--date` (already a real calendar day: see options.ts),
 * else today. A malformed date is still reported (exit 2) and undefined returned, never compared as text.
 */
export function waiverDate(ctx: CommandContext, date: string | undefined, lang: Lang): string | undefined {
  if (date === undefined) return todayDate();
  if (isCalendarDate(date)) return date;
  ctx.setExit(
    ctx.fatal(
      lang,
      diagnostic(D.badOption, undefined, { option: '--date', value: date, allowed: TERMS.calendarDate }),
    ),
  );
  return undefined;
}
