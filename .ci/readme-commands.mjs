#!/usr/bin/env node
// The commands of executable documentation (README.md, docs/tutorial.md): every line of every ```sh
// block, with its comment and the heading it sits under. One extractor, read by test/readme.test.ts
// (which runs the lines) and by .ci/run (which runs the README's test line itself).
//
//   node .ci/readme-commands.mjs README.md              every command, one a line
//   node .ci/readme-commands.mjs --test-line README.md  the set-up line that runs the tests
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {object} DocCommand
 * @property {string} command  the line without its comment
 * @property {string} comment  the text after `#`, or ''
 * @property {string} heading  the nearest heading above the block, or '' before the first one
 * @property {number} block    index of the ```sh block in the file
 * @property {number} line     1-based line number in the file
 * @property {string[]} output the ```text block right after this command's block, when the block has one
 *                             command (an illustrative output the test compares with the real one)
 */

/** @param {string} markdown @returns {DocCommand[]} */
export function extractCommands(markdown) {
  const lines = markdown.split(/\r?\n/);
  /** @type {DocCommand[]} */
  const out = [];
  let heading = '';
  let block = -1;
  let inSh = false;
  let fence = '';
  /** @type {DocCommand[]} */
  let current = [];
  /** @type {string[] | undefined} */
  let output;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (output !== undefined) {
      if (/^```\s*$/.test(text)) {
        if (current.length === 1) current[0].output = output;
        output = undefined;
        current = [];
      } else output.push(text);
      continue;
    }
    if (inSh) {
      if (text.trim() === fence) {
        inSh = false;
        continue;
      }
      const m = /^(.*?)(?:\s+#\s(.*))?$/.exec(text);
      const command = (m?.[1] ?? text).trim();
      if (command === '' || command.startsWith('#')) continue;
      const entry = { command, comment: (m?.[2] ?? '').trim(), heading, block, line: i + 1, output: [] };
      out.push(entry);
      current.push(entry);
      continue;
    }
    const h = /^#{1,6}\s+(.*)$/.exec(text);
    if (h) {
      heading = h[1].trim();
      current = [];
      continue;
    }
    const f = /^(```+)\s*(sh|bash|shell)\s*$/.exec(text);
    if (f) {
      inSh = true;
      fence = f[1];
      block++;
      current = [];
      continue;
    }
    if (/^```\s*text\s*$/.test(text) && current.length > 0) {
      output = [];
      continue;
    }
    if (text.trim() !== '') current = [];
  }
  return out;
}

/**
 * The steps of a tutorial, in order: every command (as extractCommands gives them) and every file the
 * reader is asked to save — a ```yaml block whose first line is `# 文件：path`.
 * @param {string} markdown
 * @returns {Array<{ type: 'run', step: DocCommand } | { type: 'write', file: string, content: string, line: number }>}
 */
export function extractSteps(markdown) {
  const commands = extractCommands(markdown);
  /** @type {Array<{ type: 'run', step: DocCommand } | { type: 'write', file: string, content: string, line: number }>} */
  const steps = [];
  const lines = markdown.split(/\r?\n/);
  let ci = 0;
  for (let i = 0; i < lines.length; i++) {
    while (ci < commands.length && commands[ci].line <= i + 1)
      steps.push({ type: 'run', step: commands[ci++] });
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const header = /^#\s*文件[：:]\s*(\S+)\s*$/.exec(lines[i + 1] ?? '');
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    if (header)
      steps.push({
        type: 'write',
        file: header[1],
        content: `${lines.slice(i + 2, end).join('\n')}\n`,
        line: i + 1,
      });
    i = end;
  }
  while (ci < commands.length) steps.push({ type: 'run', step: commands[ci++] });
  return steps;
}

/** The README's set-up line that runs the tests (`npm ci && npm test`): the first-screen line with `npm test`. */
export function testLine(markdown) {
  const first = extractCommands(markdown).filter((c) => c.block === 0);
  const line = first.find((c) => /\bnpm (?:run )?test\b/.test(c.command));
  if (!line) throw new Error('the README has no first-screen line that runs npm test');
  return line.command;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--')) ?? 'README.md';
  const text = readFileSync(file, 'utf8');
  if (args.includes('--test-line')) process.stdout.write(`${testLine(text)}\n`);
  else for (const c of extractCommands(text)) process.stdout.write(`${c.command}\n`);
}
