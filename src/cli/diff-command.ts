import type { Command } from 'commander';
import { D, TERMS } from '../diagnostics/catalogue.js';
import { type Diagnostic, diagnostic, type Lang, pick } from '../diagnostics/diagnostic.js';
import { formatPretty } from '../diagnostics/format.js';
import type { Revision } from '../diff/index.js';
import { type CommandContext, waiverDate } from './context.js';
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat, formatDiagnostics } from './output.js';

const DIFF_FORMATS = [
  'pretty',
  'markdown',
  'json',
  ...DIAGNOSTIC_FORMATS.filter((f) => f !== 'pretty' && f !== 'json'),
] as const;
const FAIL_ON = ['burden-increased', 'burden-reduced', 'neutral', 'editorial', 'none'] as const;

interface DiffOptions {
  format: (typeof DIFF_FORMATS)[number];
  failOn: (typeof FAIL_ON)[number];
  lang: Lang;
  date?: string;
  color: boolean;
}

/** `matterc diff BASE [HEAD]`: classify what a change does to citizens, for review and for CI. */
export function addDiffCommand(program: Command, ctx: CommandContext): void {
  const { io } = ctx;
  program
    .command('diff')
    .description(
      '按对群众负担的影响比较两个版本（git 版本或目录）/ classify the changes between two revisions by their effect on citizens',
    )
    .argument(
      '<base>',
      '基准：git 版本（如 origin/main）或目录 / base: a git revision (e.g. origin/main) or a directory',
    )
    .argument(
      '[head]',
      '新版本：git 版本或目录（默认工作区）/ head: a git revision or a directory (default: the working tree)',
    )
    .addOption(ctx.options.choice('--format <format>', '输出格式 / output format', DIFF_FORMATS, 'pretty'))
    .addOption(
      ctx.options.choice(
        '--fail-on <class>',
        '有未豁免的此类或更重的改动即以 1 退出 / exit 1 on an unwaived change of this class or worse',
        FAIL_ON,
        'burden-increased',
      ),
    )
    .addOption(ctx.dateOption())
    .addOption(ctx.langOption())
    .addOption(ctx.options.noColor())
    .action(async (baseSpec: string, headSpec: string | undefined, opts: DiffOptions) => {
      const today = waiverDate(opts.date);
      const { openSide } = await import('../diff/revision.js');
      const sides = [];
      for (const spec of [baseSpec, headSpec ?? '.']) {
        const opened = openSide(spec, io.cwd);
        if (!opened.ok) {
          for (const s of sides) s.dispose();
          ctx.setExit(
            ctx.fatal(opts.lang, diagnostic(D.badRevision, undefined, { spec, reason: opened.reason })),
          );
          return;
        }
        sides.push(opened.side);
      }
      const [base, head] = sides as [(typeof sides)[0], (typeof sides)[0]];
      try {
        const { check } = await import('../compile.js');
        const { link } = await import('../link/link.js');
        const revisions: Revision[] = [];
        /** The head revision's size, for formats that summarise what was read. */
        let summary = { files: 0, documents: 0 };
        for (const [side, label] of [
          [base, TERMS.diffBaseSide],
          [head, TERMS.diffHeadSide],
        ] as const) {
          const result = check({ paths: [], cwd: side.dir, today });
          const fatal = result.diagnostics.find((d) => d.entry.severity === 'fatal' && d.entry !== D.noInput);
          if (fatal) {
            ctx.setExit(ctx.fatal(opts.lang, fatal));
            return;
          }
          const errors = result.diagnostics.filter((d) => d.entry.severity === 'error').length;
          if (errors > 0) warn(diagnostic(D.headHasErrors, undefined, { side: label, n: errors }), opts.lang);
          // A side with no input (the project did not exist yet) is an empty revision.
          summary = { files: result.files, documents: result.documents.length };
          revisions.push({
            documents: result.documents,
            table: result.table ?? link([]).table,
            conditions: result.conditions,
            diagnostics: result.diagnostics,
          });
        }
        const { diffRevisions, changeDiagnostics, notComparedDiagnostics } = await import('../diff/index.js');
        const { diffJson, diffMarkdown, diffPretty } = await import('../diff/render.js');
        const result = diffRevisions(revisions[0]!, revisions[1]!, today, opts.failOn);
        const report = {
          base: base.label,
          head: headSpec === undefined ? pick(TERMS.diffWorkingTree, opts.lang) : head.label,
          failOn: opts.failOn,
          lang: opts.lang,
        };
        if (opts.format === 'markdown') io.stdout(diffMarkdown(result, report));
        else if (opts.format === 'json') io.stdout(diffJson(result, report));
        else if (opts.format === 'pretty') io.stdout(diffPretty(result, report));
        else {
          const diagnostics = [
            ...notComparedDiagnostics(result.notCompared),
            ...changeDiagnostics(result.changes),
          ];
          io.stdout(
            formatDiagnostics(opts.format as DiagnosticFormat, diagnostics, summary, {
              lang: opts.lang,
              color: false,
              command: 'diff',
              cwd: io.cwd,
            }),
          );
        }
        ctx.setExit(result.failed ? 1 : 0);
      } finally {
        base.dispose();
        head.dispose();
      }

      function warn(d: Diagnostic, lang: Lang): void {
        io.stderr(
          formatPretty([d], { files: 0, documents: 0 }, { lang, color: false }).split('\n\n')[0] + '\n',
        );
      }
    });
}
