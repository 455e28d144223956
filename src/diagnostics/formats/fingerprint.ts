import { createHash } from 'node:crypto';
import { type Diagnostic, messageOf } from '../diagnostic.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * One stable identity per diagnostic, for platforms that track a problem across runs (GitLab Code
 * Quality, SARIF partialFingerprints). It is made from the code and the semantic path, never from the
 * line, so that reformatting or moving a document keeps it; a diagnostic without a semantic path falls
 * back to its file and its message (rendered in zh-CN whatever `--lang` says, so the language of the
 * report does not change it). Identical keys are told apart by their order of occurrence, so that a
 * platform that de-duplicates by fingerprint still shows every problem.
 */
export function fingerprints(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = d.path
      ? `${d.entry.code}\0${d.path}`
      : `${d.entry.code}\0${d.location?.source.path ?? ''}\0${messageOf(d, 'zh-CN')}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return sha256(n === 1 ? key : `${key}\0${n}`).slice(0, 32);
  });
}
