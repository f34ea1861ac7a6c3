#!/usr/bin/env node
// `prepack`: compiles the workbench's Node code (src/node, src/common) to dist/, which the installed
// `amo-workbench` command and the generated Storybook configuration load without a TypeScript loader.
// `postpack` (--clean): removes dist/ again, so this repository always runs its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
if (!process.argv.includes('--clean')) {
  const typescript = path.dirname(createRequire(import.meta.url).resolve('typescript/package.json'));
  const tsc = path.join(typescript, 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'src/node/tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  // The types of the public entry points (src/tsconfig.types.json), with full relative paths.
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'src/tsconfig.types.json')], { cwd: root, stdio: 'inherit' });
  const types = path.join(root, 'dist', 'types');
  for (const file of declarationFiles(types)) writeFileSync(file, withFullPaths(readFileSync(file, 'utf8'), file, types));
  // The host ids' ambient declarations name the package's types by the package's name: an ambient
  // module may not import a relative path.
  const hostModules = readFileSync(path.join(root, 'src', 'hostModules.d.ts'), 'utf8').replace(/from '\.\/host\/[^']+'/g, "from 'amo-workbench'");
  writeFileSync(path.join(types, 'hostModules.d.ts'), hostModules);
}

function declarationFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * `./x` as nodenext reads it: `./x.js` (or `./x/index.js` for a folder), each naming the .d.ts beside
 * it. Any moduleResolution reads that. Package names stay as they are.
 */
function withFullPaths(text, file, types) {
  const full = (spec) => {
    if (!spec.startsWith('.')) return spec;
    const bare = spec.replace(/\.(ts|js)$/, '');
    const target = path.resolve(path.dirname(file), bare);
    if (existsSync(`${target}.d.ts`)) return `${bare}.js`;
    if (existsSync(path.join(target, 'index.d.ts'))) return `${bare}/index.js`;
    throw new Error(`compileNode: ${path.relative(types, file)} imports ${spec}, which has no declaration file`);
  };
  return text.replace(/((?:from|import\()\s*)'([^']+)'/g, (match, before, spec) => `${before}'${full(spec)}'`);
}
