import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Baseline } from '../baseline/baseline.js';
import { D, TERMS } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Lang, render } from '../diagnostics/diagnostic.js';
import { type CommandContext, waiverDate } from './context.js';
import { exitCodeFor, FAIL_ON, type FailOn } from './exit.js';
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat, formatDiagnostics } from './output.js';

interface CheckCommandOptions {
  format: DiagnosticFormat;
  lang: Lang;
  failOn: FailOn;
  maxFileSize: number;
  color: boolean;
  date?: string;
  baseline?: string;
  updateBaseline?: boolean;
  watch?: boolean;
  cache: boolean;
}

/** `matterc check`: the whole compile, reported in any diagnostic format; once, or on every save. */
export function addCheckCommand(program: Command, ctx: CommandContext): void {
  const { io } = ctx;
  program
    .command('check')
    .description('检查事项、一件事、清单和登记表 / check matters, bundles, lists and registries')
    .argument('[paths...]', '文件或目录（默认当前目录）/ files or directories (default: .)')
    .addOption(
      ctx.options.choice('--format <format>', '输出格式 / output format', DIAGNOSTIC_FORMATS, 'pretty'),
    )
    .addOption(ctx.langOption())
    .addOption(
      ctx.options.choice(
        '--fail-on <severity>',
        '达到此级别即以 1 退出 / exit 1 at or above this severity',
        FAIL_ON,
        'error',
      ),
    )
    .addOption(
      ctx.options.positiveNumber(
        '--max-file-size <MB>',
        '单个文件大小上限（MB）/ per-file size limit in MB',
        4,
      ),
    )
    .addOption(ctx.dateOption())
    .addOption(
      ctx.options.path(
        '--baseline <file>',
        '基线文件：其中记录的问题只列出、不导致失败 / baseline file: problems recorded in it are listed but do not fail',
      ),
    )
    .option(
      '--update-baseline',
      '把当前全部问题写入 --baseline 文件 / write the current problems to the --baseline file',
    )
    .option('--watch', '保存文件后自动重新检查 / check again whenever a file is saved')
    .option('--no-cache', '不读写 .matterc-cache/ 缓存 / do not read or write the .matterc-cache/ cache')
    .addOption(ctx.options.noColor())
    .action(async (paths: string[], opts: CheckCommandOptions) => {
      const maxMb = opts.maxFileSize;
      if (opts.updateBaseline && opts.baseline === undefined) {
        ctx.setExit(
          ctx.fatal(
            opts.lang,
            diagnostic(D.badOption, undefined, {
              option: '--update-baseline',
              value: '',
              allowed: '--baseline <file>',
            }),
          ),
        );
        return;
      }
      const today = waiverDate(opts.date);
      const { check, CheckCache } = await import('../compile.js');
      const baselineModule = await import('../baseline/baseline.js');
      const cache = opts.watch ? new CheckCache() : undefined;
      const { PersistentCache } = await import('../cache/persistent.js');
      const persistent = opts.cache ? PersistentCache.open(cacheRoot(paths, io.cwd)) : undefined;

      /** One run: check, apply or write the baseline, print; the exit code it deserves. */
      const run = (): number => {
        const result = check({
          paths,
          cwd: io.cwd,
          maxFileSize: Math.floor(maxMb * 1024 * 1024),
          today,
          parallel: true,
          ...(cache ? { cache } : {}),
          ...(persistent ? { persistent } : {}),
        });
        let diagnostics: Diagnostic[] = result.diagnostics;
        if (opts.baseline !== undefined && !diagnostics.some((d) => d.entry.severity === 'fatal')) {
          const file = resolve(io.cwd, opts.baseline);
          let baseline: Baseline;
          if (opts.updateBaseline) {
            baseline = baselineModule.makeBaseline(diagnostics, result.documents);
            const { writeFileAtomically } = baselineModule;
            const written = writeFileAtomically(file, baselineModule.printBaseline(baseline));
            if (written !== undefined)
              return ctx.fatal(
                opts.lang,
                diagnostic(D.cannotWrite, undefined, { path: opts.baseline, reason: written }),
              );
            io.stderr(
              `${render(TERMS.baselineWritten, { n: diagnostics.filter((d) => d.entry.severity !== 'fatal').length, file: opts.baseline }, opts.lang)}\n`,
            );
          } else {
            let text: string;
            try {
              text = readFileSync(file, 'utf8');
            } catch (error) {
              const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
              return ctx.fatal(
                opts.lang,
                diagnostic(D.badBaseline, undefined, { file: opts.baseline, reason }),
              );
            }
            const parsed = baselineModule.parseBaseline(text);
            if ('error' in parsed)
              return ctx.fatal(
                opts.lang,
                diagnostic(D.badBaseline, undefined, { file: opts.baseline, reason: parsed.error }),
              );
            baseline = parsed.baseline;
          }
          const applied = baselineModule.applyBaseline(diagnostics, result.documents, baseline);
          diagnostics = applied.diagnostics;
          if (applied.stale > 0)
            diagnostics.push(
              diagnostic(D.staleBaseline, undefined, { n: applied.stale, file: opts.baseline }),
            );
        }
        const summary = { files: result.files, documents: result.documents.length };
        io.stdout(
          formatDiagnostics(opts.format, diagnostics, summary, {
            lang: opts.lang,
            color: io.color && opts.color,
            command: 'check',
            cwd: io.cwd,
          }),
        );
        return exitCodeFor(diagnostics, opts.failOn);
      };

      ctx.setExit(run());
      if (!cache) return;
      const { watchPaths } = await import('./watch.js');
      io.stderr(`${render(TERMS.watching, {}, opts.lang)}\n`);
      await watchPaths(paths, io.cwd, (changed) => {
        const started = performance.now();
        for (const file of changed) cache.invalidate(file);
        cache.stats = { parsed: 0, reused: 0 };
        ctx.setExit(run());
        io.stderr(
          `${render(
            TERMS.watchRerun,
            {
              parsed: cache.stats.parsed,
              reused: cache.stats.reused,
              ms: Math.round(performance.now() - started),
            },
            opts.lang,
          )}\n`,
        );
      });
    });
}

/** Where `.matterc-cache/` lives: the repository checked (one directory given), else the working directory. */
function cacheRoot(paths: readonly string[], cwd: string): string {
  if (paths.length === 1) {
    const dir = resolve(cwd, paths[0]!);
    try {
      if (statSync(dir).isDirectory()) return dir;
    } catch {
      // a missing path is reported by the check itself
    }
  }
  return cwd;
}
