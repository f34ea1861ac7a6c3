/**
 * The source tree is split by where code runs (docs/contributing.md): src/common runs on both sides,
 * src/host and src/preview in the browser, src/node in Node. The folder tsconfigs keep the wrong
 * globals out (no DOM in Node code, no Node in browser code); this test keeps the imports in line,
 * which a tsconfig cannot: Node code never loads browser code, browser code never loads Node code,
 * and common code loads nothing but common code, by file names Node can load (`./x.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const SIDES = ['common', 'host', 'preview', 'node'] as const;
type Side = (typeof SIDES)[number];
const MAY_IMPORT: Record<Side, Side[]> = {
  common: ['common'],
  host: ['host', 'common'],
  preview: ['preview', 'host', 'common'],
  node: ['node', 'common'],
};
const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(side: Side): string[] {
  return readdirSync(path.join(src, side), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => path.join(src, side, name));
}

function relativeImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!).filter((s) => s.startsWith('.'));
}

const sideOf = (file: string) => path.relative(src, file).split(path.sep)[0];

describe('where code runs', () => {
  it('splits src/ into common, host, preview and node, with nothing else but the public type entries', () => {
    const top = readdirSync(src).filter((name) => !(SIDES as readonly string[]).includes(name));
    expect(top.sort()).toEqual(['hostModules.d.ts', 'index.ts', 'tsconfig.types.json', 'vite-env.d.ts']);
  });

  for (const side of SIDES) {
    it(`src/${side} imports only ${MAY_IMPORT[side].join(', ')}`, () => {
      const wrong: string[] = [];
      for (const file of sourceFiles(side)) {
        for (const spec of relativeImports(file)) {
          const target = sideOf(path.resolve(path.dirname(file), spec));
          if (!(MAY_IMPORT[side] as string[]).includes(target ?? '')) wrong.push(`${path.relative(src, file)} imports ${spec}`);
          if (side === 'common' && !spec.endsWith('.ts')) wrong.push(`${path.relative(src, file)} imports ${spec} without its .ts (Node loads common code)`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('keeps node: modules out of browser and common code', () => {
    const wrong = (['common', 'host', 'preview'] as const).flatMap((side) =>
      sourceFiles(side)
        .filter((file) => /from ['"]node:|require\(['"]node:/.test(readFileSync(file, 'utf8')))
        .map((file) => path.relative(src, file)),
    );
    expect(wrong).toEqual([]);
  });
});
