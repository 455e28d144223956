/**
 * System tools some suites need, and which Debian packages provide them (.ci/run installs them).
 * A suite asks `requireTool(...)` whether to run: where a tool is missing it is skipped and the skip is
 * recorded, and test/setup/skips.ts prints, at the end of the run, which suites were skipped and what
 * to install. In CI (`CI` set) nothing is skipped: a missing tool must fail the run, not thin it.
 */
import { appendFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { inject } from 'vitest';
import { CHROMIUM } from './browser.js';

export interface Tool {
  /** What is missing, for the summary. */
  readonly title: string;
  /** Debian packages that provide it. */
  readonly packages: readonly string[];
  readonly present: () => boolean;
}

/** Tomcat 10's Jakarta EL: the Unified EL of Camunda 7 and Flowable, for the JUEL condition target. */
export const JUEL_JARS = ['/usr/share/java/tomcat10-el-api.jar', '/usr/share/java/tomcat10-jasper-el.jar'];

export const TOOLS = {
  chromium: {
    title: 'Chromium (/usr/bin/chromium) and a CJK font',
    packages: ['chromium', 'fonts-wqy-microhei'],
    present: () => existsSync(CHROMIUM),
  },
  juel: {
    title: "a JDK and Tomcat's Jakarta EL (/usr/share/java/tomcat10-jasper-el.jar)",
    packages: ['default-jdk-headless', 'libtomcat10-java'],
    present: () => JUEL_JARS.every(existsSync) && spawnSync('javac', ['-version']).status === 0,
  },
} as const satisfies Record<string, Tool>;
export type ToolName = keyof typeof TOOLS;

/** One skipped suite, as test/setup/skips.ts reads it. */
export interface SkipRecord {
  readonly tool: ToolName;
  readonly suite: string;
}

const known = new Map<ToolName, boolean>();

/**
 * Whether the suite `suite` (file › title), which needs `tool`, runs here. When it does not, the skip
 * is recorded for the summary at the end of the run.
 */
export function requireTool(tool: ToolName, suite: string): boolean {
  let present = known.get(tool);
  if (present === undefined) known.set(tool, (present = TOOLS[tool].present()));
  if (present || process.env['CI'] !== undefined) return true;
  const log = inject('matterc:skip-log');
  if (log) appendFileSync(log, `${JSON.stringify({ tool, suite } satisfies SkipRecord)}\n`);
  return false;
}

/** The note a test skipped for lack of `tool` carries in the reporters' output. */
export function skipNote(tool: ToolName): string {
  return `needs ${TOOLS[tool].title}: apt-get install ${TOOLS[tool].packages.join(' ')}`;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The file requireTool appends skipped suites to (test/setup/skips.ts); empty when not set up. */
    'matterc:skip-log': string;
  }
}
