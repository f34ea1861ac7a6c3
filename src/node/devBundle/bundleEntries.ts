/**
 * Finds the src/ modules that code Vite serves imports, by reading the import specifiers of the
 * given files (folders: every .ts below them). The host bundle exposes exactly these.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { resolveSourceFile } from './bundleHost.ts';

const IMPORT_SPECIFIER = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g;

export function findHostImports(paths: string[], isBundled: (file: string) => boolean): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)) {
      const source = match[1]!;
      if (!source.startsWith('.')) continue;
      const target = resolveSourceFile(path.resolve(path.dirname(file), source.split('?')[0]!));
      if (isBundled(target)) found.add(target);
      // A module Vite serves (a Vite-only src/ module, a helper next to the stories) imports on.
      else if (target.endsWith('.ts') && existsSync(target)) visit(target);
    }
  };
  for (const file of paths.flatMap(listTypeScript)) visit(file);
  return found;
}

function listTypeScript(target: string): string[] {
  if (!existsSync(target)) return [];
  if (statSync(target).isFile()) return target.endsWith('.ts') ? [target] : [];
  return readdirSync(target, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.split(path.sep).includes('node_modules'))
    .map((name) => path.join(target, name));
}
