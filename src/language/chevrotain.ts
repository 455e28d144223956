/**
 * chevrotain, loaded from the single-file ESM bundle the package ships (`lib/chevrotain.mjs`).
 *
 * The package's `exports` point at `lib/src/api.js`, which pulls in several hundred lodash-es
 * modules: about 0.35 s of module loading on every `check`, against 0.02 s for the bundle of the
 * same build. The bundle is not in `exports`, so it is imported by file URL next to the resolved
 * entry; if that ever fails (another layout, a test runner without `import.meta.resolve`), the
 * package entry is used. Every value import of chevrotain goes through here, so tokens and parsers
 * always come from one copy.
 */
import type * as Chevrotain from 'chevrotain';

async function load(): Promise<typeof Chevrotain> {
  try {
    const entry = import.meta.resolve('chevrotain');
    return (await import(new URL('../chevrotain.mjs', entry).href)) as typeof Chevrotain;
  } catch {
    return await import('chevrotain');
  }
}

const chevrotain = await load();

export const { createToken, EmbeddedActionsParser, Lexer } = chevrotain;
