import { HtmlValidate } from 'html-validate';

/** html-validate `recommended` errors (severity 2) over pages, as `path:line:column rule message`. */
export async function htmlValidateErrors(pages: Iterable<[string, string]>): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const failures: string[] = [];
  for (const [path, html] of pages) {
    const report = await validator.validateString(html, path);
    for (const r of report.results)
      for (const m of r.messages)
        if (m.severity === 2) failures.push(`${path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return failures;
}
