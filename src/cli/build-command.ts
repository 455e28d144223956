import { resolve } from 'node:path';
import type { Command } from 'commander';
import { D } from '../diagnostics/catalogue.js';
import { diagnostic, type Lang, render } from '../diagnostics/diagnostic.js';
import { TERMS } from '../diagnostics/catalogue.js';
import { formatPretty } from '../diagnostics/format.js';
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
    .option('--out <dir>', '输出目录 / output directory', 'dist')
    .option('--templates <dir>', '覆盖模板的目录 / a directory of templates overriding the shipped ones')
    .addOption(ctx.dateOption())
    .addOption(ctx.langOption())
    .action(async (paths: string[], opts: { out: string; templates?: string; date?: string; lang: Lang }) => {
      const { check } = await import('../compile.js');
      const { generateTo } = await import('../generate/build.js');
      const { AtomicWriter, WriteError } = await import('../generate/write.js');
      const today = waiverDate(ctx, opts.date, opts.lang);
      if (today === undefined) return;
      const result = check({ paths, cwd: io.cwd, today, parallel: true });
      const failed = result.diagnostics.find((d) => d.entry.severity === 'fatal');
      if (failed || !result.table) {
        setExit(
          fatal(opts.lang, failed ?? diagnostic(D.noInput, undefined, { path: paths.join(' ') || '.' })),
        );
        return;
      }
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
        setExit(1);
        return;
      }
      const { TemplateError } = await import('../generate/site/templates.js');
      const out = resolve(io.cwd, opts.out);
      const cannotWrite = (error: unknown) =>
        setExit(
          fatal(
            opts.lang,
            diagnostic(D.cannotWrite, undefined, { path: out, reason: (error as Error).message }),
          ),
        );
      let writer: InstanceType<typeof AtomicWriter>;
      try {
        writer = new AtomicWriter(out);
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
          return setExit(fatal(opts.lang, diagnostic(D.unsafeTemplate, undefined, { file: error.file })));
        if (error instanceof WriteError) return cannotWrite(error);
        throw error;
      }
      io.stdout(`${render(TERMS.buildDone, { n: writer.size, dir: opts.out }, opts.lang)}\n`);
    });
}
