#!/usr/bin/env node
// The amo-workbench command. An installed copy (inside node_modules) runs its Node code compiled
// (dist/, written when the package is packed: scripts/compileNode.mjs); a checkout of the repository
// runs the TypeScript sources through tsx's loader, even while `npm pack` has a dist/ there.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const installed = fileURLToPath(import.meta.url)
  .split(path.sep)
  .includes('node_modules');
const compiled = new URL('../dist/node/cli/main.js', import.meta.url);
let main;
if (installed && existsSync(compiled)) {
  main = await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import('../src/node/cli/main.ts');
}
process.exitCode = await main.run(process.argv.slice(2));
