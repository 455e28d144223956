import { type Command, Option } from 'commander';
import { D, TERMS } from '../diagnostics/catalogue.js';
import { diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import { type CommandContext, waiverDate } from './context.js';
import { exitCodeFor, FAIL_ON, type FailOn } from './exit.js';
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat, formatDiagnostics } from './output.js';

interface CheckCommandOptions {
  format: DiagnosticFormat;
  lang: Lang;
  failOn: FailOn;
  maxFileSize: string;
  color: boolean;
  date?: string;
}

/** `matterc check`: the whole compile, reported in any diagnostic format. */
export function addCheckCommand(program: Command, ctx: CommandContext): void {
  const { io } = ctx;
  program
    .command('check')
    .description('检查事项、一件事、清单和登记表 / check matters, bundles, lists and registries')
    .argument('[paths...]', '文件或目录（默认当前目录）/ files or directories (default: .)')
    .addOption(
      new Option('--format <format>', '输出格式 / output format')
        .choices(DIAGNOSTIC_FORMATS)
        .default('pretty'),
    )
    .addOption(ctx.langOption())
    .addOption(
      new Option('--fail-on <severity>', '达到此级别即以 1 退出 / exit 1 at or above this severity')
        .choices(FAIL_ON)
        .default('error'),
    )
    .option('--max-file-size <MB>', '单个文件大小上限（MB）/ per-file size limit in MB', '4')
    .addOption(ctx.dateOption())
    .option('--no-color', '不使用颜色 / no colours')
    .action(async (paths: string[], opts: CheckCommandOptions) => {
      const maxMb = Number(opts.maxFileSize);
      if (!Number.isFinite(maxMb) || maxMb <= 0) {
        ctx.setExit(
          ctx.fatal(
            opts.lang,
            diagnostic(D.badOption, undefined, {
              option: '--max-file-size',
              value: opts.maxFileSize,
              allowed: TERMS.positiveNumber,
            }),
          ),
        );
        return;
      }
      const today = waiverDate(ctx, opts.date, opts.lang);
      if (today === undefined) return;
      const { check } = await import('../compile.js');
      const result = check({ paths, cwd: io.cwd, maxFileSize: Math.floor(maxMb * 1024 * 1024), today });
      const summary = { files: result.files, documents: result.documents.length };
      io.stdout(
        formatDiagnostics(opts.format, result.diagnostics, summary, {
          lang: opts.lang,
          color: io.color && opts.color,
          command: 'check',
          cwd: io.cwd,
        }),
      );
      ctx.setExit(exitCodeFor(result.diagnostics, opts.failOn));
    });
}
