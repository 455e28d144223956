import type { Command } from 'commander';
import { D, TERMS, type Text } from '../diagnostics/catalogue.js';
import {
  compareDiagnostics,
  type Diagnostic,
  diagnostic,
  type Lang,
  render,
} from '../diagnostics/diagnostic.js';
import type { ChangeKind } from '../fmt/values.js';
import type { CommandContext } from './context.js';

interface FmtCommandOptions {
  check?: boolean;
  diff?: boolean;
  lang: Lang;
}

const CHANGE_TERMS: Readonly<Record<ChangeKind, Text>> = {
  order: TERMS.fmtChangeOrder,
  duration: TERMS.fmtChangeDuration,
  citation: TERMS.fmtChangeCitation,
  punctuation: TERMS.fmtChangePunctuation,
  whitespace: TERMS.fmtChangeWhitespace,
};
const CHANGE_ORDER = Object.keys(CHANGE_TERMS) as ChangeKind[];

/** `matterc fmt`: canonical layout of the YAML files, or with --check the list of files that need it. */
export function addFmtCommand(program: Command, ctx: CommandContext): void {
  const { io } = ctx;
  program
    .command('fmt')
    .description(
      '按规范格式改写 YAML 文件（键的顺序、时限、依据引用、中文标点），保留注释 / format YAML files canonically, keeping comments',
    )
    .argument('[paths...]', '文件或目录（默认当前目录）/ files or directories (default: .)')
    .option(
      '--check',
      '只检查，不改写；有文件需要格式化时以 1 退出 / write nothing, exit 1 if a file needs formatting',
    )
    .option(
      '--diff',
      '与 --check 一起使用：显示将要做的改动 / with --check: show the changes as a unified diff',
    )
    .addOption(ctx.langOption())
    .action(async (paths: string[], opts: FmtCommandOptions) => {
      const { fmt } = await import('../fmt/run.js');
      const { unifiedDiff } = await import('../fmt/diff.js');
      const { formatPretty } = await import('../diagnostics/format.js');
      const check = opts.check === true;
      const result = fmt({ paths, cwd: io.cwd, check });
      const changesText = (changes: ReadonlySet<string>) =>
        CHANGE_ORDER.filter((c) => changes.has(c)).map((c) => CHANGE_TERMS[c]);
      const changed = result.files.filter((f) => f.formatted !== undefined);

      const out: string[] = [];
      const problems: Diagnostic[] = [...result.diagnostics];
      if (check) {
        for (const f of changed) {
          const start = firstDifference(f.source.text, f.formatted!);
          const end = f.source.text.indexOf('\n', start);
          problems.push(
            diagnostic(
              D.notFormatted,
              { source: f.source, range: { start, end: end < 0 ? f.source.text.length : end } },
              { changes: changesText(f.changes), path: f.file.display },
            ),
          );
        }
      } else {
        for (const f of changed)
          out.push(
            render(TERMS.fmtWritten, { path: f.file.display, changes: changesText(f.changes) }, opts.lang),
          );
      }
      if (out.length > 0) io.stdout(`${out.join('\n')}\n`);
      if (problems.length > 0) {
        const pretty = formatPretty(
          [...problems].sort(compareDiagnostics),
          { files: result.files.length, documents: 0 },
          { lang: opts.lang, color: false },
        );
        // The closing count line is check's; fmt ends with its own summary below.
        io.stdout(pretty.replace(/[^\n]*\n$/, ''));
      }
      if (opts.diff)
        for (const f of changed) io.stdout(unifiedDiff(f.file.display, f.source.text, f.formatted!));
      if (result.fatal) {
        ctx.setExit(ctx.fatal(opts.lang, result.fatal));
        return;
      }
      const failed = new Set(result.diagnostics.map((d) => d.location?.source.path)).size;
      const summary = check ? TERMS.fmtSummaryCheck : TERMS.fmtSummaryWrite;
      io.stdout(
        `${render(summary, { files: result.files.length + failed, changed: changed.length, failed }, opts.lang)}\n`,
      );
      ctx.setExit(failed > 0 || (check && changed.length > 0) ? 1 : 0);
    });
}

/** Offset of the start of the first line where two texts differ. */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.lastIndexOf('\n', i - 1) + 1;
}
