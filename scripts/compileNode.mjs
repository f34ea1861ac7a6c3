#!/usr/bin/env node
// `prepack`: compiles the workbench's Node code (src/node, src/common) to dist/, which the installed
// `amo-workbench` command and the generated Storybook configuration load without a TypeScript loader.
// `postpack` (--clean): removes dist/ again, so this repository always runs its sources.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
if (!process.argv.includes('--clean')) {
  const typescript = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  const tsc = path.join(typescript, 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'src/node/tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
}
