#!/usr/bin/env node
// The amo-workbench command. The installed package runs its Node code compiled (dist/, written when
// the package is packed: scripts/compileNode.mjs); this repository runs the TypeScript sources
// through tsx's loader.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/node/cli/main.js', import.meta.url);
let main;
if (existsSync(compiled)) {
  main = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/node/cli/main.ts');
}
process.exitCode = await main.run(process.argv.slice(2));
