/**
 * What the preset loads into Storybook's server. Storybook imports it through ESM loader hooks on a
 * worker thread, so every module it pulls in is a round trip there, before `index.json` can be served
 * (docs/performance.md). Browser-only packages have no business there: `storybook/internal/csf`'s
 * index, for one, loads `storybook/test` with Testing Library and aria-query (~160 ms of import).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every specifier resolved while the preset module loads, in a fresh Node process. */
function specifiersLoadedBy(module: string): string[] {
  const hooks = `export async function resolve(specifier, context, next) { console.log('RESOLVED ' + specifier); return next(specifier, context); }`;
  const script = [
    "import { register } from 'node:module';",
    `register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`,
    "const { register: tsx } = await import('tsx/esm/api'); tsx();",
    `await import(${JSON.stringify(path.join(root, module))});`,
  ].join('\n');
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return output
    .split('\n')
    .filter((line) => line.startsWith('RESOLVED '))
    .map((line) => line.slice('RESOLVED '.length));
}

describe("the preset in Storybook's server", () => {
  it('loads no browser-only package (storybook/test, Testing Library, storybook/internal/csf)', () => {
    const loaded = specifiersLoadedBy('src/node/preset.ts');
    // The check itself works: the preset's own modules were seen.
    expect(loaded.some((s) => s.includes('storyIdentity'))).toBe(true);
    expect(loaded.filter((s) => /^storybook\/(test|internal\/csf)$|@testing-library\/|aria-query/.test(s))).toEqual([]);
  }, 60_000);
});
