import { resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ALL_ENTRIES, D, entryByCode, TERMS } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Lang, pick, render } from '../diagnostics/diagnostic.js';
import { formatJson, formatPretty } from '../diagnostics/format.js';
import { diagnosticsReference } from '../diagnostics/reference.js';
import { isSchemaFile, schemaFiles } from '../schema/schemas.js';
import { VERSION } from '../version.js';
import { addBuildCommand } from './build-command.js';
import { addCheckCommand } from './check-command.js';
import { addFmtCommand } from './fmt-command.js';
import { addDiffCommand } from './diff-command.js';
import type { CommandContext } from './context.js';
import { exitCodeFor } from './exit.js';
import { commandLineDiagnostic, langOf, nulArgument, OptionParsers } from './options.js';
import { addReportCommands } from './report-commands.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  color: boolean;
}

const defaultIo = (): Io => ({
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  color: Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
});

const FORMATS = ['pretty', 'json'] as const;

/** Run matterc with `argv` (as process.argv: node, script, args…) and return the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('matterc')
    .description('政务服务事项清单编译器（matterc）— compiler for government service matter lists')
    .version(VERSION, '-V, --version')
    .exitOverride()
    // Commander's own error text is not printed: main() reports the refusal from the catalogue.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => {} });

  const options = new OptionParsers(io.cwd);
  const langOption = () => options.lang();
  const ctx: CommandContext = {
    io,
    langOption,
    dateOption: () => options.date(),
    options,
    setExit: (code) => {
      exitCode = code;
    },
    fatal: (lang, d) => fatal(io, lang, d),
  };

  addCheckCommand(program, ctx);

  program
    .command('schema')
    .description('写出 JSON Schema（供编辑器使用）/ write the JSON Schemas (for editors)')
    .addOption(options.path('--out <dir>', '输出目录 / output directory').makeOptionMandatory())
    .addOption(langOption())
    .action(async (opts: { out: string; lang: Lang }) => {
      const { writeOutputDir } = await import('../generate/write.js');
      const dir = resolve(io.cwd, opts.out);
      const files = Object.fromEntries(schemaFiles().map((f) => [f.name, f.text]));
      // Schemas written before outputs had manifests (by init) are recognised by name and $id.
      const refused = writeOutputDir(dir, files, { cwd: io.cwd, ours: isSchemaFile });
      if (refused) {
        exitCode = fatal(io, opts.lang, refused);
        return;
      }
      io.stdout(`${render(TERMS.schemaWritten, { n: schemaFiles().length, dir: opts.out }, opts.lang)}\n`);
    });

  program
    .command('explain')
    .description('解释诊断代码 / explain a diagnostic code')
    .argument('[code]', '诊断代码，如 MC2001 / a code such as MC2001')
    .option('--list', '列出全部代码 / list every code')
    .option('--markdown', '输出 Markdown 参考（docs/diagnostics.md）/ print the Markdown reference')
    .addOption(langOption())
    .action((code: string | undefined, opts: { list?: boolean; markdown?: boolean; lang: Lang }) => {
      if (opts.markdown) {
        io.stdout(diagnosticsReference());
        return;
      }
      if (opts.list || code === undefined) {
        for (const e of ALL_ENTRIES)
          io.stdout(`${e.code}  ${e.severity.padEnd(7)}  ${render(e.message, {}, opts.lang)}\n`);
        return;
      }
      const entry = entryByCode(code);
      if (!entry) {
        exitCode = fatal(io, opts.lang, diagnostic(D.unknownCode, undefined, { code }));
        return;
      }
      const lines = [
        `${entry.code} (${entry.severity})`,
        '',
        render(entry.message, {}, opts.lang),
        '',
        pick(entry.summary, opts.lang),
      ];
      lines.push('', `${pick(TERMS.whatToDo, opts.lang)}${render(entry.hint, {}, opts.lang)}`);
      io.stdout(`${lines.join('\n')}\n`);
    });

  program
    .command('init')
    .description('创建省级清单仓库 / scaffold a provincial list repository')
    .argument('<dir>', '目标目录 / target directory')
    .option('--name <name>', '地区名称 / region name', '示例省')
    .addOption(options.region('--region <code>', '6 位行政区划代码 / 6-digit region code', '990000'))
    .option(
      '--force',
      '在非空目录中补齐缺少的文件；已有文件一律保留，从不覆盖 / add the missing files to a non-empty directory; existing files are kept, never overwritten',
    )
    .addOption(langOption())
    .action(async (dir: string, opts: { name: string; region: string; force?: boolean; lang: Lang }) => {
      // The compiler (chevrotain, ajv) loads only for the commands that compile.
      const { scaffold } = await import('../init/scaffold.js');
      const result = scaffold(resolve(io.cwd, dir), {
        name: opts.name,
        region: opts.region,
        force: Boolean(opts.force),
      });
      if (!result.ok) {
        exitCode = fatal(io, opts.lang, result.diagnostic);
        return;
      }
      if (result.kept.length > 0)
        io.stdout(`${render(TERMS.initKept, { n: result.kept.length, files: result.kept }, opts.lang)}\n`);
      io.stdout(`${render(TERMS.initDone, { n: result.files.length, dir }, opts.lang)}\n`);
    });

  program
    .command('validate-application')
    .description(
      '按一件事的一表申请 JSON Schema 校验申请数据（JSON 或 YAML）/ validate an application file against a bundle form',
    )
    .argument('<bundle>', '一件事标识 / bundle id')
    .argument('<file>', '申请数据文件（JSON 或 YAML）/ application file (JSON or YAML)')
    .argument('[paths...]', '仓库目录或文件（默认当前目录）/ repository (default: .)')
    .addOption(options.choice('--format <format>', '输出格式 / output format', FORMATS, 'pretty'))
    .addOption(langOption())
    .action(async (bundle: string, file: string, paths: string[], opts: { format: string; lang: Lang }) => {
      const { existsSync, readFileSync } = await import('node:fs');
      const { relative } = await import('node:path');
      const { check } = await import('../compile.js');
      const { composeAll } = await import('../compose/compose.js');
      const { SourceText } = await import('../diagnostics/source.js');
      const { applicationSchema, validateApplication } = await import('../generate/forms/cli.js');
      const filePath = resolve(io.cwd, file);
      if (!existsSync(filePath)) {
        exitCode = fatal(io, opts.lang, diagnostic(D.pathNotFound, undefined, { path: file }));
        return;
      }
      const result = check({ paths, cwd: io.cwd, parallel: true });
      const failed = result.diagnostics.find((d) => d.entry.severity === 'fatal');
      if (failed || !result.table) {
        exitCode = fatal(
          io,
          opts.lang,
          failed ?? diagnostic(D.noInput, undefined, { path: paths.join(' ') || '.' }),
        );
        return;
      }
      const composition = composeAll(result.documents, result.table, []).find((c) => c.bundle === bundle);
      if (!composition) {
        const ids = result.table
          .all('Bundle')
          .map((d) => d.id!)
          .sort();
        exitCode = fatal(
          io,
          opts.lang,
          diagnostic(D.badOption, undefined, { option: '<bundle>', value: bundle, allowed: ids.join(', ') }),
        );
        return;
      }
      let text: string;
      try {
        text = readFileSync(filePath, 'utf8');
      } catch (error) {
        // A directory, or a file that cannot be read: a refusal naming it, not an internal error.
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        exitCode = fatal(io, opts.lang, diagnostic(D.cannotReadInput, undefined, { path: file, reason }));
        return;
      }
      const source = new SourceText(relative(io.cwd, filePath) || file, text);
      const problems = validateApplication(source, applicationSchema(composition, result.table));
      const summary = { files: 1, documents: 1 };
      io.stdout(
        opts.format === 'json'
          ? formatJson(problems, summary, opts.lang)
          : formatPretty(problems, summary, { lang: opts.lang, color: false }),
      );
      exitCode = exitCodeFor(problems, 'error');
    });

  addBuildCommand(program, ctx);
  addFmtCommand(program, ctx);
  addDiffCommand(program, ctx);
  addReportCommands(program, ctx);

  const args = argv.slice(2);
  const command = args.find((a) => program.commands.some((c) => c.name() === a)) ?? '';
  const nul = nulArgument(args, command);
  if (nul) return fatal(io, langOf(args), nul);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // A command line commander refused: one line from the catalogue naming the option, exit 2.
    const refused = commandLineDiagnostic(error, options, command);
    if (refused) return fatal(io, langOf(args), refused);
    return error.exitCode === 0 ||
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version'
      ? 0
      : 2;
  }
  return exitCode;
}

function fatal(io: Io, lang: Lang, d: Diagnostic): number {
  io.stderr(formatPretty([d], { files: 0, documents: 0 }, { lang, color: false }).split('\n\n')[0] + '\n');
  return 2;
}
