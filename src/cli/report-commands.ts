import type { Command } from 'commander';
import { D } from '../diagnostics/catalogue.js';
import { diagnostic, type Lang } from '../diagnostics/diagnostic.js';
import { type CommandContext, waiverDate } from './context.js';

/** `why` and `compare`: questions about effective lists. The compiler loads only when they run. */
export function addReportCommands(program: Command, ctx: CommandContext): void {
  const { io, setExit, fatal, langOption } = ctx;
  program
    .command('why')
    .description('哪一层设定了生效值 / which layer set an effective value')
    .argument('<item>', '一件事或清单条目的标识 / a bundle or list item id')
    .argument(
      '<path>',
      '值的路径，用 / 分隔，如 components/birth-registration/promisedLimit / a path such as promisedLimit',
    )
    .argument('[paths...]', '仓库目录或文件（默认当前目录）/ repository (default: .)')
    .option(
      '--list <id>',
      '使用哪一份清单的生效清单（默认最内层）/ the list whose effective list is used (default: innermost)',
    )
    .addOption(
      ctx.options.choice('--format <format>', '输出格式 / output format', ['pretty', 'json'], 'pretty'),
    )
    .addOption(langOption())
    .action(
      async (
        item: string,
        path: string,
        paths: string[],
        opts: { list?: string; format: string; lang: Lang },
      ) => {
        const { check } = await import('../compile.js');
        const { innermostLists } = await import('../report/layers.js');
        const { why } = await import('../report/why.js');
        const { whyJson, whyText } = await import('../report/format.js');
        const result = check({ paths, cwd: io.cwd, parallel: true });
        if (result.diagnostics.some((d) => d.entry.severity === 'fatal') || !result.table) {
          setExit(
            fatal(
              opts.lang,
              result.diagnostics.find((d) => d.entry.severity === 'fatal')!,
            ),
          );
          return;
        }
        const list =
          opts.list ??
          innermostLists(result.table).find((l) => why(result.table!, l, item, path).ok) ??
          innermostLists(result.table)[0] ??
          '—';
        const answer = why(result.table, list, item, path);
        if (!answer.ok) {
          const d =
            answer.problem === 'unknown-item'
              ? diagnostic(D.unknownItem, undefined, { list, item })
              : diagnostic(D.unknownPath, undefined, { item, path });
          setExit(fatal(opts.lang, d));
          return;
        }
        io.stdout(opts.format === 'json' ? whyJson(answer) : whyText(answer, opts.lang));
      },
    );

  program
    .command('report')
    .description(
      '清单报告：覆盖情况、细化问题、豁免、改革成效 / list report: coverage, conflicts, waivers, metrics',
    )
    .argument('[paths...]', '仓库目录或文件（默认当前目录）/ repository (default: .)')
    .addOption(
      ctx.options.choice('--format <format>', '输出格式 / output format', ['md', 'json', 'html'], 'md'),
    )
    .addOption(ctx.dateOption())
    .addOption(langOption())
    .action(async (paths: string[], opts: { format: string; lang: Lang; date?: string }) => {
      const { check } = await import('../compile.js');
      const { composeAll } = await import('../compose/compose.js');
      const { buildBaseline, buildReports } = await import('../report/report.js');
      const { reportHtml, reportJson, reportMarkdown } = await import('../report/render.js');
      const today = waiverDate(opts.date);
      const result = check({ paths, cwd: io.cwd, today, parallel: true });
      const failed = result.diagnostics.find((d) => d.entry.severity === 'fatal');
      if (failed || !result.table) {
        setExit(
          fatal(opts.lang, failed ?? diagnostic(D.noInput, undefined, { path: paths.join(' ') || '.' })),
        );
        return;
      }
      const compositions = composeAll(result.documents, result.table, []);
      const reports = buildReports(result.table, result.diagnostics, compositions);
      const render =
        opts.format === 'json' ? reportJson : opts.format === 'html' ? reportHtml : reportMarkdown;
      // A project of national lists only (the shipped baseline): what each list records.
      const baseline = reports.length === 0 ? buildBaseline(result.table) : undefined;
      io.stdout(render(reports, opts.lang, baseline));
      // Like check: problems at error level make the report's exit code 1.
      if (result.diagnostics.some((d) => d.entry.severity === 'error')) setExit(1);
    });

  program
    .command('compare')
    .description('同一件事在各省的差异（同一件事不同标准）/ one item across provinces')
    .argument('<paths...>', '两个或更多省份的仓库 / two or more repositories')
    .addOption(ctx.options.choice('--format <format>', '输出格式 / output format', ['md', 'json'], 'md'))
    .addOption(langOption())
    .action(async (paths: string[], opts: { format: string; lang: Lang }) => {
      if (paths.length < 2) {
        setExit(fatal(opts.lang, diagnostic(D.needTwoSides, undefined, { count: paths.length })));
        return;
      }
      const { check } = await import('../compile.js');
      const { compareItems, listLabel, sideOf } = await import('../report/compare.js');
      const { compareJson, compareMarkdown } = await import('../report/format.js');
      const sides = [];
      for (const p of paths) {
        const result = check({ paths: [p], cwd: io.cwd, parallel: true });
        const failed = result.diagnostics.find((d) => d.entry.severity === 'fatal');
        if (failed || !result.table) {
          setExit(fatal(opts.lang, failed ?? diagnostic(D.noInput, undefined, { path: p })));
          return;
        }
        const side = sideOf(p, result.table);
        if (!side) {
          setExit(fatal(opts.lang, diagnostic(D.noInput, undefined, { path: p })));
          return;
        }
        sides.push({ ...side, label: listLabel(result.table, side.list) });
      }
      const items = compareItems(sides);
      const labels = sides.map((s) => s.label);
      io.stdout(
        opts.format === 'json' ? compareJson(items, labels) : compareMarkdown(items, labels, opts.lang),
      );
    });
}
