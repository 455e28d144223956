import { resolve } from 'node:path';
import type { Command } from 'commander';
import { D } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Lang, pick, render } from '../diagnostics/diagnostic.js';
import { TERMS } from '../diagnostics/catalogue.js';
import { formatPretty } from '../diagnostics/format.js';
import { displayPath } from '../load/files.js';
import { type CommandContext, waiverDate } from './context.js';

/** `matterc build`: check, generate every output, write it atomically. Nothing is written when errors remain. */
export function addBuildCommand(program: Command, ctx: CommandContext): void {
  const { io, setExit, fatal } = ctx;
  program
    .command('build')
    .description(
      '生成办事指南网站、申请表单、流程与目录 / build the guide site, forms, workflows and catalog',
    )
    .argument('[paths...]', '仓库目录或文件（默认当前目录）/ repository (default: .)')
    .addOption(ctx.options.path('--out <dir>', '输出目录 / output directory').default('dist'))
    .addOption(
      ctx.options.existingDirectory(
        '--templates <dir>',
        '覆盖模板的目录 / a directory of templates overriding the shipped ones',
      ),
    )
    .option(
      '--force',
      '写入已有的非空目录：与不是 matterc 写出的文件并存，从不删除或覆盖它们 / write into a non-empty directory next to files matterc did not write, never deleting or overwriting them',
    )
    .addOption(ctx.dateOption())
    .addOption(ctx.langOption())
    .action(async (paths: string[], opts: BuildOptions) => {
      const { check } = await import('../compile.js');
      const { generateTo } = await import('../generate/build.js');
      const { AtomicWriter, OutputClash, WriteError } = await import('../generate/write.js');
      const { planOutputDir, refusePlace } = await import('../generate/output-guard.js');
      const today = waiverDate(opts.date);
      const out = resolve(io.cwd, opts.out);
      // Where the output may go is decided first, and again once the source files are known (only then
      // what the directory holds, so that a source folder is named as such rather than as a foreign one).
      const place = (files: readonly string[]) =>
        refusePlace(out, { cwd: io.cwd, inputs: paths, files }) ??
        planOutputDir(out, { force: Boolean(opts.force), cwd: io.cwd });
      const early = refusePlace(out, { cwd: io.cwd, inputs: paths });
      if (early) return setExit(fatal(opts.lang, early));
      const result = check({ paths, cwd: io.cwd, today, parallel: true });
      const failed = result.diagnostics.find((d) => d.entry.severity === 'fatal');
      if (failed || !result.table) {
        setExit(
          fatal(opts.lang, failed ?? diagnostic(D.noInput, undefined, { path: paths.join(' ') || '.' })),
        );
        return;
      }
      const plan = place(result.documents.map((d) => d.source.path));
      if ('entry' in plan) return setExit(fatal(opts.lang, plan));
      const errors = result.diagnostics.filter((d) => d.entry.severity === 'error');
      if (errors.length > 0) {
        // Invalid data is never published: report and leave the previous output as it is.
        io.stdout(
          formatPretty(
            errors,
            { files: result.files, documents: result.documents.length },
            { lang: opts.lang, color: false },
          ),
        );
        io.stdout(`${render(TERMS.buildNotWritten, { dir: opts.out }, opts.lang)}\n`);
        setExit(1);
        return;
      }
      const { TemplateError } = await import('../generate/site/templates.js');
      const stop = (d: Diagnostic) => {
        setExit(fatal(opts.lang, d));
        io.stderr(`${render(TERMS.buildNotWritten, { dir: opts.out }, opts.lang)}\n`);
      };
      const cannotWrite = (error: unknown) =>
        stop(diagnostic(D.cannotWrite, undefined, { path: out, reason: (error as Error).message }));
      let writer: InstanceType<typeof AtomicWriter>;
      try {
        writer = new AtomicWriter(out, plan);
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        return cannotWrite(error);
      }
      // Each file is written as it is made (bounded memory); nothing replaces `out` unless all are.
      try {
        generateTo(
          result,
          opts.lang,
          opts.templates === undefined ? undefined : resolve(io.cwd, opts.templates),
          writer.write,
        );
        writer.commit();
      } catch (error) {
        writer.abort();
        if (error instanceof TemplateError)
          return stop(diagnostic(D.unsafeTemplate, undefined, { file: error.file }));
        if (error instanceof OutputClash)
          return stop(diagnostic(D.notOverwritten, undefined, { path: displayPath(error.path, io.cwd) }));
        if (error instanceof WriteError) return cannotWrite(error);
        throw error;
      }
      const warnings = result.diagnostics.filter((d) => d.entry.severity === 'warning').length;
      const done = render(TERMS.buildDone, { n: writer.size, dir: opts.out, warnings }, opts.lang);
      io.stdout(`${done}${warnings > 0 ? pick(TERMS.buildSeeWarnings, opts.lang) : ''}\n`);
    });
}

interface BuildOptions {
  out: string;
  templates?: string;
  date?: string;
  lang: Lang;
  force?: boolean;
}
