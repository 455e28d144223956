#!/usr/bin/env node
/**
 * The floor of the benchmark: the least any tool must do to check Matter files against the schema.
 *
 *   node bench/floor.mjs compile --schemas DIR --out FILE.cjs   # once, not timed
 *   node bench/floor.mjs validate --validator FILE.cjs CORPUS    # timed
 *
 * `compile` turns the Matter schema written by `matterc schema --out DIR` (and the schemas it
 * references) into a standalone ajv validator (draft 2020-12, formats from ajv-formats), so that the
 * timed step compiles nothing. `validate` reads every `CORPUS/matters/**\/*.yaml` in one process,
 * parses it with the fastest parser available (js-yaml, else yaml) and validates it. It prints one
 * line — files, invalid files, parser — and exits 1 if a file is invalid or unreadable, 2 on bad usage.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

function usage(message) {
  process.stderr.write(
    `floor: ${message}\nusage: node bench/floor.mjs compile --schemas DIR --out FILE.cjs\n` +
      `       node bench/floor.mjs validate --validator FILE.cjs CORPUS\n`,
  );
  process.exit(2);
}

/** The schema files `root` references, transitively, by `$ref` to another file (`defs.schema.json#/…`). */
function referencedSchemas(dir, root) {
  const seen = new Set([root]);
  const queue = [root];
  while (queue.length > 0) {
    const text = readFileSync(join(dir, queue.shift()), 'utf8');
    for (const m of text.matchAll(/"\$ref"\s*:\s*"([^"#]+)(?:#[^"]*)?"/g)) {
      if (!seen.has(m[1])) {
        seen.add(m[1]);
        queue.push(m[1]);
      }
    }
  }
  seen.delete(root);
  return [...seen].sort();
}

function compile(schemasDir, out) {
  const { Ajv2020 } = require('ajv/dist/2020');
  const standaloneCode = require('ajv/dist/standalone').default;
  const addFormats = require('ajv-formats');
  const ajv = new Ajv2020({ code: { source: true }, strict: true });
  addFormats(ajv);
  for (const ref of referencedSchemas(schemasDir, 'matter.schema.json'))
    ajv.addSchema(JSON.parse(readFileSync(join(schemasDir, ref), 'utf8')));
  const validate = ajv.compile(JSON.parse(readFileSync(join(schemasDir, 'matter.schema.json'), 'utf8')));
  // The generated module requires ajv's runtime helpers and ajv-formats by package name; it is written
  // outside this repository, so point those requires at the files this checkout resolves.
  const code = standaloneCode(ajv, validate).replace(
    /require\("([^"]+)"\)/g,
    (_, id) => `require(${JSON.stringify(require.resolve(id))})`,
  );
  writeFileSync(out, code);
}

async function parser() {
  try {
    const { load } = await import('js-yaml');
    return { name: 'js-yaml', parse: (text) => load(text) };
  } catch {
    const { parse } = await import('yaml');
    return { name: 'yaml', parse: (text) => parse(text) };
  }
}

async function validateCorpus(validatorFile, corpus) {
  const validate = createRequire(validatorFile)(validatorFile);
  const { name, parse } = await parser();
  const dir = join(corpus, 'matters');
  const files = readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  let invalid = 0;
  for (const file of files) {
    let ok;
    let why = '';
    try {
      ok = validate(parse(readFileSync(join(dir, file), 'utf8')));
      if (!ok) why = validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    } catch (error) {
      ok = false;
      why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    if (!ok) {
      invalid += 1;
      if (invalid <= 10) process.stderr.write(`${join(dir, file)} invalid: ${why}\n`);
    }
  }
  process.stdout.write(`floor: ${files.length} files, ${invalid} invalid (${name})\n`);
  return invalid === 0 && files.length > 0 ? 0 : 1;
}

const [command, ...rest] = process.argv.slice(2);
let parsed;
try {
  parsed = parseArgs({
    args: rest,
    options: { schemas: { type: 'string' }, out: { type: 'string' }, validator: { type: 'string' } },
    allowPositionals: true,
  });
} catch (error) {
  usage(error.message);
}
const { values, positionals } = parsed;
if (command === 'compile') {
  if (!values.schemas || !values.out || positionals.length > 0) usage('compile needs --schemas and --out');
  compile(resolve(values.schemas), resolve(values.out));
} else if (command === 'validate') {
  if (!values.validator || positionals.length !== 1) usage('validate needs --validator and one corpus');
  process.exitCode = await validateCorpus(resolve(values.validator), resolve(positionals[0]));
} else {
  usage(command === undefined ? 'no command' : `unknown command "${command}"`);
}
