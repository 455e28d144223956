import type { Option } from 'commander';
import type { Diagnostic, Lang } from '../diagnostics/diagnostic.js';
import type { Io } from './main.js';
import { type OptionParsers, todayDate } from './options.js';

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

/** The `today` to check waivers with: the given `--date` (a real calendar day: options.ts refuses others), else today. */
export function waiverDate(date: string | undefined): string {
  return date ?? todayDate();
}
